/**
 * Reading and writing the group register (docs/MONITORING.md#group-register).
 *
 * The background records what the page shows (name, member count, when);
 * the dashboard records what the supervisor sets (sector, notes, whether
 * the team works there). Each writes only its own fields, in a transaction,
 * so a page report never overwrites a supervisor's note and the reverse.
 */
import type { OutreachDatabase } from '../db/database';
import { LIMITS } from '../domain/limits';
import type { GroupRecord } from './records';
import type { GroupRegisterEntry, GroupSector } from './register';
import { groupKey, groupRegisterEntrySchema, MAX_MEMBER_COUNT } from './register';

/** What a group page showed about its group. */
export interface GroupSighting {
  groupId: string;
  name: string | null;
  memberCount: number | null;
}

/**
 * Records that the advisor worked on a group's page at `now`: creates the
 * entry (the team works there until someone says otherwise) or updates its
 * name, member count and last-seen time. A member count the page did not
 * show keeps the one read before.
 */
export async function recordGroupSighting(
  db: OutreachDatabase,
  sighting: GroupSighting,
  now: number,
): Promise<GroupRecord> {
  const groupId = sighting.groupId.slice(0, LIMITS.groupId);
  const name = sighting.name?.trim().slice(0, LIMITS.groupName) || null;
  const memberCount =
    sighting.memberCount !== null &&
    Number.isInteger(sighting.memberCount) &&
    sighting.memberCount >= 0 &&
    sighting.memberCount <= MAX_MEMBER_COUNT
      ? sighting.memberCount
      : null;
  const key = groupKey({ platform: 'facebook', groupId });
  return db.transaction('rw', db.groups, async () => {
    const current = await db.groups.get(key);
    const next: GroupRecord = current
      ? {
          ...current,
          name: name ?? current.name,
          memberCount: memberCount ?? current.memberCount,
          memberCountAt: memberCount !== null ? now : current.memberCountAt,
          lastSeenAt: Math.max(current.lastSeenAt, now),
        }
      : {
          key,
          platform: 'facebook',
          groupId,
          name,
          memberCount,
          memberCountAt: memberCount !== null ? now : null,
          sector: null,
          notes: '',
          worksHere: true,
          firstSeenAt: now,
          lastSeenAt: now,
        };
    await db.groups.put(next);
    return next;
  });
}

/** What the supervisor may change on an entry. */
export interface GroupTags {
  sector?: GroupSector | null;
  notes?: string;
  worksHere?: boolean;
}

export class GroupRegisterError extends Error {
  override name = 'GroupRegisterError';
}

/**
 * Sets a group's sector, notes or "works here". Refuses (and changes
 * nothing) if the group is not in the register or a value is out of bounds.
 */
export async function updateGroupTags(
  db: OutreachDatabase,
  key: string,
  tags: GroupTags,
): Promise<GroupRecord> {
  return db.transaction('rw', db.groups, async () => {
    const current = await db.groups.get(key);
    if (!current) throw new GroupRegisterError(`No group "${key}" in the register.`);
    const { key: _key, ...entry } = current;
    const parsed = groupRegisterEntrySchema.safeParse({
      ...entry,
      ...(tags.sector !== undefined ? { sector: tags.sector } : {}),
      ...(tags.notes !== undefined ? { notes: tags.notes.trim() } : {}),
      ...(tags.worksHere !== undefined ? { worksHere: tags.worksHere } : {}),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new GroupRegisterError(
        `Group "${key}": ${issue?.path.join('.') ?? 'entry'} — ${issue?.message ?? 'invalid'}.`,
      );
    }
    const next: GroupRecord = { key, ...parsed.data };
    await db.groups.put(next);
    return next;
  });
}

/** This installation's own register, most recently seen first. */
export async function loadOwnRegister(db: OutreachDatabase): Promise<GroupRegisterEntry[]> {
  const records = await db.groups.orderBy('lastSeenAt').reverse().toArray();
  return records.map(({ key: _key, ...entry }) => entry);
}

/**
 * Makes a group this installation knows only from merged exports or the
 * log its own entry, so the supervisor can tag it. An existing own entry
 * is left as it is.
 */
export async function adoptGroup(
  db: OutreachDatabase,
  entry: GroupRegisterEntry,
): Promise<GroupRecord> {
  const parsed = groupRegisterEntrySchema.parse(entry);
  const key = groupKey(parsed);
  return db.transaction('rw', db.groups, async () => {
    const current = await db.groups.get(key);
    if (current) return current;
    const record: GroupRecord = { key, ...parsed };
    await db.groups.put(record);
    return record;
  });
}
