/**
 * The group register (docs/MONITORING.md#group-register): every group the
 * advisors have worked in or looked at, with what the page shows about it
 * (name, member count) and what the supervisor adds (sector, notes, whether
 * the team works there).
 *
 * Groups are public spaces, not people: a group's name and member count may
 * be exported. Its id is exported as a keyed pseudonym unless raw ids were
 * chosen (lib/log/export-options.ts), like the events' group ids, so an
 * exported register entry and the events of the same export agree.
 *
 * Pure: the background, the dashboard, the CLI and tests share it.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema';
import { LIMITS } from '../domain/limits';

/** Sector tags a supervisor can give a group. Stable ids: add new ones at the end. */
export const GROUP_SECTORS = [
  'agriculture',
  'construction',
  'logistics',
  'meat-processing',
  'care',
  'cleaning',
  'hospitality',
  'manufacturing',
  'general',
  'other',
] as const;
export type GroupSector = (typeof GROUP_SECTORS)[number];

export const GROUP_PLATFORMS = ['facebook'] as const;
export type GroupPlatform = (typeof GROUP_PLATFORMS)[number];

/** The largest member count believed (Facebook's largest groups have a few million). */
export const MAX_MEMBER_COUNT = 100_000_000;

/** The supervisor's note on a group. */
export const MAX_GROUP_NOTE_LENGTH = 1000;

const timeSchema = () => z.number().check(z.gte(0), z.lte(8.64e15));

export const groupRegisterEntrySchema = lazySchema(() =>
  z.object({
    platform: z.enum(GROUP_PLATFORMS),
    /** Facebook's group id or vanity name, or its export pseudonym (`h:…`). */
    groupId: z.string().check(z.minLength(1), z.maxLength(LIMITS.groupId)),
    /** The group's public name as last seen. */
    name: z.nullable(z.string().check(z.maxLength(LIMITS.groupName))),
    /** Members as the group header last showed them (rounded there: "12K"). */
    memberCount: z.nullable(z.number().check(z.int(), z.gte(0), z.lte(MAX_MEMBER_COUNT))),
    /** When that member count was read. */
    memberCountAt: z.nullable(timeSchema()),
    sector: z.nullable(z.enum(GROUP_SECTORS)),
    notes: z.string().check(z.maxLength(MAX_GROUP_NOTE_LENGTH)),
    /** Whether the team works in this group (set by the supervisor or advisor). */
    worksHere: z.boolean(),
    firstSeenAt: timeSchema(),
    lastSeenAt: timeSchema(),
  }),
);
export type GroupRegisterEntry = z.infer<typeof groupRegisterEntrySchema>;

/**
 * A group's public name as compared across advisors' exports (whose id
 * pseudonyms differ): case, width, dashes and spacing folded. The register
 * view and the funder report recognise one group by it.
 */
export function normaliseGroupName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The key a register entry is stored and merged under. */
export function groupKey(entry: Pick<GroupRegisterEntry, 'platform' | 'groupId'>): string {
  return `${entry.platform}:${entry.groupId}`;
}

/** Whichever of two optional times is later (null counts as never). */
function later(a: number | null, b: number | null): boolean {
  return b === null ? a !== null : a !== null && a > b;
}

/**
 * Several sightings of the same group (same `groupKey`: the register of
 * several exports, or an export and this installation's own) as one entry:
 * the latest name, the member count read last (by `memberCountAt`), the
 * earliest first and latest last sighting, sector and notes from the most
 * recently seen entry that has them, and "works here" if any says so.
 * Entries with different keys stay apart (pseudonyms of two installations
 * differ: the funder report recognises such a space by its name).
 */
export function mergeGroupRegisterEntries(
  entries: Iterable<GroupRegisterEntry>,
): GroupRegisterEntry[] {
  const merged = new Map<string, GroupRegisterEntry>();
  for (const entry of entries) {
    const key = groupKey(entry);
    const known = merged.get(key);
    if (!known) {
      merged.set(key, { ...entry });
      continue;
    }
    const newer = entry.lastSeenAt >= known.lastSeenAt;
    const count = later(entry.memberCountAt, known.memberCountAt) ? entry : known;
    merged.set(key, {
      platform: known.platform,
      groupId: known.groupId,
      name: (newer ? (entry.name ?? known.name) : (known.name ?? entry.name)) || null,
      memberCount: count.memberCount,
      memberCountAt: count.memberCountAt,
      sector: newer ? (entry.sector ?? known.sector) : (known.sector ?? entry.sector),
      notes: newer ? entry.notes || known.notes : known.notes || entry.notes,
      worksHere: known.worksHere || entry.worksHere,
      firstSeenAt: Math.min(known.firstSeenAt, entry.firstSeenAt),
      lastSeenAt: Math.max(known.lastSeenAt, entry.lastSeenAt),
    });
  }
  return [...merged.values()].sort((a, b) =>
    groupKey(a) < groupKey(b) ? -1 : groupKey(a) > groupKey(b) ? 1 : 0,
  );
}
