/**
 * Before/after tests of the database's schema upgrades (1 → 2 … 5 → 6) on
 * fake-indexeddb: a database written with exactly the first shipped schema
 * is opened with the current class, and every record must survive with the
 * derived `source` field filled in and the new indexes usable.
 */
import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { INSTALLATION_SECRET_ID, OutreachDatabase } from '../db/database';
import { createPostKeyKeyer } from '../privacy/post-key';
import { sampleEvent } from '../../tests/fixtures/sample-events';
import { computeStatistics } from './stats';
import type { LogEvent } from './events';

// The version-1 stores as shipped; copied on purpose so a later edit of the
// class cannot silently change what "the first schema" means in this test.
const VERSION_1_STORES = {
  meta: '&key',
  events: '&id, at, type, postKey, authorHash',
  posts: '&postKey, lastSeenAt, authorHash',
  caseNotes: '&postKey, updatedAt, authorHash',
  imports: '&id, importedAt',
};

const name = `upgrade-test-${crypto.randomUUID()}`;
afterEach(async () => {
  await Dexie.delete(name);
});

describe('database upgrade 1 → 2', () => {
  it('keeps every record and derives source from importId', async () => {
    const v1 = new Dexie(name);
    v1.version(1).stores(VERSION_1_STORES);
    const local = Array.from({ length: 30 }, (_, i) =>
      sampleEvent(i % 2 ? 'post-seen' : 'note-added', { postKey: `p${i}`, at: 1000 + i }),
    );
    const imported = Array.from({ length: 20 }, (_, i) => ({
      ...sampleEvent('reply-copied', { postKey: `q${i}`, at: 5000 + i }),
      advisor: 'other',
      importId: 'c'.repeat(64),
    }));
    const v1Events = [...local.map((e) => ({ ...e, advisor: 'me' })), ...imported];
    await v1.table('events').bulkAdd(v1Events);
    await v1.table('posts').add({ postKey: 'p1', firstSeenAt: 1, lastSeenAt: 2, authorHash: null });
    await v1
      .table('caseNotes')
      .add({ postKey: 'p0', outcome: 'informed', note: 'n', updatedAt: 1 });
    await v1.table('imports').add({ id: 'c'.repeat(64), advisor: 'other', importedAt: 3 });
    await v1.table('meta').put({ key: 'installedAt', value: '2026-01-01' });
    v1.close();

    const db = new OutreachDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    const events = await db.events.orderBy('at').toArray();
    expect(events.map(({ source: _s, ...rest }) => rest)).toEqual(v1Events);
    expect(await db.events.where('source').equals('local').count()).toBe(30);
    expect(await db.events.where('importId').equals('c'.repeat(64)).count()).toBe(20);
    expect(await db.posts.count()).toBe(1);
    expect(await db.caseNotes.count()).toBe(1);
    expect(await db.imports.count()).toBe(1);
    expect(await db.meta.get('installedAt')).toEqual({ key: 'installedAt', value: '2026-01-01' });
    db.close();
  });
});

/** The schema version the app opens today (bump when adding a version). */
const CURRENT_VERSION = 7;

// The version-2 stores as shipped (v1 plus packs, trusted keys and the v2 event indexes).
const VERSION_2_STORES = {
  ...VERSION_1_STORES,
  events: '&id, at, type, postKey, authorHash, source, importId',
  packs: '&id, active',
  trustedKeys: '&keyId',
};

describe('database upgrade 2 → 3', () => {
  it('keeps every record and moves the author-hash secret out of storage.local', async () => {
    const secret = 'cd'.repeat(32);
    await fakeBrowser.storage.local.set({ installationSecret: secret });
    const v2 = new Dexie(name);
    v2.version(2).stores(VERSION_2_STORES);
    const events = Array.from({ length: 10 }, (_, i) => ({
      ...sampleEvent('post-seen', { postKey: `p${i}`, at: 1000 + i }),
      advisor: 'me',
      source: 'local',
    }));
    await v2.table('events').bulkAdd(events);
    await v2.table('trustedKeys').add({ keyId: 'k'.repeat(64), signer: 'Legal', publicKey: 'x' });
    v2.close();

    const db = new OutreachDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.events.orderBy('at').toArray()).toEqual(events);
    expect(await db.trustedKeys.count()).toBe(1);
    expect(await db.secrets.get(INSTALLATION_SECRET_ID)).toEqual({
      id: INSTALLATION_SECRET_ID,
      value: secret,
    });
    expect(await db.trustedAdvisorKeys.count()).toBe(0);
    db.close();
  });

  it('upgrades a database without a secret in storage.local and adds none', async () => {
    const v2 = new Dexie(name);
    v2.version(2).stores(VERSION_2_STORES);
    await v2.open();
    v2.close();
    const db = new OutreachDatabase(name);
    await db.open();
    expect(await db.secrets.count()).toBe(0);
    db.close();
  });
});

