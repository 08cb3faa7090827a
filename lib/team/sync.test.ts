/**
 * Team sync end to end below the interface: two advisors' databases push to
 * the in-process CouchDB-compatible server through the real client, a
 * supervisor's database pulls. Covers "never lost, never twice", the server
 * being down, an unknown signer, a document changed on the server, and a
 * colleague's mark.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OutreachDatabase, TEAM_CONNECTION_ID } from '../db/database';
import type { LogEvent, LogEventType } from '../log/events';
import { createExportSigningKey } from '../log/export-signing';
import type { ExportSigningKey } from '../log/export-signing';
import type { CouchTestServer } from '../../tests/support/couch-test-server';
import { startCouchTestServer } from '../../tests/support/couch-test-server';
import { sampleEvent } from '../../tests/fixtures/sample-events';
import { colleagueMarks, fetchColleaguePosts } from './colleagues';
import { connectTeam, getTeamConnection } from './connection';
import {
  BATCH_ATTACHMENT,
  batchFactsOf,
  buildBatchDoc,
  parseTeamDocId,
  utf8ToBase64,
} from './documents';
import { buildLogExport, serialiseLogExport } from '../log/envelope';
import { DEFAULT_INCLUDES } from '../log/export-options';
import { openTeamServer } from './open-server';
import { listTeamBatches, pullTeam } from './pull';
import { noteTeamPostKeys } from './post-keys';
import { shareTeamRecords } from './push';
import { getTeamStatus } from './status';
import { createTeamSecret, encodeConnectionCode, teamPseudonymiser } from './team-key';
import { setupTeamDatabase } from './design';
import type { TeamServer } from './server';
import { CouchClient } from './couch-client';

let server: CouchTestServer;
let dbUrl: string;
let code: string;
const secret = createTeamSecret();
const dbs: OutreachDatabase[] = [];
/** The supervisor's settings that matter for merging. */
const LOCAL = { retentionDays: 90, storePostText: false };

beforeAll(async () => {
  server = await startCouchTestServer();
  await server.addUser('anna', 'anna-pw', ['advisor']);
  await server.addUser('ben', 'ben-pw', ['advisor']);
  await server.addUser('sam', 'sam-pw', ['supervisor']);
}, 30_000);

afterAll(async () => {
  await server.stop();
});

// Every test gets its own team database, so no test sees another's batches.
beforeEach(async () => {
  dbs.length = 0;
  dbUrl = server.databaseUrl(`team-${crypto.randomUUID()}`);
  await setupTeamDatabase(new CouchClient(dbUrl, server.admin));
  code = encodeConnectionCode(dbUrl, secret);
});

afterEach(async () => {
  for (const db of dbs) await db.delete();
});

async function installation(user: string, password: string) {
  const db = new OutreachDatabase(`team-${user}-${crypto.randomUUID()}`);
  dbs.push(db);
  await connectTeam(db, { code, user, password });
  return db;
}

function localEvent(type: LogEventType, overrides: Record<string, unknown> = {}): LogEvent {
  return {
    ...sampleEvent(type, { at: Date.now() - 3_600_000, ...overrides }),
    advisor: 'A-1',
    source: 'local',
  } as LogEvent;
}

async function share(db: OutreachDatabase, key: ExportSigningKey) {
  const connection = await getTeamConnection(db);
  if (!connection) throw new Error('not connected');
  const creds = await db.secrets.get(TEAM_CONNECTION_ID);
  const { password } = creds?.value as { password: string };
  return shareTeamRecords(db, {
    server: openTeamServer({ url: connection.url, user: connection.user, password }),
    user: connection.user,
    secret: connection.secret,
    advisor: `${connection.user}-pseudonym`,
    signingKey: key,
  });
}

const admin = () => new CouchClient(dbUrl, server.admin);

async function batchIdsOf(user: string): Promise<string[]> {
  const page = await admin().changes(null, 1000);
  return page.results
    .map((change) => change.id)
    .filter((id) => {
      const parsed = parseTeamDocId(id);
      return parsed?.kind === 'batch' && parsed.user === user;
    });
}

