import { describe, expect, it } from 'vitest';
import { exampleExportKeys } from '../../tests/fixtures/example-advisor-keys';
import { generateEvents } from '../../tests/fixtures/sample-events';
import type { GroupRegisterEntry } from '../groups/register';
import {
  buildLogExport,
  LogExportError,
  MAX_EXPORT_GROUPS,
  readLogExport,
  serialiseLogExport,
} from './envelope';
import { DEFAULT_INCLUDES } from './export-options';

const AT = Date.UTC(2026, 6, 1);

function group(groupId: string, overrides: Partial<GroupRegisterEntry> = {}): GroupRegisterEntry {
  return {
    platform: 'facebook',
    groupId,
    name: `Group ${groupId}`,
    memberCount: 1200,
    memberCountAt: AT,
    sector: 'care',
    notes: 'Admin asked us to post only on Mondays',
    worksHere: true,
    firstSeenAt: AT,
    lastSeenAt: AT,
    ...overrides,
  };
}

async function exportWithGroups(includes = DEFAULT_INCLUDES) {
  const events = generateEvents(30, 3);
  const groups = [group('polacy-de'), group('romanii-de')];
  const envelope = await buildLogExport(events, {
    ...(await exampleExportKeys()),
    advisor: 'a',
    includes,
    groups,
    now: Date.UTC(2026, 11, 1),
  });
  return { events, envelope, text: serialiseLogExport(envelope) };
}

describe('the group register in the JSON export', () => {
  it('pseudonymises group ids exactly like the events’ and leaves notes out by default', async () => {
    const { events, envelope } = await exportWithGroups();
    const exportedGroups = envelope.groups ?? [];
    expect(exportedGroups).toHaveLength(2);
    for (const entry of exportedGroups) {
      expect(entry.groupId).toMatch(/^h:/);
      expect(entry.notes).toBe('');
    }
    // The pseudonym of a group in the register is the one its events carry.
    const original = events.find((event) => event.groupId === 'polacy-de');
    const exported = envelope.events.find((event) => event.id === original?.id);
    const entry = exportedGroups.find((item) => item.name === 'Group polacy-de');
    expect(exported?.groupId).toMatch(/^h:/);
    expect(entry?.groupId).toBe(exported?.groupId);
  });

  it('keeps raw ids and notes only when they were chosen', async () => {
    const { envelope } = await exportWithGroups({ ...DEFAULT_INCLUDES, notes: true, rawIds: true });
    expect(envelope.groups?.map((entry) => [entry.groupId, entry.notes])).toEqual([
      ['polacy-de', 'Admin asked us to post only on Mondays'],
      ['romanii-de', 'Admin asked us to post only on Mondays'],
    ]);
  });

  it('reads the register back, verified, and refuses a file whose register was edited', async () => {
    const { text } = await exportWithGroups();
    const { envelope, verification } = await readLogExport(text);
    expect(verification.status).toBe('unknown-signer');
    expect(envelope.groups?.[0]?.memberCount).toBe(1200);
    const edited = text.replace('"memberCount":1200', '"memberCount":99000');
    expect(edited).not.toBe(text);
    await expect(readLogExport(edited)).rejects.toMatchObject({ code: 'tampered' });
  });

  it('adds no `groups` key when there is no register, so such files are as before', async () => {
    const envelope = await buildLogExport(generateEvents(5, 4), {
      ...(await exampleExportKeys()),
      advisor: 'a',
      includes: DEFAULT_INCLUDES,
    });
    expect('groups' in envelope).toBe(false);
  });

  it(`refuses a file with more than ${MAX_EXPORT_GROUPS} groups before checking them`, async () => {
    const { text } = await exportWithGroups();
    const raw = JSON.parse(text) as { groups: unknown[] };
    raw.groups = Array.from({ length: MAX_EXPORT_GROUPS + 1 }, () => raw.groups[0]);
    const error = await readLogExport(JSON.stringify(raw)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LogExportError);
    expect(error).toMatchObject({ code: 'too-large' });
  });

  it('refuses an export of more groups than a file may hold', async () => {
    await expect(
      buildLogExport([], {
        ...(await exampleExportKeys()),
        advisor: 'a',
        includes: DEFAULT_INCLUDES,
        groups: Array.from({ length: MAX_EXPORT_GROUPS + 1 }, (_, i) => group(`g${i}`)),
      }),
    ).rejects.toThrow(/at most 5000 groups/i);
  });
});
