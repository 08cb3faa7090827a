/**
 * Regression tests for the security review's import and export findings
 * (../shared/reviews/security-review.md): 6 (forgeable checksum), 7 (imports
 * around privacy settings and retention), 8 (exports that point at posts),
 * 14 (no size or count caps, one huge transaction). Each failed before the
 * fix (see the closing note of issue 15).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutreachDatabase } from '../db/database';
import { exampleAdvisorKey, exampleExportKeys } from '../../tests/fixtures/example-advisor-keys';
import { sampleEvent } from '../../tests/fixtures/sample-events';
import type { LogExport } from './envelope';
import {
  buildLogExport,
  computeChecksum,
  readLogExport,
  serialiseLogExport,
  signLogExport,
} from './envelope';
import type { LogEvent } from './events';
import { exportCsv } from './export-csv';
import { DEFAULT_INCLUDES } from './export-options';
import { prepareExportEvents } from './export-options';
import { toPublicKeyFile } from './export-signing';
import { EARLIEST_EVENT_AT, MAX_IMPORT_EVENTS, MAX_IMPORT_FILE_BYTES } from './import-limits';
import { importLogExports } from './merge';

const NOW = Date.parse('2026-03-01T00:00:00Z');
const keys = await exampleExportKeys('advisor A');
const trustedA = toPublicKeyFile(keys.signingKey);
const trustedB = toPublicKeyFile(await exampleAdvisorKey('advisor B'));
const otherValue = (
  await buildLogExport([], { advisor: 'A', includes: DEFAULT_INCLUDES, ...keys, now: NOW })
).signature.value;

let db: OutreachDatabase;
beforeEach(() => {
  db = new OutreachDatabase(`import-security-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const event = (id: string, at: number, extra: Partial<LogEvent> = {}): LogEvent =>
  ({
    ...sampleEvent('post-seen', { at }),
    id,
    postKey: 'fb:1234567890',
    groupId: '987654321',
    advisor: 'A',
    source: 'local',
    ...extra,
  }) as LogEvent;

async function exportOf(events: LogEvent[], includes = DEFAULT_INCLUDES) {
  return buildLogExport(events, { advisor: 'A', includes, ...keys, now: NOW });
}

const merge = (text: string, options = {}) =>
  importLogExports(db, [{ name: 'f.json', text }], { now: NOW, trusted: [trustedA], ...options });

/** Recomputes the checksum after an edit, as an attacker can. */
async function rechecksum(envelope: LogExport) {
  envelope.eventCount = envelope.events.length;
  envelope.checksum.value = await computeChecksum(envelope);
  return serialiseLogExport(envelope);
}

describe('finding 6: exports are signed', () => {
  it('refuses a file edited after signing even with the checksum recomputed', async () => {
    const forged = structuredClone(await exportOf([event('aaaaaaaa1', NOW - 1000)]));
    forged.advisor = 'Someone else';
    const [first] = forged.events;
    if (!first) throw new Error('the export has no event');
    forged.events = Array.from({ length: 500 }, (_, i) => ({
      ...first,
      id: `forged${String(i).padStart(4, '0')}`,
      type: 'handled' as const,
    }));
    const report = await merge(await rechecksum(forged));
    expect(report.files[0]).toMatchObject({ status: 'refused', code: 'bad-signature' });
    expect(report.files[0]).toHaveProperty('reason', expect.stringMatching(/signature/));
    expect(await db.events.count()).toBe(0);
  });

  it.each([
    ['signer relabelled', (e: LogExport) => void (e.signature.signer = 'Legal department')],
    [
      'signing time moved',
      (e: LogExport) => void (e.signature.signedAt = '2020-01-01T00:00:00.000Z'),
    ],
    [
      'another key substituted',
      (e: LogExport) => void (e.signature.publicKey = trustedB.publicKey),
    ],
    ['signature of another file', (e: LogExport) => void (e.signature.value = otherValue)],
  ])('refuses a file with its %s', async (_name, edit) => {
    const envelope = structuredClone(await exportOf([event('aaaaaaaa1', NOW - 1000)]));
    edit(envelope);
    const report = await merge(serialiseLogExport(envelope));
    expect(report.files[0]).toMatchObject({ status: 'refused', code: 'bad-signature' });
  });

  it('shows a file re-signed with another key as signed by an unknown key', async () => {
    const forged = structuredClone(await exportOf([event('aaaaaaaa1', NOW - 1000)]));
    forged.advisor = 'Someone else';
    const mallory = await exampleAdvisorKey('mallory');
    forged.checksum.value = await computeChecksum(forged);
    const resigned = await signLogExport(
      forged,
      { ...mallory, signer: 'advisor A' },
      forged.signature.signedAt,
    );
    const report = await merge(serialiseLogExport(resigned));
    expect(report.files[0]).toMatchObject({
      status: 'merged',
      verification: { status: 'unknown-signer' },
    });
  });

  it('verifies a file signed by a trusted key, and reads a legacy file as unverified', async () => {
    const envelope = await exportOf([event('aaaaaaaa1', NOW - 1000)]);
    const good = await readLogExport(serialiseLogExport(envelope), [trustedA]);
    expect(good.verification).toMatchObject({ status: 'verified', trustedAs: 'advisor A' });
    const { signature: _s, ...legacy } = structuredClone(envelope);
    const v1 = { ...legacy, schemaVersion: 1, includes: { ...DEFAULT_INCLUDES } } as Record<
      string,
      unknown
    >;
    delete (v1.includes as Record<string, unknown>).rawIds;
    (v1 as unknown as LogExport).checksum.value = await computeChecksum(v1 as unknown as LogExport);
    const read = await readLogExport(JSON.stringify(v1), [trustedA]);
    expect(read.verification.status).toBe('unverified');
  });
});

