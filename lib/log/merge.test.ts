import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutreachDatabase } from '../db/database';
import { buildLogExport, serialiseLogExport } from './envelope';
import { DEFAULT_INCLUDES } from './export-options';
import { IMPORT_CHUNK_SIZE } from './import-limits';
import {
  ImportCancelledError,
  importLogExports,
  mergeEnvelopes,
  mergeLogExports,
  removeImport,
} from './merge';
import type { GroupRegisterEntry } from '../groups/register';
import { mergeGroupRegisterEntries } from '../groups/register';
import { generateEvents } from '../../tests/fixtures/sample-events';
import { exampleExportKeys } from '../../tests/fixtures/example-advisor-keys';
import { createPostKeyKeyer } from '../privacy/post-key';

let db: OutreachDatabase;
beforeEach(() => {
  db = new OutreachDatabase(`merge-test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

async function exportOf(seed: number, count = 40) {
  const envelope = await buildLogExport(generateEvents(count, seed), {
    ...(await exampleExportKeys()),
    advisor: `advisor-${seed}`,
    includes: DEFAULT_INCLUDES,
  });
  return { name: `advisor-${seed}.json`, text: serialiseLogExport(envelope), envelope };
}

describe('importLogExports', () => {
  it('merges several advisors and adds nothing when the same export comes again', async () => {
    const a = await exportOf(1);
    const b = await exportOf(2);
    const first = await importLogExports(db, [a, b]);
    expect(first).toMatchObject({ added: 80, duplicates: 0, refused: 0 });
    const again = await importLogExports(db, [a]);
    expect(again).toMatchObject({ added: 0, duplicates: 40, refused: 0 });
    expect(await db.events.count()).toBe(80);
    expect(await db.imports.count()).toBe(2);
  });

  it('refuses a tampered export and stores nothing from it', async () => {
    const good = await exportOf(3);
    const tampered = { name: 'bad.json', text: good.text.replace('"advisor-3"', '"advisor-X"') };
    const report = await importLogExports(db, [tampered, good]);
    expect(report.files[0]).toMatchObject({ status: 'refused', code: 'tampered' });
    expect(report.files[1]).toMatchObject({ status: 'merged', added: 40 });
    expect(await db.events.count()).toBe(40);
  });

  it('does not import what is already past the retention period', async () => {
    const a = await exportOf(6);
    const times = a.envelope.events.map((event) => event.at).sort((x, y) => x - y);
    const cutoff = times[10] ?? 0;
    const due = times.filter((at) => at < cutoff).length;
    const report = await importLogExports(db, [a], { retentionCutoff: cutoff });
    expect(report).toMatchObject({ added: 40 - due, expired: due });
    expect(await db.events.where('at').below(cutoff).count()).toBe(0);
  });

  it('stores fbh: keys of a raw-id export keyed with this installation’s keyer', async () => {
    const events = generateEvents(10, 9).map((event, index) => ({
      ...event,
      postKey: index % 2 === 0 ? `fbh:guessable${index}` : `fb:${index}`,
    }));
    const envelope = await buildLogExport(events, {
      ...(await exampleExportKeys()),
      advisor: 'raw',
      includes: { ...DEFAULT_INCLUDES, rawIds: true },
    });
    const keyer = await createPostKeyKeyer(new Uint8Array(32).fill(7));
    const report = await importLogExports(
      db,
      [{ name: 'raw.json', text: serialiseLogExport(envelope) }],
      { keyPostKey: keyer },
    );
    expect(report.added).toBe(10);
    const stored = await db.events.toArray();
    expect(JSON.stringify(stored)).not.toContain('fbh:');
    expect(stored.filter((event) => event.postKey.startsWith('fbk:'))).toHaveLength(5);
    expect(
      await db.events
        .where('postKey')
        .equals(await keyer('fbh:guessable0'))
        .count(),
    ).toBe(1);
  });

  it('a cancelled run leaves the database exactly as it was, over all its files', async () => {
    const before = await exportOf(11, 30);
    await importLogExports(db, [before]);
    const snapshot = async () => ({
      events: await db.events.orderBy('id').toArray(),
      imports: await db.imports.orderBy('id').toArray(),
    });
    const state = await snapshot();

    // The same file again (its record is updated), one new small file, then a big one
    // that is cancelled after its second chunk of IMPORT_CHUNK_SIZE events.
    const small = await exportOf(12, 30);
    const big = await exportOf(13, IMPORT_CHUNK_SIZE * 3);
    const controller = new AbortController();
    const progress: number[] = [];
    const run = importLogExports(db, [before, small, big], {
      signal: controller.signal,
      onProgress: (done) => {
        progress.push(done);
        if (done > IMPORT_CHUNK_SIZE) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(ImportCancelledError);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(await snapshot()).toEqual(state);
  });

  it('a run cancelled while reading writes nothing', async () => {
    const controller = new AbortController();
    const reads: number[] = [];
    const run = importLogExports(db, [await exportOf(14), await exportOf(15)], {
      signal: controller.signal,
      onRead: ({ events }) => {
        reads.push(events);
        controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(ImportCancelledError);
    expect(reads).toEqual([40]);
    expect(await db.events.count()).toBe(0);
    expect(await db.imports.count()).toBe(0);
  });

  it('can take an import back out', async () => {
    const a = await exportOf(4);
    await importLogExports(db, [a]);
    expect(await removeImport(db, a.envelope.checksum.value)).toBe(40);
    expect(await db.events.count()).toBe(0);
  });

  it('an import cut off mid-file (dashboard closed) is listed as interrupted, with what it stored', async () => {
    const big = await exportOf(11, IMPORT_CHUNK_SIZE + 500);
    const name = db.name;
    // The page goes away after the first chunk: the database closes under the merge,
    // and the clean-up cannot run either.
    await expect(importLogExports(db, [big], { onProgress: () => db.close() })).rejects.toThrow();
    const reopened = new OutreachDatabase(name);
    try {
      const record = await reopened.imports.get(big.envelope.checksum.value);
      const stored = await reopened.events
        .where('importId')
        .equals(big.envelope.checksum.value)
        .count();
      expect(stored).toBe(IMPORT_CHUNK_SIZE);
      expect(record).toMatchObject({
        interrupted: true,
        added: stored,
        eventCount: IMPORT_CHUNK_SIZE + 500,
      });

      // Importing the same file again completes it.
      const again = await importLogExports(reopened, [big]);
      expect(again).toMatchObject({ added: 500, duplicates: IMPORT_CHUNK_SIZE });
      const completed = await reopened.imports.get(big.envelope.checksum.value);
      expect(completed?.interrupted).toBeUndefined();
      expect(completed?.added).toBe(IMPORT_CHUNK_SIZE + 500);
      expect(await reopened.events.count()).toBe(IMPORT_CHUNK_SIZE + 500);
    } finally {
      db = reopened; // afterEach deletes it
    }
  });

  it('merges envelopes purely by id for the CLI', async () => {
    const a = await exportOf(5);
    expect(mergeEnvelopes([a.envelope, a.envelope])).toHaveLength(40);
  });
});

describe('imports from before the one documentation flow', () => {
  it('store old "handled" / "referred" events as note-added, so the statistics count them once', async () => {
    const old = generateEvents(6, 11).map((event, index) =>
      index === 0
        ? { ...event, type: 'handled' as const, postKey: 'fb:1' }
        : index === 1
          ? { ...event, type: 'referred' as const, referredTo: 'Beratungsstelle', postKey: 'fb:2' }
          : event,
    );
    const envelope = await buildLogExport(old as never, {
      ...(await exampleExportKeys()),
      advisor: 'old-version',
      includes: DEFAULT_INCLUDES,
    });
    const report = await importLogExports(db, [
      { name: 'old.json', text: serialiseLogExport(envelope) },
    ]);
    expect(report).toMatchObject({ added: 6, refused: 0 });
    expect(await db.events.where('type').anyOf(['handled', 'referred']).count()).toBe(0);
    expect(await db.events.get(old[1]?.id ?? '')).toMatchObject({
      type: 'note-added',
      outcome: 'referred',
      referredTo: 'Beratungsstelle',
      note: '',
    });
  });
});

describe('group register entries of several exports', () => {
  const DAY = 86_400_000;
  const T = Date.UTC(2026, 6, 1);
  const entry = (overrides: Partial<GroupRegisterEntry>): GroupRegisterEntry => ({
    platform: 'facebook',
    groupId: 'h:aaaa',
    name: 'Polacy w Niemczech',
    memberCount: null,
    memberCountAt: null,
    sector: null,
    notes: '',
    worksHere: false,
    firstSeenAt: T,
    lastSeenAt: T,
    ...overrides,
  });

  it('keep per group the latest name and count, the widest sightings and any "works here"', () => {
    const merged = mergeGroupRegisterEntries([
      entry({ memberCount: 900, memberCountAt: T + 5 * DAY, sector: 'care', notes: 'old note' }),
      entry({
        name: 'Polacy w Niemczech – praca',
        memberCount: 800,
        memberCountAt: T + 2 * DAY,
        firstSeenAt: T - 10 * DAY,
        lastSeenAt: T + 20 * DAY,
        worksHere: true,
      }),
      entry({ lastSeenAt: T + 30 * DAY, sector: 'construction', notes: '' }),
      entry({ groupId: 'h:bbbb', name: 'Românii din Germania' }),
    ]);
    expect(merged).toEqual([
      entry({
        name: 'Polacy w Niemczech',
        memberCount: 900,
        memberCountAt: T + 5 * DAY,
        // The most recent non-empty sector; the notes from the most recent entry that has any.
        sector: 'construction',
        notes: 'old note',
        worksHere: true,
        firstSeenAt: T - 10 * DAY,
        lastSeenAt: T + 30 * DAY,
      }),
      entry({ groupId: 'h:bbbb', name: 'Românii din Germania' }),
    ]);
  });

  it('come out of mergeLogExports with the events, notes only where the file includes them', async () => {
    const keys = await exampleExportKeys();
    const register = [entry({ groupId: 'polacy-de', notes: 'ask the admin first' })];
    const envelope = await buildLogExport(generateEvents(20, 8), {
      ...keys,
      advisor: 'a',
      includes: DEFAULT_INCLUDES,
      groups: register,
    });
    const withNotes = await buildLogExport(generateEvents(20, 8), {
      ...keys,
      advisor: 'a',
      includes: { ...DEFAULT_INCLUDES, notes: true },
      groups: register,
    });
    const merged = mergeLogExports([envelope, envelope]);
    expect(merged.events).toHaveLength(20);
    expect(merged.groups).toHaveLength(1);
    expect(merged.groups[0]?.notes).toBe('');
    expect(mergeLogExports([withNotes]).groups[0]?.notes).toBe('ask the admin first');
    // Edited to claim notes it was not exported with: the notes still come only if included.
    const sneaky = { ...envelope, groups: [{ ...register[0], notes: 'x' } as GroupRegisterEntry] };
    expect(mergeLogExports([sneaky]).groups[0]?.notes).toBe('');
  });
});

describe('importing the group register of an export', () => {
  it('stores it with the import and takes it out with the import', async () => {
    const register: GroupRegisterEntry[] = [
      {
        platform: 'facebook',
        groupId: 'h:1234',
        name: 'Lucru în Germania',
        memberCount: 8300,
        memberCountAt: 1000,
        sector: 'logistics',
        notes: '',
        worksHere: true,
        firstSeenAt: 500,
        lastSeenAt: 2000,
      },
    ];
    const envelope = await buildLogExport(generateEvents(10, 21), {
      ...(await exampleExportKeys()),
      advisor: 'advisor-21',
      includes: { ...DEFAULT_INCLUDES, rawIds: true },
      groups: register,
    });
    const file = { name: 'advisor-21.json', text: serialiseLogExport(envelope) };
    await importLogExports(db, [file]);
    const [importRecord] = await db.imports.toArray();
    const stored = await db.importedGroups.toArray();
    expect(stored).toEqual([
      { ...register[0], importId: importRecord?.id, key: 'facebook:h:1234' },
    ]);
    // The same file again changes nothing.
    await importLogExports(db, [file]);
    expect(await db.importedGroups.count()).toBe(1);
    await removeImport(db, importRecord?.id ?? '');
    expect(await db.importedGroups.count()).toBe(0);
  });
});