// The version-3 stores as shipped (v2 plus the secrets and trusted advisor keys).
const VERSION_3_STORES = {
  ...VERSION_2_STORES,
  secrets: '&id',
  trustedAdvisorKeys: '&keyId',
};

describe('database upgrade 3 → 4', () => {
  const secret = 'ab'.repeat(32);
  const FBH = 'fbh:9f3a11c2';

  async function writeVersion3(withSecret: boolean): Promise<LogEvent[]> {
    const v3 = new Dexie(name);
    v3.version(3).stores(VERSION_3_STORES);
    if (withSecret) await v3.table('secrets').put({ id: INSTALLATION_SECRET_ID, value: secret });
    const events = [
      { ...sampleEvent('post-seen', { postKey: FBH, at: 1000 }), advisor: 'me', source: 'local' },
      { ...sampleEvent('note-added', { postKey: FBH, at: 1001 }), advisor: 'me', source: 'local' },
      {
        ...sampleEvent('post-seen', { postKey: 'fb:42', at: 1002 }),
        advisor: 'me',
        source: 'local',
      },
      {
        ...sampleEvent('reply-copied', { postKey: 'fbh:imported', at: 1003 }),
        advisor: 'other',
        source: 'import',
        importId: 'c'.repeat(64),
      },
    ] as LogEvent[];
    await v3.table('events').bulkAdd(events);
    await v3.table('posts').bulkAdd([
      { postKey: FBH, firstSeenAt: 1000, lastSeenAt: 1001, authorHash: null },
      { postKey: 'fb:42', firstSeenAt: 1002, lastSeenAt: 1002, authorHash: null },
    ]);
    await v3
      .table('caseNotes')
      .add({ postKey: FBH, outcome: 'informed', note: 'n', updatedAt: 1001, authorHash: null });
    v3.close();
    return events;
  }

  it('replaces every stored fbh: key by the background’s keyed fbk: key, and nothing else', async () => {
    const before = await writeVersion3(true);
    const keyer = await createPostKeyKeyer(
      Uint8Array.from(secret.match(/../g) ?? [], (byte) => Number.parseInt(byte, 16)),
    );
    const keyed = await keyer(FBH);
    expect(keyed).toMatch(/^fbk:[A-Za-z0-9_-]{22}$/);

    const db = new OutreachDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    const events = await db.events.orderBy('at').toArray();
    expect(events.map((event) => event.postKey)).toEqual([
      keyed,
      keyed,
      'fb:42',
      await keyer('fbh:imported'),
    ]);
    // Everything but the key is as it was.
    expect(events.map(({ postKey: _k, ...rest }) => rest)).toEqual(
      before.map(({ postKey: _k, ...rest }) => rest),
    );
    expect((await db.posts.orderBy('postKey').toArray()).map((post) => post.postKey)).toEqual(
      ['fb:42', keyed].sort(),
    );
    expect(await db.posts.get(keyed)).toMatchObject({ firstSeenAt: 1000, lastSeenAt: 1001 });
    expect(await db.caseNotes.get(keyed)).toMatchObject({ outcome: 'informed', note: 'n' });
    const everything = JSON.stringify([
      await db.events.toArray(),
      await db.posts.toArray(),
      await db.caseNotes.toArray(),
    ]);
    expect(everything).not.toContain('fbh:');
    expect(await db.secrets.get(INSTALLATION_SECRET_ID)).toEqual({
      id: INSTALLATION_SECRET_ID,
      value: secret,
    });
    db.close();
  });

  it('creates the installation secret when fbh: keys are stored but none exists yet', async () => {
    await writeVersion3(false);
    const db = new OutreachDatabase(name);
    await db.open();
    const stored = await db.secrets.get(INSTALLATION_SECRET_ID);
    expect(stored?.value).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await db.events.toArray())).not.toContain('fbh:');
    expect(await db.caseNotes.count()).toBe(1);
    db.close();
  });
});

