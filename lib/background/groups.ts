/**
 * Keeps the group register up to date from the pages the advisor works on
 * (docs/MONITORING.md#group-register). A content script reports its page
 * many times a minute; the register is written when the group's name or
 * member count changed, or at most once an hour otherwise, so the database
 * sees a handful of writes per group and day.
 *
 * Only groups the extension works in are registered: a group excluded in
 * Settings is one the advisor chose to keep the extension out of.
 */
import { getDatabase } from '../db/database';
import { recordGroupSighting } from '../groups/store';
import type { PageState } from '../messaging/protocol';

const REWRITE_AFTER_MS = 60 * 60 * 1000;

const lastWritten = new Map<
  string,
  { name: string | null; memberCount: number | null; at: number }
>();

export async function noteGroupPage(page: PageState, now = Date.now()): Promise<boolean> {
  if (!page.groupIncluded || page.pageKind === 'other' || page.groupId === null) return false;
  const memberCount = page.memberCount ?? null;
  const last = lastWritten.get(page.groupId);
  if (
    last &&
    last.name === page.groupName &&
    (memberCount === null || last.memberCount === memberCount) &&
    now - last.at < REWRITE_AFTER_MS
  ) {
    return false;
  }
  const entry = await recordGroupSighting(
    getDatabase(),
    { groupId: page.groupId, name: page.groupName, memberCount },
    now,
  );
  lastWritten.set(page.groupId, { name: page.groupName, memberCount: entry.memberCount, at: now });
  return true;
}

/** For tests: forget what was written. */
export function resetGroupPageMemo(): void {
  lastWritten.clear();
}
