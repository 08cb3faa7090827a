/**
 * Team sync in the background (docs/TEAM-SYNC.md#advisors-push): every 15
 * minutes, and on "Share now", an advisor's unshared events go to the team
 * database and colleagues' posts documents come back. Nothing happens for a
 * browser that never connected. The team modules are loaded only when there
 * is something to do, so the worker's start stays light.
 */
import { browser } from 'wxt/browser';
import { getDatabase } from '../db/database';
import type { TeamShareResponse } from '../team/messages';
import { getSettings } from '../settings/settings';
import { UNNAMED_ADVISOR } from '../log/store';

export const TEAM_SYNC_ALARM = 'team-sync';
const TEAM_SYNC_PERIOD_MINUTES = 15;

/** One run at a time: the alarm and "Share now" wait for each other. */
let running: Promise<TeamShareResponse> | null = null;

async function runOnce(): Promise<TeamShareResponse> {
  const db = getDatabase();
  const [{ getTeamCredentials }, { openTeamServer }] = await Promise.all([
    import('../team/connection'),
    import('../team/open-server'),
  ]);
  const credentials = await getTeamCredentials(db);
  if (!credentials) {
    return { ok: false, message: 'This browser is not connected to a team database.' };
  }
  const server = openTeamServer(credentials);
  try {
    let result = { sharedEvents: 0, batches: 0, remaining: 0 };
    if (credentials.roles.includes('advisor')) {
      const [{ shareTeamRecords }, { getAdvisorSigningKey }] = await Promise.all([
        import('../team/push'),
        import('../log/advisor-keys'),
      ]);
      const advisor = (await getSettings()).advisorPseudonym || UNNAMED_ADVISOR;
      result = await shareTeamRecords(db, {
        server,
        user: credentials.user,
        secret: credentials.secret,
        advisor,
        signingKey: await getAdvisorSigningKey(db, advisor),
      });
    }
    const { fetchColleaguePosts } = await import('../team/colleagues');
    await fetchColleaguePosts(db, server, credentials.user);
    return { ok: true, ...result };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Shares now, or joins the run already going. */
export function syncTeamNow(): Promise<TeamShareResponse> {
  running ??= runOnce().finally(() => {
    running = null;
  });
  return running;
}

export async function loadColleagueMarks(postKeys: readonly string[]) {
  const db = getDatabase();
  const { getTeamCredentials } = await import('../team/connection');
  const credentials = await getTeamCredentials(db);
  if (!credentials) return [];
  const { colleagueMarks } = await import('../team/colleagues');
  return colleagueMarks(db, credentials.secret, credentials.user, postKeys);
}

export function registerTeamSync(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== TEAM_SYNC_ALARM) return;
    void syncTeamNow().then((result) => {
      if (!result.ok && !result.message.includes('not connected')) {
        console.warn('Outreach Advisor: team sync did not finish:', result.message);
      }
    });
  });
  void browser.alarms.get(TEAM_SYNC_ALARM).then((existing) => {
    if (existing) return;
    return browser.alarms.create(TEAM_SYNC_ALARM, {
      delayInMinutes: 1,
      periodInMinutes: TEAM_SYNC_PERIOD_MINUTES,
    });
  });
}
