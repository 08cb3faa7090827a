/**
 * The background's team sync runs against the in-process CouchDB-compatible
 * server: nothing without a connection, a share through the alarm, and a
 * sooner retry after a failed run.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDatabase, OutreachDatabase } from '../db/database';
import { createExportSigningKey } from '../log/export-signing';
import { shareTeamRecords } from '../team/push';
import type { LogEvent } from '../log/events';
import { deleteAllLogData } from '../log/retention';
import { CouchClient } from '../team/couch-client';
import { connectTeam, disconnectTeam, getTeamConnection } from '../team/connection';
import { setupTeamDatabase } from '../team/design';
import { getTeamStatus } from '../team/status';
import { createTeamSecret, encodeConnectionCode } from '../team/team-key';
import type { CouchTestServer } from '../../tests/support/couch-test-server';
import { startCouchTestServer } from '../../tests/support/couch-test-server';
import { sampleEvent } from '../../tests/fixtures/sample-events';
import {
  loadColleagueMarks,
  registerTeamSync,
  syncTeamNow,
  TEAM_RETRY_ALARM,
  TEAM_SYNC_ALARM,
} from './team';

let server: CouchTestServer;
let code: string;

beforeAll(async () => {
  server = await startCouchTestServer();
  await server.addUser('anna', 'anna-pw', ['advisor']);
  await server.addUser('ben', 'ben-pw', ['advisor']);
  const url = server.databaseUrl('team-background');
  await setupTeamDatabase(new CouchClient(url, server.admin));
  code = encodeConnectionCode(url, createTeamSecret());
}, 30_000);

afterAll(async () => {
  await server.stop();
});

beforeEach(async () => {
  await deleteAllLogData(getDatabase());
  await disconnectTeam(getDatabase());
});

const ownEvent = (): LogEvent =>
  ({
    ...sampleEvent('handled', { at: Date.now() - 60_000 }),
    advisor: 'a',
    source: 'local',
  }) as LogEvent;

const alarm = (name: string) => ({ name, scheduledTime: Date.now(), persistAcrossSessions: false });

describe('background team sync', () => {
  it('does nothing for a browser that never connected', async () => {
    await getDatabase().events.add(ownEvent());
    expect(await syncTeamNow()).toEqual({
      ok: false,
      message: 'This browser is not connected to a team database.',
    });
    expect(await getDatabase().teamOutbox.count()).toBe(0);
  });

  it('shares on the alarm, and after a failure tries again in two minutes', async () => {
    registerTeamSync();
    await connectTeam(getDatabase(), { code, user: 'anna', password: 'anna-pw' });
    await getDatabase().events.bulkAdd([ownEvent(), ownEvent()]);

    await server.suspend();
    await fakeBrowser.alarms.onAlarm.trigger(alarm(TEAM_SYNC_ALARM));
    await expect.poll(() => fakeBrowser.alarms.get(TEAM_RETRY_ALARM)).toBeDefined();
    expect((await getTeamStatus(getDatabase())).unshared).toBe(2);

    await server.resume();
    await fakeBrowser.alarms.onAlarm.trigger(alarm(TEAM_RETRY_ALARM));
    await expect
      .poll(async () => (await getTeamStatus(getDatabase())).unshared, { timeout: 5000 })
      .toBe(0);
    expect((await getTeamStatus(getDatabase())).lastPushError).toBeNull();
  });

  it('answers the workspace at once and fetches colleagues’ posts for its next question', async () => {
    // Anna shares from another installation (her own database, the same team).
    const anna = new OutreachDatabase(`anna-${crypto.randomUUID()}`);
    await connectTeam(anna, { code, user: 'anna', password: 'anna-pw' });
    await anna.events.add({ ...ownEvent(), type: 'handled', postKey: 'fb:4242' } as LogEvent);
    const credentials = await getTeamConnection(anna);
    await shareTeamRecords(anna, {
      server: new CouchClient(credentials?.url ?? '', { username: 'anna', password: 'anna-pw' }),
      user: 'anna',
      secret: credentials?.secret ?? '',
      advisor: 'A',
      signingKey: await createExportSigningKey('anna'),
    });
    await anna.delete();

    await connectTeam(getDatabase(), { code, user: 'ben', password: 'ben-pw' });
    expect(await loadColleagueMarks(['fb:4242'])).toEqual([]);
    await expect
      .poll(async () => (await loadColleagueMarks(['fb:4242'])).map((mark) => mark.user))
      .toEqual(['anna']);
  });
});
