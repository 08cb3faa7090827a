/**
 * Everything the workspace does outside itself, besides the port to the
 * page: asking the background for suggestions and search results, logging
 * the advisor's actions, feedback on suggestions, case notes, post statuses,
 * the selection made on the page, the clipboard and the settings. The views
 * get these as one `WorkspaceActions` object, so tests pass plain fakes
 * (the same pattern as the overlay's actions, docs/ARCHITECTURE.md#content-script-lifecycle).
 */
import type { DetectedLanguage, UiLanguage } from '../../lib/domain/languages';
import { LIMITS } from '../../lib/domain/limits';
import type { CaseOutcome, EscalationKind, LogEventRequest } from '../../lib/log/events';
import { sendMessage } from '../../lib/messaging/send';
import { getSettings, watchSettings, type Settings } from '../../lib/settings/settings';
import type {
  SuggestForPostsRequest,
  SuggestForPostsResponse,
  SuggestionFeedbackKind,
  SuggestionPayload,
} from '../../lib/suggestions/schema';
import type { ClaimCorrectionRequest, ClaimCorrectionResponse } from '../../lib/claims/messages';
import type { ListReferralsRequest, ReferralOption } from '../../lib/referrals/messages';
import type { GroupSpike } from '../../lib/log/group-spikes';
import type { PostStatus } from '../../lib/workspace/protocol';

export interface SearchOptions {
  /** The post's language: results come with their reply in it where the pack has one. */
  postLanguage: DetectedLanguage;
  /** For the rendering beside the reply. */
  uiLanguage: UiLanguage;
}

/** Search over every answer of the active packs, best first. */
export type SearchAnswers = (query: string, options: SearchOptions) => Promise<SuggestionPayload[]>;

export interface StoredCaseNote {
  outcome: CaseOutcome;
  note: string;
  referredTo: string | null;
  escalation: EscalationKind | null;
  updatedAt: number;
}

/** A colleague in the team documented or replied to this post (docs/TEAM-SYNC.md). */
export interface ColleagueMark {
  postKey: string;
  user: string;
  at: number;
  kind: 'replied' | 'documented';
}

/** Most post keys one `getColleagueMarks` request carries. */
export const COLLEAGUE_MARKS_BATCH = 200;

export interface WorkspaceActions {
  suggest(request: SuggestForPostsRequest): Promise<SuggestForPostsResponse>;
  search: SearchAnswers;
  /** Resolves once the background stored (or already had) every event; rejects otherwise. */
  logEvents(events: LogEventRequest[]): Promise<void>;
  recordFeedback(suggestion: SuggestionPayload, kind: SuggestionFeedbackKind): Promise<void>;
  loadCaseNote(postKey: string): Promise<StoredCaseNote | null>;
  loadStatuses(postKeys: string[]): Promise<Record<string, PostStatus>>;
  /** A post (and comment) the advisor chose on the page before this workspace was connected. */
  takeSelection(tabId: number): Promise<{ postKey: string; commentKey: string | null } | null>;
  /** The correction of a claim a comment repeats, and what the claim says. */
  claimCorrection(request: ClaimCorrectionRequest): Promise<ClaimCorrectionResponse>;
  copyText(text: string): Promise<boolean>;
  getSettings(): Promise<Settings>;
  watchSettings(callback: (settings: Settings) => void): () => void;
  /** The referral directory for a state and a post language, local services first. */
  listReferrals(request: ListReferralsRequest): Promise<ReferralOption[]>;
  /** Questions rising in a group this week or last (docs/MONITORING.md#trends-and-spikes). */
  loadGroupSpikes(groupId: string): Promise<GroupSpike[]>;
  /** What colleagues did on these posts; empty when not connected to a team. */
  loadColleagueMarks(postKeys: string[]): Promise<ColleagueMark[]>;
}

/** Thrown by `logEvents` when the background refused or missed an event. */
export class LogNotStoredError extends Error {
  override name = 'LogNotStoredError';
}

/**
 * A stand-in search until the background's own search message is wired in
 * (it is what `createWorkspaceActions` gets from the entry point): it runs the
 * query through the matcher as if it were a post, so it finds what matching
 * finds for those words.
 */
/**
 * The search over the whole active pack (`searchAnswers`, lib/matching/search.ts):
 * titles and texts in the post's language, the advisor's, German and English,
 * tolerant of missing diacritics and typos. Hits come back like suggestions.
 */
export const searchAnswers: SearchAnswers = async (query, options) => {
  const text = query.trim().slice(0, LIMITS.searchQuery);
  if (!text) return [];
  const response = await sendMessage('searchAnswers', {
    query: text,
    uiLanguage: options.uiLanguage,
    ...(options.postLanguage ? { postLanguage: options.postLanguage } : {}),
  });
  return response.results;
};

export function createWorkspaceActions(
  options: { searchAnswers: SearchAnswers } = { searchAnswers },
): WorkspaceActions {
  return {
    suggest: (request) => sendMessage('suggestForPosts', request),
    search: options.searchAnswers,
    async logEvents(events) {
      const answer = await sendMessage('logEvents', { events });
      const stored = new Set(answer.acknowledged);
      const missing = events.filter((event) => !stored.has(event.id));
      if (missing.length > 0) {
        const reason = answer.rejected[0]?.reason ?? 'not acknowledged';
        throw new LogNotStoredError(reason);
      }
    },
    async recordFeedback(suggestion, kind) {
      await sendMessage('recordSuggestionFeedback', {
        packId: suggestion.packId,
        answerId: suggestion.answerId,
        kind,
      });
    },
    loadCaseNote: (postKey) => sendMessage('getCaseNote', { postKey }),
    listReferrals: async (request) => (await sendMessage('listReferrals', request)).referrals,
    loadGroupSpikes: async (groupId) => (await sendMessage('getGroupSpikes', { groupId })).spikes,
    async loadColleagueMarks(postKeys) {
      const marks: ColleagueMark[] = [];
      for (let start = 0; start < postKeys.length; start += COLLEAGUE_MARKS_BATCH) {
        const chunk = postKeys.slice(start, start + COLLEAGUE_MARKS_BATCH);
        marks.push(...(await sendMessage('getColleagueMarks', { postKeys: chunk })).marks);
      }
      return marks;
    },
    async loadStatuses(postKeys) {
      if (postKeys.length === 0) return {};
      return (await sendMessage('getPostStatuses', { postKeys })).statuses;
    },
    async takeSelection(tabId) {
      const { postKey, commentKey } = await sendMessage('takeWorkspaceSelection', { tabId });
      return postKey === null ? null : { postKey, commentKey };
    },
    claimCorrection: (request) => sendMessage('claimCorrection', request),
    async copyText(text) {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch {
        return false;
      }
    },
    getSettings,
    watchSettings,
  };
}