describe('finding 7: imports respect privacy and dates', () => {
  const withText = (id: string, at: number) =>
    event(id, at, {
      type: 'note-added',
      postText: 'Anna Kowalska, Berlin',
      note: 'secret note',
      outcome: 'informed',
      authorHash: 'a'.repeat(64),
    } as Partial<LogEvent>);

  it('drops post text, notes and author hashes the file says it does not include', async () => {
    const envelope = structuredClone(
      await exportOf([withText('aaaaaaaa1', NOW - 1000)], { ...DEFAULT_INCLUDES, rawIds: true }),
    );
    // A file that says "no post text" but carries it anyway (re-signed by its owner).
    Object.assign(envelope.events[0] ?? {}, {
      postText: 'Anna Kowalska, Berlin',
      note: 'secret note',
      authorHash: 'a'.repeat(64),
    });
    envelope.checksum.value = await computeChecksum(envelope);
    const text = serialiseLogExport(
      await signLogExport(envelope, keys.signingKey, envelope.signature.signedAt),
    );
    await merge(text, { storePostText: true });
    const stored = (await db.events.get('aaaaaaaa1')) as Record<string, unknown>;
    expect(stored.postText).toBeUndefined();
    expect(stored.note).toBe('');
    expect(stored.authorHash).toBeNull();
  });

  it('keeps post text only when the file includes it and local settings store it', async () => {
    const all = { postText: true, notes: true, authorHash: true, rawIds: true };
    const text = serialiseLogExport(await exportOf([withText('aaaaaaaa1', NOW - 1000)], all));
    await merge(text, { storePostText: false });
    expect(
      ((await db.events.get('aaaaaaaa1')) as Record<string, unknown>).postText,
    ).toBeUndefined();
    await db.events.clear();
    await merge(text, { storePostText: true });
    expect(((await db.events.get('aaaaaaaa1')) as Record<string, unknown>).postText).toBe(
      'Anna Kowalska, Berlin',
    );
  });

  it('refuses events dated after the export (plus a day) or before 2015, with a count', async () => {
    const text = serialiseLogExport(
      await exportOf([
        event('aaaaaaaa1', NOW - 1000),
        event('future001', Date.UTC(9999, 0, 1)),
        event('future002', NOW + 2 * 864e5),
        event('ancient01', EARLIEST_EVENT_AT - 1),
        event('skewed001', NOW + 3600e3),
      ]),
    );
    const report = await merge(text);
    expect(report).toMatchObject({ added: 2, outOfRange: 3 });
    expect(report.files[0]).toMatchObject({ outOfRange: 3 });
    expect(await db.events.get('future001')).toBeUndefined();
  });
});

describe('finding 14: caps and chunked merges', () => {
  it('refuses a file over the size cap without parsing it', async () => {
    const text = `${' '.repeat(MAX_IMPORT_FILE_BYTES)}{}`;
    const report = await merge(text);
    expect(report.files[0]).toMatchObject({ status: 'refused', code: 'too-large' });
    expect(report.files[0]).toHaveProperty('reason', expect.stringMatching(/MB/));
  });

  it('refuses a file with more events than the cap, with the count in the message', async () => {
    const envelope = await exportOf([]);
    const raw = { ...envelope, events: Array.from({ length: MAX_IMPORT_EVENTS + 1 }, () => 0) };
    const report = await merge(JSON.stringify(raw));
    expect(report.files[0]).toMatchObject({ status: 'refused', code: 'too-large' });
    expect(report.files[0]).toHaveProperty(
      'reason',
      expect.stringContaining(String(MAX_IMPORT_EVENTS + 1)),
    );
  });

  it('writes a large file in chunks and reports progress', async () => {
    const events = Array.from({ length: 5000 }, (_, i) =>
      event(`bulk${String(i).padStart(6, '0')}`, NOW - 1e6 + i),
    );
    const progress: number[] = [];
    const report = await merge(serialiseLogExport(await exportOf(events)), {
      onProgress: (done: number) => progress.push(done),
    });
    expect(report.added).toBe(5000);
    expect(progress).toEqual([2000, 4000, 5000]);
  }, 60_000);
});

describe('finding 8: exports lead to no one by default', () => {
  it('pseudonymises post keys and group ids in JSON and CSV unless raw ids are chosen', async () => {
    const events = [event('aaaaaaaa1', NOW - 1000), event('aaaaaaaa2', NOW - 500)];
    const json = serialiseLogExport(await exportOf(events));
    expect(json).not.toContain('1234567890');
    expect(json).not.toContain('987654321');
    const read = await readLogExport(json);
    expect(read.envelope.includes.rawIds).toBe(false);
    const [a, b] = read.envelope.events;
    expect(a?.postKey).toMatch(/^h:[0-9a-f]{32}$/);
    // Same post, same pseudonym: per-post statistics still work.
    expect(a?.postKey).toBe(b?.postKey);
    const csv = (
      await exportCsv(
        await prepareExportEvents(events, DEFAULT_INCLUDES, keys.pseudonymise),
        DEFAULT_INCLUDES,
      )
    ).join('');
    expect(csv).not.toContain('1234567890');
    expect(csv).not.toContain('987654321');
    const raw = serialiseLogExport(await exportOf(events, { ...DEFAULT_INCLUDES, rawIds: true }));
    expect(raw).toContain('fb:1234567890');
  });

  it('gives different pseudonyms on different installations', async () => {
    const other = await exampleExportKeys('advisor B');
    expect(await other.pseudonymise('post', 'fb:1')).not.toBe(
      await keys.pseudonymise('post', 'fb:1'),
    );
  });
});