describe('team sync', () => {
  it('shares every own event once, and a second run adds nothing', async () => {
    const anna = await installation('anna', 'anna-pw');
    const key = await createExportSigningKey('anna');
    const events = Array.from({ length: 25 }, (_, index) =>
      localEvent(index % 5 === 0 ? 'reply-inserted' : 'post-seen', {
        postKey: `fb:${1000 + index}`,
        at: Date.now() - 3_600_000 + index,
      }),
    );
    await anna.events.bulkAdd(events);
    expect((await getTeamStatus(anna)).unshared).toBe(25);

    const first = await share(anna, key);
    expect(first).toEqual({ sharedEvents: 25, batches: 1, remaining: 0 });
    expect((await getTeamStatus(anna)).unshared).toBe(0);
    expect(await batchIdsOf('anna')).toHaveLength(1);

    const second = await share(anna, key);
    expect(second).toEqual({ sharedEvents: 0, batches: 0, remaining: 0 });
    expect(await batchIdsOf('anna')).toHaveLength(1);
  });

  it('packs many events into batches in time order, each event once', async () => {
    const anna = await installation('anna', 'anna-pw');
    const key = await createExportSigningKey('anna');
    const base = Date.now() - 86_400_000;
    // Stored in an order unrelated to time (ids are random), as a real log is.
    const events = Array.from({ length: 2500 }, (_, index) =>
      localEvent('post-seen', {
        postKey: `fb:${index}`,
        at: base + ((index * 7919) % 2500) * 1000,
      }),
    );
    await anna.events.bulkAdd(events);
    const connection = await getTeamConnection(anna);
    const result = await shareTeamRecords(anna, {
      server: openTeamServer({ url: dbUrl, user: 'anna', password: 'anna-pw' }),
      user: 'anna',
      secret: connection?.secret ?? '',
      advisor: 'anna-pseudonym',
      signingKey: key,
      batchSize: 1000,
    });
    expect(result).toEqual({ sharedEvents: 2500, batches: 3, remaining: 0 });
    const ranges = [];
    for (const id of await batchIdsOf('anna')) {
      const envelope = JSON.parse(await admin().getAttachmentText(id, BATCH_ATTACHMENT)) as {
        eventCount: number;
        range: { from: string; to: string };
      };
      ranges.push({ count: envelope.eventCount, ...envelope.range });
    }
    ranges.sort((a, b) => a.from.localeCompare(b.from));
    expect(ranges.map((range) => range.count)).toEqual([1000, 1000, 500]);
    for (const [index, range] of ranges.entries()) {
      if (index > 0) expect(range.from > (ranges[index - 1]?.to ?? '')).toBe(true);
    }
  });

  it('keeps events while the server is down and sends the same batch once it is back', async () => {
    const ben = await installation('ben', 'ben-pw');
    const key = await createExportSigningKey('ben');
    await ben.events.bulkAdd([localEvent('post-seen'), localEvent('handled')]);
    const before = await batchIdsOf('ben');

    await server.suspend();
    await expect(share(ben, key)).rejects.toThrow();
    await server.resume();
    const status = await getTeamStatus(ben);
    expect(status.unshared).toBe(2);
    expect(status.waitingBatches).toBe(1);
    expect(status.lastPushError).not.toBeNull();
    const waiting = (await ben.teamOutbox.toArray())[0];

    const result = await share(ben, key);
    expect(result).toMatchObject({ sharedEvents: 2, batches: 1 });
    const after = await batchIdsOf('ben');
    expect(after.filter((id) => !before.includes(id))).toEqual([waiting?.id]);
    expect(await getTeamStatus(ben)).toMatchObject({
      unshared: 0,
      waitingBatches: 0,
      lastPushError: null,
    });
  });

  it('finds a batch the server stored before the answer was lost, and adds nothing', async () => {
    const anna = await installation('anna', 'anna-pw');
    const key = await createExportSigningKey('anna');
    await anna.events.bulkAdd([localEvent('referred')]);
    const client = openTeamServer({ url: dbUrl, user: 'anna', password: 'anna-pw' });
    // A server that stores the documents and then "loses" the answer.
    const lossy: TeamServer = {
      session: () => client.session(),
      databaseInfo: () => client.databaseInfo(),
      existingIds: (ids) => client.existingIds(ids),
      changes: (since, limit) => client.changes(since, limit),
      getDocs: (ids) => client.getDocs(ids),
      getAttachmentText: (id, name) => client.getAttachmentText(id, name),
      createDocs: async (docs) => {
        await client.createDocs(docs);
        throw new Error('connection reset');
      },
    };
    const connection = await getTeamConnection(anna);
    const options = {
      user: 'anna',
      secret: connection?.secret ?? '',
      advisor: 'anna-pseudonym',
      signingKey: key,
    };
    await expect(shareTeamRecords(anna, { ...options, server: lossy })).rejects.toThrow(
      'connection reset',
    );
    const before = await batchIdsOf('anna');
    const result = await shareTeamRecords(anna, { ...options, server: client });
    expect(result.sharedEvents).toBe(1);
    expect(await batchIdsOf('anna')).toEqual(before);
  });

  it('counts trusted batches for the supervisor, lists unknown signers, and counts them once trusted', async () => {
    const anna = await installation('anna', 'anna-pw');
    const ben = await installation('ben', 'ben-pw');
    const annaKey = await createExportSigningKey('anna');
    const benKey = await createExportSigningKey('ben');
    await anna.events.bulkAdd([localEvent('post-seen'), localEvent('reply-inserted')]);
    await ben.events.bulkAdd([
      localEvent('post-seen'),
      localEvent('post-seen'),
      localEvent('handled'),
    ]);
    await share(anna, annaKey);
    await share(ben, benKey);

    const sam = await installation('sam', 'sam-pw');
    const trustedAnna = [{ keyId: annaKey.keyId, signer: 'Anna', publicKey: annaKey.publicKey }];
    const first = await pullTeam(sam, { trusted: trustedAnna, ...LOCAL });
    const mine = (records: typeof first.batches, user: string) =>
      records.filter((record) => record.user === user);
    expect(mine(first.batches, 'anna').every((record) => record.status === 'counted')).toBe(true);
    expect(mine(first.batches, 'ben').map((record) => record.status)).toContain('unknown-signer');
    const annaEvents = await sam.events.where('source').equals('import').count();
    expect(annaEvents).toBeGreaterThanOrEqual(2);

    const trustedBoth = [
      ...trustedAnna,
      { keyId: benKey.keyId, signer: 'Ben', publicKey: benKey.publicKey },
    ];
    const second = await pullTeam(sam, { trusted: trustedBoth, ...LOCAL });
    expect(second.newlyCounted).toBeGreaterThanOrEqual(1);
    expect(mine(second.batches, 'ben').every((record) => record.status === 'counted')).toBe(true);
    expect(await sam.events.where('source').equals('import').count()).toBe(
      annaEvents + second.added,
    );

    // A third fetch finds nothing new and counts nothing twice.
    const third = await pullTeam(sam, { trusted: trustedBoth, ...LOCAL });
    expect(third).toMatchObject({ newlyCounted: 0, added: 0 });
  });

  it('refuses a batch an admin changed on the server, and takes it out if it was counted', async () => {
    const anna = await installation('anna', 'anna-pw');
    const key = await createExportSigningKey('anna');
    await anna.events.bulkAdd([localEvent('handled', { at: Date.now() - 1000 })]);
    await share(anna, key);
    const trusted = [{ keyId: key.keyId, signer: 'Anna', publicKey: key.publicKey }];
    const sam = await installation('sam', 'sam-pw');
    await pullTeam(sam, { trusted, ...LOCAL });
    const id = (await batchIdsOf('anna')).at(-1) ?? '';
    expect((await sam.teamBatches.get(id))?.status).toBe('counted');
    const counted = await sam.events
      .where('importId')
      .equals(parseTeamDocId(id)?.checksum ?? '')
      .count();
    expect(counted).toBe(1);

    // The admin swaps the export for one with an extra invented event.
    const [doc] = await admin().getDocs([id]);
    const text = await admin().getAttachmentText(id, BATCH_ATTACHMENT);
    const forged = text.replace('"eventCount":1', '"eventCount":2');
    await admin().putDocument({
      ...doc,
      _attachments: {
        [BATCH_ATTACHMENT]: { content_type: 'application/json', data: utf8ToBase64(forged) },
      },
    });

    await pullTeam(sam, { trusted, ...LOCAL });
    const record = await sam.teamBatches.get(id);
    expect(record?.status).toBe('changed-on-server');
    expect(record?.reason).toMatch(/changed on the server/);
    expect(
      await sam.events
        .where('importId')
        .equals(parseTeamDocId(id)?.checksum ?? '')
        .count(),
    ).toBe(0);
    expect((await listTeamBatches(sam)).find((batch) => batch.id === id)?.status).toBe(
      'changed-on-server',
    );
  });

  it('does not count a batch whose document claims another advisor than its signed export', async () => {
    const key = await createExportSigningKey('anna');
    const envelope = await buildLogExport([localEvent('handled')], {
      advisor: 'anna-pseudonym',
      includes: DEFAULT_INCLUDES,
      signingKey: key,
      pseudonymise: await teamPseudonymiser(secret),
    });
    const facts = { ...batchFactsOf(envelope), advisor: 'someone-else' };
    const doc = buildBatchDoc(
      'anna',
      facts,
      serialiseLogExport(envelope),
      new Date().toISOString(),
    );
    const anna = openTeamServer({ url: dbUrl, user: 'anna', password: 'anna-pw' });
    expect((await anna.createDocs([doc]))[0]?.status).toBe('ok');

    const sam = await installation('sam', 'sam-pw');
    const trusted = [{ keyId: key.keyId, signer: 'Anna', publicKey: key.publicKey }];
    const { batches, added } = await pullTeam(sam, { trusted, ...LOCAL });
    expect(added).toBe(0);
    expect(batches.find((batch) => batch.id === doc._id)).toMatchObject({
      status: 'changed-on-server',
      reason: expect.stringContaining('advisor, signer, count or period disagrees'),
    });
  });

  it('tells a colleague that a post was documented, by the team pseudonym only', async () => {
    const anna = await installation('anna', 'anna-pw');
    const ben = await installation('ben', 'ben-pw');
    const key = await createExportSigningKey('anna');
    await anna.events.bulkAdd([localEvent('reply-inserted', { postKey: 'fb:777001' })]);
    await share(anna, key);

    const benServer = openTeamServer({ url: dbUrl, user: 'ben', password: 'ben-pw' });
    await fetchColleaguePosts(ben, benServer, 'ben');
    const marks = await colleagueMarks(ben, secret, 'ben', ['fb:777001', 'fb:777002']);
    expect(marks).toEqual([
      expect.objectContaining({ postKey: 'fb:777001', user: 'anna', kind: 'replied' }),
    ]);
    // Anna is not told about her own post.
    await fetchColleaguePosts(
      anna,
      openTeamServer({ url: dbUrl, user: 'anna', password: 'anna-pw' }),
      'anna',
    );
    expect(await colleagueMarks(anna, secret, 'anna', ['fb:777001'])).toEqual([]);
    // Nothing on the server holds the Facebook id: not the documents, not the export.
    const ids = (await admin().changes(null, 1000)).results.map((change) => change.id);
    const stored = [JSON.stringify(await admin().getDocs(ids))];
    for (const id of await batchIdsOf('anna')) {
      stored.push(await admin().getAttachmentText(id, BATCH_ATTACHMENT));
    }
    expect(stored.join('\n')).toContain('"type":"reply-inserted"');
    expect(stored.join('\n')).not.toContain('777001');
  });

  it('recognises a post without a Facebook id across colleagues by its fingerprint', async () => {
    const anna = await installation('anna', 'anna-pw');
    const ben = await installation('ben', 'ben-pw');
    const fingerprint = 'fbh:3f2a9c01';
    // Each installation keys the fingerprint with its own secret: the stored keys differ.
    await noteTeamPostKeys(anna, [[fingerprint, 'fbk:anna-own-key']]);
    await noteTeamPostKeys(ben, [[fingerprint, 'fbk:ben-own-key']]);
    await anna.events.bulkAdd([localEvent('note-added', { postKey: 'fbk:anna-own-key' })]);
    await ben.events.bulkAdd([localEvent('post-seen', { postKey: 'fbk:ben-own-key' })]);
    await share(anna, await createExportSigningKey('anna'));
    await share(ben, await createExportSigningKey('ben'));

    await fetchColleaguePosts(
      ben,
      openTeamServer({ url: dbUrl, user: 'ben', password: 'ben-pw' }),
      'ben',
    );
    expect(await colleagueMarks(ben, secret, 'ben', [fingerprint])).toEqual([
      expect.objectContaining({ postKey: fingerprint, user: 'anna', kind: 'documented' }),
    ]);
    // Both batches name the post by the same pseudonym, so a supervisor counts it once.
    const keys = new Set<string>();
    for (const user of ['anna', 'ben']) {
      for (const id of await batchIdsOf(user)) {
        const text = await admin().getAttachmentText(id, BATCH_ATTACHMENT);
        for (const event of JSON.parse(text).events as { postKey: string }[])
          keys.add(event.postKey);
      }
    }
    expect([...keys]).toHaveLength(1);
    expect([...keys][0]).toMatch(/^h:[0-9a-f]{32}$/);
  });

  it('notes nothing while not connected', async () => {
    const db = new OutreachDatabase(`team-none-${crypto.randomUUID()}`);
    dbs.push(db);
    await noteTeamPostKeys(db, [['fbh:1234', 'fbk:x']]);
    expect(await db.teamPostKeys.count()).toBe(0);
  });

  it('stores nothing when the password is wrong', async () => {
    const db = new OutreachDatabase(`team-wrong-${crypto.randomUUID()}`);
    dbs.push(db);
    await expect(connectTeam(db, { code, user: 'anna', password: 'nope' })).rejects.toThrow();
    expect(await getTeamConnection(db)).toBeNull();
  });
});
