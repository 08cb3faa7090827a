/**
 * What the Team section does outside itself: the host permission, the
 * connection, sharing through the background and fetching the team's records.
 * One object, so the component tests pass fakes for the parts that would
 * reach a server (the same pattern as the workspace's actions).
 */
import { browser } from 'wxt/browser';
import { getDatabase } from '../../../lib/db/database';
import { listTrustedAdvisorKeys, toTrustedKeys } from '../../../lib/log/advisor-keys';
import { sendMessage } from '../../../lib/messaging/send';
import type { TeamConnection } from '../../../lib/team/connection';
import { connectTeam, disconnectTeam } from '../../../lib/team/connection';
import type { PullResult } from '../../../lib/team/pull';
import { originPattern } from '../../../lib/packs/fetch-pack';
import { pullTeam } from '../../../lib/team/pull';
import { getSettings } from '../../../lib/settings/settings';
import type { TeamShareResponse } from '../../../lib/team/messages';

export type ShareResult = TeamShareResponse;

export type { PullResult };

export interface TeamServices {
  /** Asks the browser for access to `origin` only; must start inside a click handler. */
  requestHostAccess(origin: string): Promise<boolean>;
  connect(input: { code: string; user: string; password: string }): Promise<TeamConnection>;
  disconnect(): Promise<void>;
  shareNow(): Promise<ShareResult>;
  /** Fetches and checks the team's batches against the advisor keys trusted now. */
  pull(options: {
    signal: AbortSignal;
    onProgress: (done: number, total: number) => void;
  }): Promise<PullResult>;
}

export const teamServices: TeamServices = {
  // Host without port, as for packs: Firefox refuses a pattern with a port, and a pattern
  // without one covers every port in both browsers.
  requestHostAccess: (origin) =>
    browser.permissions.request({ origins: [originPattern(new URL(origin))] }),
  connect: (input) => connectTeam(getDatabase(), input),
  disconnect: () => disconnectTeam(getDatabase()),
  shareNow: () => sendMessage('teamShareNow', {}),
  async pull({ signal, onProgress }) {
    const db = getDatabase();
    const trusted = toTrustedKeys(await listTrustedAdvisorKeys(db));
    const { retentionDays, storePostText } = await getSettings();
    return pullTeam(db, { trusted, signal, onProgress, retentionDays, storePostText });
  },
};
