/**
 * Finds, parses and marks posts as the page renders them.
 *
 * Lifecycle (one tracker per page session; `signal` ends it):
 * 1. `start()` observes the narrowest root the adapter names (the feed; the
 *    dialog or main column on a permalink; the body until either exists) with
 *    ONE MutationObserver, and queues that root for a full scan.
 * 2. The observer callback only queues: added elements, the parents of
 *    changed text, elements whose post-identifying attributes changed, and
 *    removed elements. It never reads layout or parses.
 * 3. The queue is drained in slices with a time budget each, checked after
 *    every node and root; what is left continues in the next slice, so a
 *    batch of 50 posts never becomes one long task. Slices are timer tasks
 *    about a frame apart (`TIMER_SLICES`), never animation-frame callbacks:
 *    a callback in the browser's rendering task made the page's own style,
 *    layout and paint part of the same long task (BENCHMARKS.md, "Content
 *    script"). After a change by the page, one slice interval is left to the
 *    page before the draining starts. The first pass is queued the same way
 *    (the root's children one by one, not one search over the whole feed).
 * 4. Each candidate root is parsed to plain data. A WeakMap remembers which
 *    post key and fingerprint a root carried: the same key again is an update
 *    (no double processing); a different fingerprint means the page's
 *    framework reused the node for another post, and the old post is
 *    released before the new one is attached. The same fingerprint under a
 *    new key is the same post re-keyed (a hover revealed its id): its overlay
 *    moves to the new key with the analysis it had, and no second
 *    `post-analysed` (so no second "post seen") is emitted.
 * 5. Exactly one overlay per post key: a second live root with a key already
 *    shown is left alone; when the first leaves the page, the key is free.
 * 6. Removed roots release their overlay; the post's state stays in the store
 *    (by key) for a later remount.
 */
import type { KeyResolver, ParsedPost, PageInfo, RejectReason, SiteAdapter } from '../sites/types';
import type { PageDiagnostics } from '../messaging/protocol';
import type { PostEventEmitter } from './features/events';
import type { PostStore } from './post-store';
import { createSelectorStats } from './selector-stats';

export const POST_ATTRIBUTE = 'data-oa-post';

export interface OverlayMounter {
  /**
   * Puts the post's marker into its root and marks the root with
   * `data-oa-post`, both in the same moment. With `batch`, both may wait a
   * little for other new posts' markers (lib/content/marker.ts `INSERT_BATCH_MS`).
   * Again for a post already there: puts back what the page removed, or
   * leaves it waiting for its batch.
   */
  mount(root: Element, post: ParsedPost, options?: { batch?: boolean }): void;
  unmount(postKey: string): void;
  isOverlayNode(node: Node): boolean;
  /** The post's marker is in this root, or waits for its batch to go there. */
  isMounted(postKey: string, root: Element): boolean;
  count(): number;
}

export interface TrackerOptions {
  adapter: SiteAdapter;
  doc: Document;
  page: PageInfo;
  keys: KeyResolver;
  store: PostStore;
  events: PostEventEmitter;
  overlays: OverlayMounter;
  /** Asks for analysis of posts whose text is new or changed. */
  requestAnalysis(post: ParsedPost): void;
  /** Something the popup shows changed (posts recognised, health). */
  onStateChange(): void;
  /** Milliseconds of work per slice. */
  budgetMs?: number;
  /** When slices run (tests pass animation frames they control). */
  slices?: SliceScheduler;
  signal: AbortSignal;
}

interface Tracked {
  postKey: string;
  fingerprint: string;
}

export interface PostTracker {
  start(): void;
  postsRecognised(): number;
  feedFound(): boolean;
  diagnostics(): PageDiagnostics;
  currentPosts(): ReadonlyMap<string, ParsedPost>;
  /** The live root of a post, if it is on the page. */
  rootOf(postKey: string): Element | undefined;
}

const WATCHED_ATTRIBUTES = ['aria-posinset', 'aria-describedby', 'href', 'role'];