describe('database upgrade 4 → 5', () => {
  it('turns "Handled" and "Log referral" into the one documentation event, counted once', async () => {
    const v3 = new Dexie(name);
    v3.version(3).stores(VERSION_3_STORES);
    const local = { advisor: 'me', source: 'local' };
    const handled = { ...sampleEvent('handled', { postKey: 'p1', at: 1000 }), ...local };
    const referred = {
      ...sampleEvent('referred', { postKey: 'p2', at: 2000, referredTo: 'Faire Mobilität' }),
      ...local,
    };
    // p2 was also documented through the case panel, later: that stays the outcome.
    const note = {
      ...sampleEvent('note-added', {
        postKey: 'p2',
        at: 3000,
        outcome: 'referred',
        note: 'called',
      }),
      ...local,
    };
    const seen = { ...sampleEvent('post-seen', { postKey: 'p3', at: 500 }), ...local };
    await v3.table('events').bulkAdd([handled, referred, note, seen]);
    await v3.table('caseNotes').add({
      postKey: 'p2',
      outcome: 'referred',
      note: 'called',
      updatedAt: 3000,
      eventId: note.id,
      authorHash: note.authorHash,
    });
    v3.close();

    const db = new OutreachDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.events.where('type').anyOf(['handled', 'referred']).count()).toBe(0);
    expect(await db.events.get(handled.id)).toMatchObject({
      type: 'note-added',
      outcome: 'informed',
      note: '',
      postKey: 'p1',
    });
    expect(await db.events.get(referred.id)).toMatchObject({
      type: 'note-added',
      outcome: 'referred',
      referredTo: 'Faire Mobilität',
    });
    expect(await db.events.get(seen.id)).toEqual(seen);
    expect(await db.caseNotes.get('p1')).toMatchObject({
      outcome: 'informed',
      eventId: handled.id,
    });
    expect(await db.caseNotes.get('p2')).toMatchObject({ note: 'called', eventId: note.id });

    const stats = computeStatistics(await db.events.toArray());
    expect(stats.outcomes.referred).toBe(1);
    expect(stats.outcomes.informed).toBe(1);
    expect(stats.totals.referrals).toBe(1);
    expect(stats.totals.documented).toBe(2);
    db.close();
  });
});

describe('database upgrade 5 → 6', () => {
  it('keeps every record and adds an empty group register', async () => {
    const v5 = new Dexie(name);
    // Versions 4 and 5 changed records, not stores.
    v5.version(5).stores(VERSION_3_STORES);
    const seen = { ...sampleEvent('post-seen', { postKey: 'p9' }), advisor: 'me', source: 'local' };
    await v5.table('events').add(seen);
    await v5.table('meta').add({ key: 'installedAt', value: '2026-01-01' });
    v5.close();

    const db = new OutreachDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.events.get(seen.id)).toEqual(seen);
    expect(await db.meta.get('installedAt')).toEqual({ key: 'installedAt', value: '2026-01-01' });
    expect(await db.groups.count()).toBe(0);
    await db.importedGroups.put({
      importId: 'i1',
      key: 'facebook:h:ab',
      platform: 'facebook',
      groupId: 'h:ab',
      name: 'G',
      memberCount: null,
      memberCountAt: null,
      sector: null,
      notes: '',
      worksHere: true,
      firstSeenAt: 1,
      lastSeenAt: 2,
    });
    expect(await db.importedGroups.where('importId').equals('i1').count()).toBe(1);
    db.close();
  });
});

describe('database upgrade 6 → 7', () => {
  it('keeps every record and adds empty team sync tables', async () => {
    const v6 = new Dexie(name);
    v6.version(6).stores({
      ...VERSION_3_STORES,
      groups: '&key, lastSeenAt',
      importedGroups: '&[importId+key], importId',
    });
    const seen = { ...sampleEvent('post-seen', { postKey: 'p7' }), advisor: 'me', source: 'local' };
    await v6.table('events').add(seen);
    v6.close();

    const db = new OutreachDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.events.get(seen.id)).toEqual(seen);
    expect(await db.teamOutbox.count()).toBe(0);
    expect(await db.teamShared.count()).toBe(0);
    await db.teamShared.put({ eventId: seen.id, batchId: 'anna:batch:x', sharedAt: 1 });
    expect(await db.teamShared.where('batchId').equals('anna:batch:x').count()).toBe(1);
    await db.teamPosts.put({ key: 'h:' + '0'.repeat(32), user: 'ben', at: 1, kind: 'replied' });
    expect(
      await db.teamPosts
        .where('key')
        .equals('h:' + '0'.repeat(32))
        .count(),
    ).toBe(1);
    db.close();
  });
});
