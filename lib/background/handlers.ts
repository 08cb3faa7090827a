/**
 * The background's answers to every message of the protocol. The compiler
 * checks that each message has a handler with the right types; the receiver
 * has validated sender and payload before any of these runs.
 */
import { browser } from 'wxt/browser';
import { getDatabase } from '../db/database';
import { analysePosts } from '../analysis/analyse-posts';
import type { Handlers } from '../messaging/receive';
import { loadGroupSpikes } from './group-trends';
import { noteGroupPage } from './groups';
import { MAX_GROUP_SPIKES } from '../log/group-spikes';
import { loadTabState, saveTabState } from './tab-state';
import { loadCaseNote, logEventsChecked } from './log';
import { clearFeedback, loadFeedback, recordFeedback } from './suggestion-feedback';
import { claimCorrection, matchClaims } from './claims';
import { listReferrals } from './referrals';
import { loadColleagueMarks, loadTeamShareStatus, syncTeamNow } from './team';
import { searchAnswers } from './search';
import { listFeedback, suggestForPosts } from './suggestions';
import { loadCorrectedComments, loadPostStatuses, openWorkspace, takeSelection } from './workspace';
import { topicOfSuggestions } from '../suggestions/schema';

const startedAt = Date.now();

async function isDatabaseReady(): Promise<boolean> {
  try {
    const db = getDatabase();
    if (!db.isOpen()) await db.open();
    return true;
  } catch {
    return false;
  }
}

export const handlers: Handlers = {
  getBackgroundStatus: async () => ({
    version: browser.runtime.getManifest().version,
    startedAt,
    databaseReady: await isDatabaseReady(),
  }),
  reportPageState: async (page, { tabId }) => {
    if (tabId === undefined) return { accepted: false };
    await saveTabState(tabId, page);
    await noteGroupPage(page).catch((error: unknown) =>
      console.error('Outreach Advisor: group register not updated', error),
    );
    return { accepted: true };
  },
  getTabState: ({ tabId }) => loadTabState(tabId),
  analysePosts: ({ posts }) => ({ results: analysePosts(posts) }),
  logEvents: ({ events }, { senderKind }) =>
    logEventsChecked(events, { contentScript: senderKind === 'content-script' }),
  getCaseNote: ({ postKey }) => loadCaseNote(postKey),
  getPostStatuses: async ({ postKeys }) => ({ statuses: await loadPostStatuses(postKeys) }),
  getCorrectedComments: async ({ postKeys }) => ({
    corrected: await loadCorrectedComments(postKeys),
  }),
  openWorkspace: ({ postKey, commentKey }, { tabId }) => openWorkspace(tabId, postKey, commentKey),
  takeWorkspaceSelection: ({ tabId }) => takeSelection(tabId),
  suggestForPosts: (request) => suggestForPosts(request),
  topicsForPosts: async (request) => ({
    results: (await suggestForPosts(request)).results.map(topicOfSuggestions),
  }),
  searchAnswers: (request) => searchAnswers(request),
  listReferrals: (request) => listReferrals(request),
  matchClaims: (request) => matchClaims(request),
  getGroupSpikes: async ({ groupId }) => ({
    spikes: (await loadGroupSpikes(groupId)).slice(0, MAX_GROUP_SPIKES),
  }),
  claimCorrection: (request) => claimCorrection(request),
  teamShareNow: () => syncTeamNow(),
  getTeamShareStatus: () => loadTeamShareStatus(),
  getColleagueMarks: async ({ postKeys }) => ({ marks: await loadColleagueMarks(postKeys) }),
  recordSuggestionFeedback: async (event) => ({
    adjustment: (await recordFeedback(event)).adjustment,
  }),
  getSuggestionFeedback: async ({ uiLanguage }) => listFeedback(await loadFeedback(), uiLanguage),
  resetSuggestionFeedback: async ({ uiLanguage, answer }) =>
    listFeedback(await clearFeedback(answer), uiLanguage),
};
