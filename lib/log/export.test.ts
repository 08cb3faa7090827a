import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutreachDatabase } from '../db/database';
import type { LogEvent } from './events';
import { LOG_EVENT_TYPES, upgradeLegacyEvent } from './events';
import { buildLogExport, parseLogExport, serialiseLogExport } from './envelope';
import { CSV_BOM, exportCsv } from './export-csv';
import { DEFAULT_INCLUDES } from './export-options';
import { exportXlsx, readXlsxRows } from './export-xlsx';
import { importLogExports } from './merge';
import { sampleEvent } from '../../tests/fixtures/sample-events';
import { prepareEvent } from './store';
import { exampleExportKeys } from '../../tests/fixtures/example-advisor-keys';

const keys = await exampleExportKeys();

const ALL = { postText: true, notes: true, authorHash: true, rawIds: true };

function everyType(): LogEvent[] {
  return LOG_EVENT_TYPES.map((type, index) =>
    prepareEvent(sampleEvent(type, { at: Date.UTC(2026, 2, 2, 10, index), postText: 'Hilfe!' }), {
      advisor: 'Advisor K',
      storePostText: true,
    }),
  );
}

let db: OutreachDatabase;
beforeEach(() => {
  db = new OutreachDatabase(`export-test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('JSON export', () => {
  it('round-trips every event type through export and import', async () => {
    const events = everyType();
    const envelope = await buildLogExport(events, { ...keys, advisor: 'Advisor K', includes: ALL });
    const report = await importLogExports(
      db,
      [{ name: 'k.json', text: serialiseLogExport(envelope) }],
      { storePostText: true },
    );
    expect(report).toMatchObject({ added: events.length, duplicates: 0, refused: 0 });
    const stored = await db.events.orderBy('at').toArray();
    const strip = ({ source: _s, importId: _i, ...rest }: LogEvent) => rest;
    // Old "handled" / "referred" records arrive as the documentation they stand for.
    expect(stored.map(strip)).toEqual(events.map((event) => strip(upgradeLegacyEvent(event))));
    expect(stored.every((event) => event.source === 'import')).toBe(true);
  });

  it('describes itself: schema version, advisor, time range and checksum', async () => {
    const events = everyType();
    const envelope = await buildLogExport(events, {
      ...keys,
      advisor: 'Advisor K',
      includes: DEFAULT_INCLUDES,
      now: Date.UTC(2026, 3, 1),
    });
    expect(envelope).toMatchObject({
      format: 'outreach-advisor-log',
      schemaVersion: 2,
      advisor: 'Advisor K',
      exportedAt: '2026-04-01T00:00:00.000Z',
      range: { from: '2026-03-02T10:00:00.000Z', to: '2026-03-02T10:09:00.000Z' },
      eventCount: events.length,
      checksum: { algorithm: 'SHA-256' },
      includes: { rawIds: false },
      signature: { algorithm: 'ECDSA-P256-SHA256', keyId: keys.signingKey.keyId },
    });
    expect(envelope.checksum.value).toMatch(/^[0-9a-f]{64}$/);
  });

  it('leaves out post text, notes and author hashes unless chosen', async () => {
    const text = serialiseLogExport(
      await buildLogExport(everyType(), { ...keys, advisor: 'K', includes: DEFAULT_INCLUDES }),
    );
    expect(text).not.toContain('Hilfe!');
    expect(text).not.toContain('Called back');
    expect(text).not.toContain('a'.repeat(64));
  });

  it('accepts a re-indented file but refuses a changed one', async () => {
    const envelope = await buildLogExport(everyType(), { ...keys, advisor: 'K', includes: ALL });
    await expect(parseLogExport(JSON.stringify(envelope, null, 2))).resolves.toBeDefined();
    const tampered = structuredClone(envelope);
    const first = tampered.events[0];
    if (!first) throw new Error('no events');
    first.topic = 'housing';
    await expect(parseLogExport(JSON.stringify(tampered))).rejects.toMatchObject({
      code: 'tampered',
    });
  });

  it.each([
    ['not json', '{', 'not-json'],
    ['another file', '{"hello":1}', 'not-an-export'],
    [
      'a future version',
      '{"format":"outreach-advisor-log","schemaVersion":9}',
      'unsupported-version',
    ],
  ])('refuses %s', async (_name, text, code) => {
    await expect(parseLogExport(text)).rejects.toMatchObject({ code });
  });

  it('names where an invalid export is wrong', async () => {
    const envelope = await buildLogExport(everyType(), { ...keys, advisor: 'K', includes: ALL });
    const broken = JSON.parse(JSON.stringify(envelope)) as { events: { language: string }[] };
    const third = broken.events[2];
    if (!third) throw new Error('no events');
    third.language = 'xx';
    await expect(parseLogExport(JSON.stringify(broken))).rejects.toThrow(/events\[2\]\.language/);
  });
});

describe('CSV export', () => {
  it('starts with a BOM and the header, one row per event, no names or text by default', async () => {
    const csv = (await exportCsv(everyType(), DEFAULT_INCLUDES)).join('');
    expect(csv.startsWith(`${CSV_BOM}event_id,type,time,advisor,group_id`)).toBe(true);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(LOG_EVENT_TYPES.length + 1);
    expect((lines[0] ?? '').split(',')).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^(note|post_text|author_hash)$/)]),
    );
    expect(csv).not.toMatch(/Hilfe!|Called back|a{64}/);
  });

  it('neutralises spreadsheet formulas and quotes separators', async () => {
    const event = prepareEvent(
      sampleEvent('referred', { referredTo: '=HYPERLINK("http://x","y")', groupName: 'A, B' }),
      { advisor: '@advisor', storePostText: false },
    );
    const csv = (await exportCsv([event], DEFAULT_INCLUDES)).join('');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv).toContain(`,'@advisor,`);
    expect(csv).toContain('"A, B"');
  });

  it('reports progress up to the total', async () => {
    const seen: number[] = [];
    const events = Array.from({ length: 5000 }, () =>
      prepareEvent(sampleEvent('post-seen'), { advisor: 'k', storePostText: false }),
    );
    await exportCsv(events, DEFAULT_INCLUDES, (done) => seen.push(done));
    expect(seen.at(-1)).toBe(5000);
    expect(seen.length).toBeGreaterThan(1);
  });
});

describe('XLSX export', () => {
  it('writes a workbook whose rows read back with the header and escaped cells', async () => {
    const events = everyType();
    events[0] = { ...(events[0] as LogEvent), groupName: '+49 group' };
    const data = await exportXlsx(events, ALL);
    const rows = await readXlsxRows(data);
    expect(rows[0]).toEqual(expect.arrayContaining(['event_id', 'type', 'note', 'post_text']));
    expect(rows).toHaveLength(events.length + 1);
    expect(rows[1]).toContain("'+49 group");
  });
});
