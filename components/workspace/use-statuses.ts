/**
 * Where each post of the snapshot stands (open, reply inserted, documented,
 * not relevant): read from the background's log for posts not seen before,
 * then changed here as the advisor works. Every change goes to the page
 * over the port, so the post's marker shows it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PostStatus, WorkspacePost } from '../../lib/workspace/protocol';
import type { WorkspaceActions } from './actions';
import type { PortClient } from './port-client';

/** What an action does to a status; documentation is final, as in the background's `statusOf`. */
export function advanceStatus(
  current: PostStatus,
  action: 'reply' | 'not-relevant' | 'documented',
): PostStatus {
  if (current === 'documented') return current;
  if (action === 'reply') return 'reply-inserted';
  return action;
}

export function useStatuses(
  posts: readonly WorkspacePost[],
  actions: Pick<WorkspaceActions, 'loadStatuses'>,
  client: PortClient | null,
) {
  const [statuses, setStatuses] = useState<Record<string, PostStatus>>({});
  const requested = useRef(new Set<string>());
  /** Set by the advisor's actions: the next statuses go to the page. */
  const changed = useRef(false);

  useEffect(() => {
    const missing = posts.map((post) => post.postKey).filter((key) => !requested.current.has(key));
    if (missing.length === 0) return;
    for (const key of missing) requested.current.add(key);
    actions.loadStatuses(missing).then(
      (loaded) => setStatuses((previous) => ({ ...loaded, ...previous })),
      () => {
        for (const key of missing) requested.current.delete(key);
      },
    );
  }, [posts, actions]);

  useEffect(() => {
    if (!changed.current || !client) return;
    changed.current = false;
    const shown = new Set(posts.map((post) => post.postKey));
    client.sendStatuses(
      Object.fromEntries(Object.entries(statuses).filter(([key]) => shown.has(key))),
    );
  }, [statuses, client, posts]);

  const apply = useCallback((postKey: string, action: 'reply' | 'not-relevant' | 'documented') => {
    changed.current = true;
    setStatuses((previous) => ({
      ...previous,
      [postKey]: advanceStatus(previous[postKey] ?? 'open', action),
    }));
  }, []);

  return { statuses, apply };
}
