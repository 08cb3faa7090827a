/**
 * What the content script knows per post key: the parsed post, the
 * background's analysis and each panel's state. It outlives the post's DOM
 * node (Facebook unmounts posts scrolled far away and remounts them later)
 * and page sessions, so a remounted post shows its analysis at once and
 * panels keep their drafts. Bounded: the least recently used entries go.
 */
import type { PostAnalysis } from '../messaging/protocol';
import type { ParsedPost } from '../sites/types';

export interface PostEntry {
  post: ParsedPost;
  analysis: PostAnalysis | null;
  /** The text the analysis was made for (re-analyse when "See more" expanded it). */
  analysedText: string | null;
  expanded: boolean;
  panelState: Map<string, unknown>;
}

export interface PostStore {
  get(postKey: string): PostEntry | undefined;
  /** Creates or updates the entry with freshly parsed data; returns it and whether it existed. */
  upsert(post: ParsedPost): { entry: PostEntry; existed: boolean };
  setAnalysis(postKey: string, analysis: PostAnalysis, text: string): void;
  setExpanded(postKey: string, expanded: boolean): void;
  setPanelState(postKey: string, key: string, value: unknown): void;
  subscribe(postKey: string, listener: () => void): () => void;
  size(): number;
}

export function createPostStore(limit = 3000): PostStore {
  const entries = new Map<string, PostEntry>();
  const listeners = new Map<string, Set<() => void>>();

  const touch = (postKey: string, entry: PostEntry) => {
    entries.delete(postKey);
    entries.set(postKey, entry);
    while (entries.size > limit) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  };
  // Entries are replaced, never mutated, so React's useSyncExternalStore sees changes.
  const replace = (postKey: string, change: Partial<PostEntry>) => {
    const current = entries.get(postKey);
    if (!current) return;
    touch(postKey, { ...current, ...change });
    for (const listener of [...(listeners.get(postKey) ?? [])]) listener();
  };

  return {
    get: (postKey) => entries.get(postKey),
    upsert(post) {
      const current = entries.get(post.postKey);
      if (current) {
        if (current.post.text !== post.text || current.post.permalink !== post.permalink) {
          replace(post.postKey, { post });
        } else {
          touch(post.postKey, current);
        }
        return { entry: entries.get(post.postKey) ?? current, existed: true };
      }
      const entry: PostEntry = {
        post,
        analysis: null,
        analysedText: null,
        expanded: false,
        panelState: new Map(),
      };
      touch(post.postKey, entry);
      return { entry, existed: false };
    },
    setAnalysis: (postKey, analysis, text) => replace(postKey, { analysis, analysedText: text }),
    setExpanded: (postKey, expanded) => replace(postKey, { expanded }),
    setPanelState(postKey, key, value) {
      const current = entries.get(postKey);
      if (!current) return;
      const panelState = new Map(current.panelState);
      panelState.set(key, value);
      replace(postKey, { panelState });
    },
    subscribe(postKey, listener) {
      let set = listeners.get(postKey);
      if (!set) listeners.set(postKey, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(postKey);
      };
    },
    size: () => entries.size,
  };
}
