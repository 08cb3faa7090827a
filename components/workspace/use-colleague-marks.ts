/**
 * Colleagues' marks for the posts on the page (team sync, docs/TEAM-SYNC.md):
 * asked once per post while the workspace is open, in one request per new
 * set of posts, and asked again for the post the advisor opens when its
 * answer is older than a minute (a colleague may have just documented it).
 * A failed request is a missing hint, not an error: it is retried after a
 * pause, with the next snapshot.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { WorkspacePost } from '../../lib/workspace/protocol';
import type { ColleagueMark, WorkspaceActions } from './actions';

/** How old an answer may be before the opened post is asked about again. */
export const COLLEAGUE_REFRESH_MS = 60_000;
/** How long to wait after a failed request before asking again. */
const RETRY_AFTER_MS = 30_000;

interface Entry {
  marks: ColleagueMark[];
  at: number;
}

/** The latest mark per colleague, newest first. */
function latestPerUser(marks: readonly ColleagueMark[]): ColleagueMark[] {
  const byUser = new Map<string, ColleagueMark>();
  for (const mark of marks) {
    const known = byUser.get(mark.user);
    if (!known || mark.at > known.at) byUser.set(mark.user, mark);
  }
  return [...byUser.values()].sort((a, b) => b.at - a.at);
}

export function useColleagueMarks(
  posts: readonly WorkspacePost[],
  selected: string | null,
  actions: Pick<WorkspaceActions, 'loadColleagueMarks'>,
  now: () => number = Date.now,
): ReadonlyMap<string, ColleagueMark[]> {
  const [cache, setCache] = useState<ReadonlyMap<string, Entry>>(new Map());
  const asking = useRef(new Set<string>());
  const failedAt = useRef<number | null>(null);

  const ask = (keys: string[]) => {
    if (keys.length === 0) return;
    for (const key of keys) asking.current.add(key);
    actions.loadColleagueMarks(keys).then(
      (marks) => {
        const at = now();
        failedAt.current = null;
        for (const key of keys) asking.current.delete(key);
        setCache((previous) => {
          const next = new Map(previous);
          for (const key of keys) {
            next.set(key, {
              marks: latestPerUser(marks.filter((mark) => mark.postKey === key)),
              at,
            });
          }
          return next;
        });
      },
      () => {
        failedAt.current = now();
        for (const key of keys) asking.current.delete(key);
      },
    );
  };

  const postKeys = posts.map((post) => post.postKey).join('\n');
  useEffect(() => {
    if (failedAt.current !== null && now() - failedAt.current < RETRY_AFTER_MS) return;
    const fresh = postKeys
      .split('\n')
      .filter((key) => key !== '' && !cache.has(key) && !asking.current.has(key));
    ask(fresh);
    // Asked for new posts only; the cache is read as it is when they arrive.
  }, [postKeys, actions]);

  useEffect(() => {
    if (selected === null || asking.current.has(selected)) return;
    const entry = cache.get(selected);
    if (entry && now() - entry.at >= COLLEAGUE_REFRESH_MS) ask([selected]);
    // Checked when the advisor opens a post, not on every answer.
  }, [selected]);

  return useMemo(() => {
    const marked = new Map<string, ColleagueMark[]>();
    for (const [key, entry] of cache) if (entry.marks.length > 0) marked.set(key, entry.marks);
    return marked;
  }, [cache]);
}