/** Runs the tracker's next slice of work. */
export interface SliceScheduler {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

/** Gap before a slice: with a 6 ms slice, about one slice per frame. */
const SLICE_GAP_MS = 10;

/** Production: timer tasks, so the tracker's work never runs inside the page's rendering task. */
export const TIMER_SLICES: SliceScheduler = {
  request: (callback) => window.setTimeout(callback, SLICE_GAP_MS),
  cancel: (handle) => window.clearTimeout(handle),
};

export function createPostTracker(options: TrackerOptions): PostTracker {
  const { adapter, doc, page, store, events, overlays, signal } = options;
  const budgetMs = options.budgetMs ?? 6;
  const slices = options.slices ?? TIMER_SLICES;
  const stats = createSelectorStats(adapter.selectorCatalogue);
  const tracked = new WeakMap<Element, Tracked>();
  const rejected = new WeakMap<Element, RejectReason>();
  const rejectedCounts = new Map<RejectReason, number>();
  /** postKey → its live root. */
  const live = new Map<string, Element>();
  const posts = new Map<string, ParsedPost>();
  const seenCandidates = new WeakSet<Element>();
  let candidateCount = 0;
  let nodeReuses = 0;

  // Queues: raw nodes from the observer, then candidate roots to parse.
  const addedNodes: Node[] = [];
  let removedNodes: Node[] = [];
  const roots = new Set<Element>();
  let frame = 0;
  let observer: MutationObserver | undefined;
  let observedRoot: Element | undefined;

  const schedule = () => {
    if (frame !== 0 || signal.aborted) return;
    frame = slices.request(drain);
  };
  /**
   * After the page changed the feed, the page gets a slice interval to lay out
   * its own change before the tracker's work (parsing, markers) starts.
   */
  const scheduleAfterPageFrame = () => {
    if (frame !== 0 || signal.aborted) return;
    frame = slices.request(() => {
      frame = 0;
      schedule();
    });
  };
  signal.addEventListener('abort', () => {
    if (frame !== 0) slices.cancel(frame);
    observer?.disconnect();
    for (const postKey of [...live.keys()]) release(postKey, 'navigation');
  });

  function observe(root: Element) {
    observer?.disconnect();
    observedRoot = root;
    observer = new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'childList') {
          for (const node of record.addedNodes)
            if (!overlays.isOverlayNode(node)) addedNodes.push(node);
          for (const node of record.removedNodes)
            if (!overlays.isOverlayNode(node)) removedNodes.push(node);
        } else if (record.type === 'characterData') {
          if (record.target.parentElement) addedNodes.push(record.target.parentElement);
        } else {
          addedNodes.push(record.target);
        }
      }
      scheduleAfterPageFrame();
    });
    observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: WATCHED_ATTRIBUTES,
    });
  }

  function release(postKey: string, reason: 'unmounted' | 'reused' | 'navigation') {
    const root = live.get(postKey);
    live.delete(postKey);
    posts.delete(postKey);
    overlays.unmount(postKey);
    if (root) {
      if (root.getAttribute(POST_ATTRIBUTE) === postKey) root.removeAttribute(POST_ATTRIBUTE);
      tracked.delete(root);
    }
    events.emit('post-removed', { postKey, reason });
  }

  function countRejection(root: Element, reason: RejectReason) {
    if (rejected.get(root) === reason) return;
    rejected.set(root, reason);
    rejectedCounts.set(reason, (rejectedCounts.get(reason) ?? 0) + 1);
  }

  /** The same post under a new key (its id appeared): move it, do not announce it twice. */
  function rekey(root: Element, oldKey: string, post: ParsedPost) {
    const before = store.get(oldKey);
    live.delete(oldKey);
    posts.delete(oldKey);
    overlays.unmount(oldKey);
    events.emit('post-removed', { postKey: oldKey, reason: 'reused' });
    const holder = live.get(post.postKey);
    if (holder && holder !== root && holder.isConnected) {
      // Already shown elsewhere under its id: one overlay per post.
      tracked.delete(root);
      if (root.getAttribute(POST_ATTRIBUTE) === oldKey) root.removeAttribute(POST_ATTRIBUTE);
      return;
    }
    store.upsert(post);
    if (before?.analysis && store.get(post.postKey)?.analysis == null) {
      store.setAnalysis(post.postKey, before.analysis, before.analysedText ?? post.text);
    }
    tracked.set(root, { postKey: post.postKey, fingerprint: post.fingerprint });
    live.set(post.postKey, root);
    posts.set(post.postKey, post);
    overlays.mount(root, post);
    events.emit('post-recognised', { post, remount: true });
    // Asks only when no analysis came along (the request returns early otherwise).
    options.requestAnalysis(post);
  }

  function processRoot(root: Element) {
    if (!root.isConnected) return;
    if (!seenCandidates.has(root)) {
      seenCandidates.add(root);
      candidateCount += 1;
    }
    const previous = tracked.get(root);
    const result = adapter.parsePost(root, page, options.keys, stats);
    if (result.kind === 'rejected') {
      countRejection(root, result.reason);
      if (previous) {
        nodeReuses += 1;
        release(previous.postKey, 'reused');
      }
      return;
    }
    rejected.delete(root);
    const { post } = result;
    if (
      previous &&
      previous.postKey !== post.postKey &&
      previous.fingerprint === post.fingerprint &&
      live.get(previous.postKey) === root
    ) {
      rekey(root, previous.postKey, post);
      return;
    } else if (previous && previous.postKey !== post.postKey) {
      // The framework reused this node for a different post.
      nodeReuses += 1;
      release(previous.postKey, 'reused');
    } else if (previous && previous.postKey === post.postKey) {
      // Same post, re-rendered (text expanded, permalink appeared, our overlay knocked out).
      tracked.set(root, { postKey: post.postKey, fingerprint: post.fingerprint });
      store.upsert(post);
      posts.set(post.postKey, post);
      // Puts back a marker or a data-oa-post the page knocked out (never ahead of a batch).
      overlays.mount(root, post);
      options.requestAnalysis(post);
      events.emit('post-updated', { post });
      return;
    }
    const holder = live.get(post.postKey);
    if (holder && holder !== root) {
      if (holder.isConnected) return; // already shown elsewhere: one overlay per post
      release(post.postKey, 'unmounted');
    }
    const { existed } = store.upsert(post);
    tracked.set(root, { postKey: post.postKey, fingerprint: post.fingerprint });
    live.set(post.postKey, root);
    posts.set(post.postKey, post);
    overlays.mount(root, post, { batch: true });
    events.emit('post-recognised', { post, remount: existed });
    options.requestAnalysis(post);
    const analysis = store.get(post.postKey)?.analysis;
    if (analysis) events.emit('post-analysed', { post, analysis });
  }

  function handleRemoved(node: Node) {
    if (!(node instanceof Element) || node.isConnected) return;
    const affected: Element[] = [];
    if (node.hasAttribute(POST_ATTRIBUTE)) affected.push(node);
    for (const element of node.querySelectorAll(`[${POST_ATTRIBUTE}]`)) affected.push(element);
    for (const root of affected) {
      const entry = tracked.get(root);
      if (entry && live.get(entry.postKey) === root) release(entry.postKey, 'unmounted');
    }
  }

  /** Queues a root's children for the first pass instead of searching it all at once. */
  function queueFirstPass(root: Element) {
    for (const child of root.children) addedNodes.push(child);
  }

  function expandAdded(node: Node) {
    const element = node instanceof Element ? node : node.parentElement;
    if (!element || !element.isConnected) return;
    const closest = adapter.closestCandidate(element);
    if (closest) roots.add(closest);
    for (const candidate of adapter.findCandidates(element)) roots.add(candidate);
  }

  function drain() {
    frame = 0;
    if (signal.aborted) return;
    const deadline = performance.now() + budgetMs;
    const before = live.size;
    if (removedNodes.length > 0) {
      const removed = removedNodes;
      removedNodes = [];
      for (const node of removed) handleRemoved(node);
    }
    // Re-root once the feed (or dialog) exists: narrower is cheaper.
    if (observedRoot === doc.body && page.kind !== 'group-post') {
      const narrower = adapter.findObservationRoot(doc);
      if (narrower !== doc.body) {
        observe(narrower);
        queueFirstPass(narrower);
      }
    }
    let next = 0;
    while (next < addedNodes.length && performance.now() < deadline) {
      const node = addedNodes[next];
      next += 1;
      if (node) expandAdded(node);
    }
    addedNodes.splice(0, next);
    for (const root of roots) {
      if (performance.now() >= deadline) break;
      roots.delete(root);
      processRoot(root);
    }
    if (addedNodes.length > 0 || roots.size > 0 || removedNodes.length > 0) schedule();
    if (live.size !== before || roots.size === 0) options.onStateChange();
  }

  return {
    start() {
      // A permalink page is small, and its post may arrive in a dialog at any
      // time: watch the body. Feeds are watched at the feed once it exists.
      const root = page.kind === 'group-post' ? doc.body : adapter.findObservationRoot(doc);
      observe(root);
      queueFirstPass(root);
      schedule();
    },
    postsRecognised: () => live.size,
    feedFound: () => adapter.hasFeed(doc),
    diagnostics: () => ({
      adapter: adapter.id,
      selectorHits: stats.snapshot(),
      candidates: candidateCount,
      rejected: Object.fromEntries(rejectedCounts),
      overlays: overlays.count(),
      nodeReuses,
      uiLanguage: page.uiLanguage,
    }),
    currentPosts: () => posts,
    rootOf: (postKey) => live.get(postKey),
  };
}
