/**
 * The event surface of the content script. Features subscribe to what
 * happens to posts on the page; the lifecycle (lib/content/post-tracker.ts)
 * emits. Every subscription ends with the feature's AbortSignal, so a
 * feature never outlives the page session it was started for.
 *
 * - `post-recognised`: a post root was recognised and marked (also after a
 *   remount or when the page reused a node for another post).
 * - `post-analysed`: the background's analysis (language, question) arrived.
 * - `post-updated`: the same post re-rendered (text expanded, comments added).
 * - `post-removed`: the post's root left the page (scrolled away, navigation)
 *   or was reused for a different post. Its state is kept by key, so the same
 *   post may be recognised again later.
 */
import type { PostAnalysis } from '../../messaging/protocol';
import type { ParsedPost } from '../../sites/types';

export interface PostEventMap {
  'post-recognised': { post: ParsedPost; remount: boolean };
  'post-analysed': { post: ParsedPost; analysis: PostAnalysis };
  'post-updated': { post: ParsedPost };
  'post-removed': { postKey: string; reason: 'unmounted' | 'reused' | 'navigation' };
}

export type PostEventName = keyof PostEventMap;
export type PostEventListener<Name extends PostEventName> = (event: PostEventMap[Name]) => void;

export interface PostEvents {
  /** Subscribes until `signal` aborts. A throwing listener never stops the others. */
  on<Name extends PostEventName>(
    name: Name,
    listener: PostEventListener<Name>,
    signal: AbortSignal,
  ): void;
}

export interface PostEventEmitter extends PostEvents {
  emit<Name extends PostEventName>(name: Name, event: PostEventMap[Name]): void;
}

export function createPostEvents(onListenerError?: (error: unknown) => void): PostEventEmitter {
  const listeners = new Map<PostEventName, Set<(event: never) => void>>();
  return {
    on(name, listener, signal) {
      if (signal.aborted) return;
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      const entry = listener as (event: never) => void;
      set.add(entry);
      signal.addEventListener('abort', () => set.delete(entry), { once: true });
    },
    emit(name, event) {
      const set = listeners.get(name);
      if (!set) return;
      for (const listener of [...set]) {
        try {
          (listener as (event: PostEventMap[typeof name]) => void)(event);
        } catch (error) {
          onListenerError?.(error);
        }
      }
    },
  };
}
