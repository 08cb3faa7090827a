/**
 * Team sync in the background (docs/TEAM-SYNC.md#advisors-push): every 15
 * minutes, and on "Share now", an advisor's unshared events go to the team
 * database and colleagues' posts documents come back. Nothing happens for a
 * browser that never connected.
 *
 * Static imports only: Chrome refuses `import()` in a service worker, so a
 * lazily loaded chunk would fail exactly when the alarm fires.
 */
import { browser } from 'wxt/browser';
import { getDatabase } from '../db/database';
import { getAdvisorSigningKey } from '../log/advisor-keys';
import { UNNAMED_ADVISOR } from '../log/store';
import { getSettings } from '../settings/settings';
import { colleagueMarks, fetchColleaguePosts } from '../team/colleagues';
import { getTeamCredentials } from '../team/connection';
import type { TeamShareResponse, TeamShareStatus } from '../team/messages';
import { openTeamServer } from '../team/open-server';
import { shareTeamRecords } from '../team/push';
import { describeFailure, getTeamStatus, readStatusRecord } from '../team/status';

export const TEAM_SYNC_ALARM = 'team-sync';
/** A sooner, one-off try after a failed run (the server was down or the network gone). */
export const TEAM_RETRY_ALARM = 'team-sync-retry';
const TEAM_SYNC_PERIOD_MINUTES = 15;
const TEAM_RETRY_MINUTES = 2;

/** One run at a time: the alarm and "Share now" wait for each other. */
let running: Promise<TeamShareResponse> | null = null;

async function runOnce(): Promise<TeamShareResponse> {
  const db = getDatabase();
  const credentials = await getTeamCredentials(db);
  if (!credentials) {
    return { ok: false, message: 'This browser is not connected to a team database.' };
  }
  const server = openTeamServer(credentials);
  try {
    let result = { sharedEvents: 0, batches: 0, remaining: 0 };
    if (credentials.roles.includes('advisor')) {
      const advisor = (await getSettings()).advisorPseudonym || UNNAMED_ADVISOR;
      result = await shareTeamRecords(db, {
        server,
        user: credentials.user,
        secret: credentials.secret,
        advisor,
        signingKey: await getAdvisorSigningKey(db, advisor),
      });
    }
    await fetchColleaguePosts(db, server, credentials.user);
    return { ok: true, ...result };
  } catch (error) {
    const failure = describeFailure(error);
    return {
      ok: false,
      // The answer's schema allows 1,000 characters; a longer reason is cut, not refused.
      message: failure.message.slice(0, 1000),
      ...(failure.code ? { code: failure.code } : {}),
    };
  }
}

/** Shares now, or joins the run already going. */
export function syncTeamNow(): Promise<TeamShareResponse> {
  running ??= runOnce().finally(() => {
    running = null;
  });
  return running;
}

/** The popup's team line: the background answers, so the popup never loads the database. */
export async function loadTeamShareStatus(): Promise<TeamShareStatus> {
  const db = getDatabase();
  const credentials = await getTeamCredentials(db);
  if (!credentials?.roles.includes('advisor')) {
    return { advisor: false, unshared: 0, lastPushFailed: false };
  }
  const status = await getTeamStatus(db);
  return {
    advisor: true,
    unshared: status.unshared,
    lastPushFailed: status.lastPushError !== null,
  };
}

/** Colleagues' posts are fetched again when the workspace asks and they are older than this. */
const MARKS_FRESH_MS = 5 * 60_000;
let refreshing: Promise<unknown> | null = null;

/**
 * Colleagues' marks on these posts, from what was fetched. If that is older
 * than five minutes, a fetch starts for the workspace's next question (which
 * it asks again after a minute): the answer never waits for the network.
 */
export async function loadColleagueMarks(postKeys: readonly string[]) {
  const db = getDatabase();
  const credentials = await getTeamCredentials(db);
  if (!credentials) return [];
  const { postsFetchedAt } = await readStatusRecord(db);
  if (!refreshing && (postsFetchedAt === null || Date.now() - postsFetchedAt > MARKS_FRESH_MS)) {
    refreshing = fetchColleaguePosts(db, openTeamServer(credentials), credentials.user)
      .catch((error: unknown) =>
        console.warn(
          'Outreach Advisor: colleagues’ posts not fetched:',
          describeFailure(error).message,
        ),
      )
      .finally(() => {
        refreshing = null;
      });
  }
  return colleagueMarks(db, credentials.secret, credentials.user, postKeys);
}

/** A scheduled run; after a failure, another try in two minutes instead of fifteen. */
async function scheduledRun(): Promise<void> {
  const result = await syncTeamNow();
  if (result.ok || !(await getTeamCredentials(getDatabase()))) return;
  console.warn('Outreach Advisor: team sync did not finish:', result.message);
  await browser.alarms.create(TEAM_RETRY_ALARM, { delayInMinutes: TEAM_RETRY_MINUTES });
}

export function registerTeamSync(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== TEAM_SYNC_ALARM && alarm.name !== TEAM_RETRY_ALARM) return;
    void scheduledRun();
  });
  // Firefox's background page hears the network come back; Chrome's worker relies on the retry.
  globalThis.addEventListener?.('online', () => void scheduledRun());
  void browser.alarms.get(TEAM_SYNC_ALARM).then((existing) => {
    if (existing) return;
    return browser.alarms.create(TEAM_SYNC_ALARM, {
      delayInMinutes: 1,
      periodInMinutes: TEAM_SYNC_PERIOD_MINUTES,
    });
  });
}
