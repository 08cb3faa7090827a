/**
 * The group register as the dashboard lists it (docs/MONITORING.md#group-register):
 * this installation's entries, those of merged exports, and groups that only
 * the log knows (events from before the register, or exports without one),
 * one row per group, with what the log says about it.
 *
 * Rows are joined by group key first (`mergeGroupRegisterEntries`), then by
 * the group's public name: an id pseudonym (`h:…`) differs per exporting
 * installation, so two advisors' entries for one group meet only by name,
 * as in the funder report (`normaliseGroupName`).
 *
 * Pure: the dashboard and tests share it.
 */
import type { LogEvent } from '../log/events';
import type { PostFacts } from '../log/post-facts';
import { foldPostFacts, newPostFacts } from '../log/post-facts';
import type { GroupRegisterEntry } from './register';
import { groupKey, mergeGroupRegisterEntries, normaliseGroupName } from './register';

const DAY_MS = 86_400_000;
/** "Recent" questions: the last four weeks. */
export const RECENT_DAYS = 28;
/** Languages named per group: the main ones, not every stray post. */
const LANGUAGES_SHOWN = 3;

export interface RegisterRow {
  /** Stable row id: the first entry's key. */
  id: string;
  /** The keys of every entry this row joins. */
  keys: string[];
  /** This installation's own entry, which the supervisor's changes go to; null if none yet. */
  ownKey: string | null;
  entry: GroupRegisterEntry;
  /** Post languages by posts, most first (at most three). */
  languages: { language: string; posts: number }[];
  posts: number;
  questions: number;
  /** Questions first seen in the last RECENT_DAYS days. */
  recentQuestions: number;
  /** Whether the entry was only built from log events (no register entry anywhere). */
  fromLogOnly: boolean;
}

interface GroupFacts {
  name: string | null;
  nameAt: number;
  firstAt: number;
  lastAt: number;
  /** The posts whose group this is, by the counting rules (lib/log/post-facts.ts). */
  posts: PostFacts[];
}

/** What the register reads from each event. */
export type RegisterEvent = Pick<
  LogEvent,
  'at' | 'postKey' | 'groupId' | 'groupName' | 'language' | 'topic' | 'isQuestion'
>;

function factsFromEvents(events: readonly RegisterEvent[]): Map<string, GroupFacts> {
  const byKey = new Map<string, GroupFacts>();
  const posts = new Map<string, PostFacts>();
  for (const event of events) {
    let post = posts.get(event.postKey);
    if (!post) posts.set(event.postKey, (post = newPostFacts(event.at)));
    foldPostFacts(post, event);
    if (event.groupId === null) continue;
    const key = groupKey({ platform: 'facebook', groupId: event.groupId });
    let facts = byKey.get(key);
    if (!facts) {
      facts = { name: null, nameAt: -1, firstAt: event.at, lastAt: event.at, posts: [] };
      byKey.set(key, facts);
    }
    facts.firstAt = Math.min(facts.firstAt, event.at);
    facts.lastAt = Math.max(facts.lastAt, event.at);
    if (event.groupName && event.at >= facts.nameAt) {
      facts.name = event.groupName;
      facts.nameAt = event.at;
    }
  }
  for (const post of posts.values()) {
    if (post.groupId === null) continue;
    byKey.get(groupKey({ platform: 'facebook', groupId: post.groupId }))?.posts.push(post);
  }
  return byKey;
}

/**
 * One row per group. `own` are this installation's entries, `imported`
 * those of merged exports, `events` the whole log (own and imported).
 */
export function buildRegisterRows(
  own: readonly GroupRegisterEntry[],
  imported: readonly GroupRegisterEntry[],
  events: readonly RegisterEvent[],
  now: number,
): RegisterRow[] {
  const facts = factsFromEvents(events);
  const ownKeys = new Set(own.map(groupKey));
  const registered = mergeGroupRegisterEntries([...own, ...imported]);
  const known = new Set(registered.map(groupKey));
  // Groups only the log knows get an entry from their events.
  const fromLog: GroupRegisterEntry[] = [];
  for (const [key, group] of facts) {
    if (known.has(key)) continue;
    fromLog.push({
      platform: 'facebook',
      groupId: key.slice('facebook:'.length),
      name: group.name,
      memberCount: null,
      memberCountAt: null,
      sector: null,
      notes: '',
      worksHere: false,
      firstSeenAt: group.firstAt,
      lastSeenAt: group.lastAt,
    });
  }
  const logOnly = new Set(fromLog.map(groupKey));

  // Join by name across keys (union by comparable name; nameless entries stay alone).
  const rows = new Map<string, GroupRegisterEntry[]>();
  for (const entry of [...registered, ...fromLog]) {
    const name = entry.name ?? facts.get(groupKey(entry))?.name ?? null;
    const join = name ? `name:${normaliseGroupName(name)}` : `key:${groupKey(entry)}`;
    const list = rows.get(join) ?? [];
    list.push(name && !entry.name ? { ...entry, name } : entry);
    rows.set(join, list);
  }

  const recentFrom = now - RECENT_DAYS * DAY_MS;
  const result: RegisterRow[] = [];
  for (const entries of rows.values()) {
    const keys = entries.map(groupKey);
    // Joined across keys: the same rules as within a key, under the first key.
    const first = entries[0] as GroupRegisterEntry;
    const merged = mergeGroupRegisterEntries(
      entries.map((entry) => ({ ...entry, platform: first.platform, groupId: first.groupId })),
    )[0] as GroupRegisterEntry;
    const languageCounts = new Map<string, number>();
    let posts = 0;
    let questions = 0;
    let recentQuestions = 0;
    for (const key of keys) {
      for (const post of facts.get(key)?.posts ?? []) {
        posts += 1;
        if (post.language && post.language !== 'und')
          languageCounts.set(post.language, (languageCounts.get(post.language) ?? 0) + 1);
        if (post.isQuestion !== true) continue;
        questions += 1;
        if (post.firstAt >= recentFrom && post.firstAt <= now) recentQuestions += 1;
      }
    }
    const ownKey = keys.find((key) => ownKeys.has(key)) ?? null;
    result.push({
      id: ownKey ?? (keys[0] as string),
      keys,
      ownKey,
      entry: merged,
      languages: [...languageCounts]
        .map(([language, count]) => ({ language, posts: count }))
        .sort((a, b) => b.posts - a.posts || a.language.localeCompare(b.language))
        .slice(0, LANGUAGES_SHOWN),
      posts,
      questions,
      recentQuestions,
      fromLogOnly: keys.every((key) => logOnly.has(key)),
    });
  }
  return result.sort(
    (a, b) =>
      Number(b.entry.worksHere) - Number(a.entry.worksHere) ||
      b.entry.lastSeenAt - a.entry.lastSeenAt ||
      a.id.localeCompare(b.id),
  );
}
