// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageInfo, ParsedPost, ParseResult, SiteAdapter } from '../sites/types';
import { createPostEvents, type PostEventMap } from './features/events';
import { createPostStore, type PostStore } from './post-store';
import { createPostTracker, POST_ATTRIBUTE, type OverlayMounter } from './post-tracker';

/**
 * A miniature site: `<div role="feed">` holds `<article>` posts; a post's key
 * comes from its link (`href` is an attribute the tracker watches) and its
 * text from `.text`. An article without `.text` is a placeholder.
 */
const PARSE_COST_MS = 2;
const BUDGET_MS = 6; // with PARSE_COST_MS, three posts fit in a frame

let now = 0;

function createAdapter() {
  const parsePost = vi.fn((root: Element): ParseResult => {
    now += PARSE_COST_MS;
    const href = root.querySelector('a')?.getAttribute('href') ?? '';
    const text = root.querySelector('.text')?.textContent ?? '';
    if (!text) return { kind: 'rejected', reason: 'placeholder' };
    const author = root.getAttribute('data-author') ?? '';
    const post: ParsedPost = {
      postKey: `fb:${href.split('/').pop() ?? ''}`,
      postId: null,
      groupId: 'g1',
      groupName: null,
      authorName: author,
      anonymous: false,
      text,
      truncated: false,
      permalink: href,
      timeLabel: null,
      uiLanguage: 'en',
      fingerprint: `${author}|${text.slice(0, 8)}`,
    };
    return { kind: 'post', post };
  });
  const findCandidates = vi.fn((root: Element) => [
    ...(root.matches('article') ? [root] : []),
    ...root.querySelectorAll('article'),
  ]);
  const closestCandidate = vi.fn((node: Element) => node.closest('article'));
  const adapter: SiteAdapter = {
    id: 'fake',
    describePage: () => page('group-feed'),
    findObservationRoot: (doc) => doc.querySelector('[role="feed"]') ?? doc.body,
    hasFeed: (doc) => doc.querySelector('[role="feed"]') !== null,
    findCandidates,
    closestCandidate,
    parsePost,
    overlayAnchor: (root) => ({ parent: root, before: null }),
    findCommentBox: () => null,
    findCommentButton: () => null,
    findComments: () => [],
    findReplyButton: () => null,
    findReplyBox: () => null,
    commentFlagAnchor: (comment) => ({ parent: comment, before: null }),
    readGroupHeader: () => null,
    selectorCatalogue: {},
  };
  return { adapter, parsePost, findCandidates, closestCandidate };
}

function page(kind: PageInfo['kind']): PageInfo {
  return { kind, groupId: 'g1', groupName: null, uiLanguage: 'en' };
}

/** Mounts a real host node into the post, as the overlay manager does. */
function createOverlays() {
  const hosts = new Map<string, { root: Element; host: Element }>();
  const mounts: string[] = [];
  /** Mounts that may wait for the marker manager's next batch. */
  const batched: string[] = [];
  const unmounts: string[] = [];
  const overlays: OverlayMounter = {
    mount(root, post, options) {
      // The marker and the root's data-oa-post go in together; again, it puts back what is gone.
      root.setAttribute(POST_ATTRIBUTE, post.postKey);
      const current = hosts.get(post.postKey);
      if (current?.root === root && current.host.isConnected) return;
      mounts.push(post.postKey);
      if (options?.batch) batched.push(post.postKey);
      const host = document.createElement('div');
      host.className = 'oa-overlay';
      root.append(host);
      hosts.set(post.postKey, { root, host });
    },
    unmount(postKey) {
      unmounts.push(postKey);
      hosts.get(postKey)?.host.remove();
      hosts.delete(postKey);
    },
    isOverlayNode: (node) => node instanceof Element && node.classList.contains('oa-overlay'),
    isMounted: (postKey, root) => hosts.get(postKey)?.root === root,
    count: () => hosts.size,
  };
  return { overlays, mounts, batched, unmounts };
}

/** requestAnimationFrame under the test's control. */
function createFrames() {
  let nextId = 1;
  const pending = new Map<number, FrameRequestCallback>();
  const cancelled: number[] = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    const id = nextId++;
    pending.set(id, callback);
    return id;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => {
    cancelled.push(id);
    pending.delete(id);
  });
  return {
    pending: () => pending.size,
    cancelled,
    /** The callbacks waiting now, without running them. */
    peek: () => [...pending.values()],
    /** Runs the frame callbacks requested so far (not those they request). */
    run() {
      const callbacks = [...pending.values()];
      pending.clear();
      for (const callback of callbacks) callback(now);
      return callbacks.length;
    },
    /** Runs frames until none is requested; returns how many ran. */
    runAll() {
      let frames = 0;
      while (pending.size > 0) {
        if (frames > 100) throw new Error('the tracker keeps requesting frames');
        frames += this.run();
      }
      return frames;
    },
  };
}

function article(id: string, text: string | null, author = 'Ana'): HTMLElement {
  const element = document.createElement('article');
  element.setAttribute('data-author', author);
  const link = document.createElement('a');
  link.setAttribute('href', `/p/${id}`);
  element.append(link);
  if (text !== null) {
    const body = document.createElement('span');
    body.className = 'text';
    body.textContent = text;
    element.append(body);
  }
  return element;
}

function feed(...posts: Element[]): HTMLElement {
  const element = document.createElement('div');
  element.setAttribute('role', 'feed');
  element.append(...posts);
  return element;
}

/** MutationObserver callbacks run in a microtask after the change. */
const mutationsDelivered = () => Promise.resolve();

function setUp(kind: PageInfo['kind'] = 'group-feed', store: PostStore = createPostStore()) {
  const frames = createFrames();
  const site = createAdapter();
  const { overlays, mounts, batched, unmounts } = createOverlays();
  const events = createPostEvents((error) => {
    throw error;
  });
  const controller = new AbortController();
  const seen: { name: keyof PostEventMap; event: unknown }[] = [];
  for (const name of ['post-recognised', 'post-removed', 'post-analysed'] as const) {
    events.on(name, (event) => seen.push({ name, event }), new AbortController().signal);
  }
  const requestAnalysis = vi.fn<(post: ParsedPost) => void>();
  const onStateChange = vi.fn();
  const tracker = createPostTracker({
    adapter: site.adapter,
    doc: document,
    page: page(kind),
    keys: { resolve: (key) => key },
    store,
    events,
    overlays,
    requestAnalysis,
    onStateChange,
    budgetMs: BUDGET_MS,
    // Animation frames under the test's control stand in for the timer slices.
    slices: {
      request: (callback) => requestAnimationFrame(() => callback()),
      cancel: (handle) => cancelAnimationFrame(handle),
    },
    signal: controller.signal,
  });
  const recognised = () =>
    seen
      .filter(({ name }) => name === 'post-recognised')
      .map(({ event }) => event as PostEventMap['post-recognised'])
      .map(({ post, remount }) => ({ postKey: post.postKey, remount }));
  const removed = () =>
    seen
      .filter(({ name }) => name === 'post-removed')
      .map(({ event }) => event as PostEventMap['post-removed']);
  return {
    tracker,
    frames,
    ...site,
    mounts,
    batched,
    unmounts,
    store,
    seen,
    recognised,
    removed,
    requestAnalysis,
    onStateChange,
    controller,
  };
}

describe('post tracker', () => {
  beforeEach(() => {
    now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    document.body.replaceChildren();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  describe('1. start', () => {
    it('queues the feed for a full scan and does the work in the next frame, not in start()', () => {
      document.body.append(feed(article('1', 'Hallo'), article('2', 'Witam')));
      const t = setUp();
      t.tracker.start();
      expect(t.parsePost).not.toHaveBeenCalled();
      expect(t.frames.pending()).toBe(1);
      t.frames.runAll();
      expect(t.recognised()).toEqual([
        { postKey: 'fb:1', remount: false },
        { postKey: 'fb:2', remount: false },
      ]);
      expect(t.mounts).toEqual(['fb:1', 'fb:2']);
      expect(
        [...document.querySelectorAll('article')].map((a) => a.getAttribute(POST_ATTRIBUTE)),
      ).toEqual(['fb:1', 'fb:2']);
      expect(t.requestAnalysis.mock.calls.map(([post]) => post.text)).toEqual(['Hallo', 'Witam']);
      expect(t.tracker.postsRecognised()).toBe(2);
      expect(t.tracker.rootOf('fb:2')).toBe(document.querySelectorAll('article')[1]);
      expect(t.onStateChange).toHaveBeenCalled();
    });

    it('watches the body until the feed exists, then only the feed', async () => {
      const t = setUp();
      t.tracker.start();
      t.frames.runAll();
      expect(t.tracker.feedFound()).toBe(false);

      document.body.append(feed(article('1', 'Hallo')));
      await mutationsDelivered();
      t.frames.runAll();
      expect(t.recognised().map(({ postKey }) => postKey)).toEqual(['fb:1']);
      expect(t.tracker.feedFound()).toBe(true);

      // Outside the feed now: not observed, so never looked at.
      const outside = article('2', 'Outside');
      document.body.append(outside);
      await mutationsDelivered();
      t.frames.runAll();
      expect(t.parsePost.mock.calls.map(([root]) => root)).not.toContain(outside);
      expect(t.closestCandidate.mock.calls.map(([node]) => node)).not.toContain(outside);

      // Inside the feed: observed.
      document.querySelector('[role="feed"]')?.append(article('3', 'Inside'));
      await mutationsDelivered();
      t.frames.runAll();
      expect(t.recognised().map(({ postKey }) => postKey)).toEqual(['fb:1', 'fb:3']);
    });

    it('on a permalink page watches the body, where the post may arrive in a dialog', async () => {
      document.body.append(feed());
      const t = setUp('group-post');
      t.tracker.start();
      t.frames.runAll();
      const dialog = document.createElement('div');
      dialog.setAttribute('role', 'dialog');
      dialog.append(article('7', 'Im Dialog'));
      document.body.append(dialog);
      await mutationsDelivered();
      t.frames.runAll();
      expect(t.recognised().map(({ postKey }) => postKey)).toEqual(['fb:7']);
    });
  });

  describe('2. the observer callback only queues', () => {
    it.each([
      {
        change: 'added posts',
        mutate: (list: HTMLElement) => list.append(article('2', 'Neu'), article('3', 'Nowy')),
      },
      {
        change: 'changed text',
        mutate: (list: HTMLElement) => {
          const text = list.querySelector('.text')?.firstChild as Text;
          text.data = 'Hallo, longer now';
        },
      },
      {
        change: 'a changed watched attribute',
        mutate: (list: HTMLElement) => list.querySelector('a')?.setAttribute('href', '/p/9'),
      },
      {
        change: 'a removed post',
        mutate: (list: HTMLElement) => list.querySelector('article')?.remove(),
      },
    ])('$change: no parsing or DOM look-ups until the frame', async ({ mutate }) => {
      const list = feed(article('1', 'Hallo'));
      document.body.append(list);
      const t = setUp();
      t.tracker.start();
      t.frames.runAll();
      for (const spy of [t.parsePost, t.findCandidates, t.closestCandidate]) spy.mockClear();
      const unmountsBefore = t.unmounts.length;

      mutate(list);
      await mutationsDelivered();
      expect(t.frames.pending()).toBe(1);
      expect(t.parsePost).not.toHaveBeenCalled();
      expect(t.findCandidates).not.toHaveBeenCalled();
      expect(t.closestCandidate).not.toHaveBeenCalled();
      expect(t.unmounts).toHaveLength(unmountsBefore);

      t.frames.runAll();
      expect(t.parsePost.mock.calls.length + t.unmounts.length - unmountsBefore).toBeGreaterThan(0);
    });

    it('ignores the overlay’s own nodes', async () => {
      document.body.append(feed(article('1', 'Hallo')));
      const t = setUp();
      t.tracker.start();
      t.frames.runAll();
      t.parsePost.mockClear();
      const host = document.createElement('div');
      host.className = 'oa-overlay';
      document.querySelector('article')?.append(host);
      await mutationsDelivered();
      t.frames.runAll();
      expect(t.parsePost).not.toHaveBeenCalled();
    });
  });

  describe('3. work runs within the frame budget', () => {
    it('leaves the page its own frame, then parses three posts per 6 ms frame and carries the rest over', async () => {
      const list = feed();
      document.body.append(list);
      const t = setUp();
      t.tracker.start();
      t.frames.runAll();

      list.append(...Array.from({ length: 7 }, (_, i) => article(String(i), `Post ${i}`)));
      await mutationsDelivered();
      const perFrame: number[] = [];
      while (t.frames.pending() > 0) {
        const before = t.parsePost.mock.calls.length;
        const start = now;
        t.frames.run();
        perFrame.push(t.parsePost.mock.calls.length - before);
        // The frame stopped at its budget: the last parse started before the deadline.
        expect(now - start).toBeLessThan(BUDGET_MS + PARSE_COST_MS);
      }
      // The first frame after the page's change is the page's own: the tracker waits it out.
      expect(perFrame).toEqual([0, 3, 3, 1]);
      expect(t.tracker.postsRecognised()).toBe(7);
    });

    it('requests no further frame once the queue is empty', async () => {
      const list = feed();
      document.body.append(list);
      const t = setUp();
      t.tracker.start();
      t.frames.runAll();
      list.append(article('1', 'Hallo'));
      await mutationsDelivered();
      expect(t.frames.run()).toBe(1); // the page's frame: the tracker only asks for the next one
      expect(t.parsePost).not.toHaveBeenCalled();
      expect(t.frames.run()).toBe(1);
      expect(t.parsePost).toHaveBeenCalledTimes(1);
      expect(t.frames.pending()).toBe(0);
    });
  });

  describe('4. each root is parsed and remembered', () => {
    it('the same post re-rendered is an update: no second overlay or recognition, new text analysed', async () => {
      const list = feed(article('1', 'Hallo'));
      document.body.append(list);
      const t = setUp();
      t.tracker.start();
      t.frames.runAll();
      const text = list.querySelector('.text')?.firstChild as Text;
      text.data = 'Hallo, see more expanded the text';
      await mutationsDelivered();
      t.frames.runAll();
      expect(t.recognised()).toHaveLength(1);
      expect(t.mounts).toEqual(['fb:1']);
      expect(t.unmounts).toEqual([]);
      expect(t.requestAnalysis.mock.calls.map(([post]) => post.text)).toEqual([
        'Hallo',
        'Hallo, see more expanded the text',
      ]);
      expect(t.store.get('fb:1')?.post.text).toBe('Hallo, see more expanded the text');
      expect(t.tracker.currentPosts().get('fb:1')?.text).toBe('Hallo, see more expanded the text');
    });

    it('new posts’ markers may wait for a batch; a marker the page knocked out comes back at once', async () => {
      const list = feed(article('1', 'Hallo'), article('2', 'Servus'));
      document.body.append(list);
      const t = setUp();
      t.tracker.start();
      t.frames.runAll();
      expect(t.batched).toEqual(['fb:1', 'fb:2']);
      // The page re-renders the first post and drops our marker with it.
      list.querySelector('.oa-overlay')?.remove();
      const text = list.querySelector('.text')?.firstChild as Text;
      text.data = 'Hallo, re-rendered';
      await mutationsDelivered();
      t.frames.runAll();
      expect(t.mounts).toEqual(['fb:1', 'fb:2', 'fb:1']);
      expect(t.batched).toEqual(['fb:1', 'fb:2']);
      expect(list.querySelectorAll('.oa-overlay')).toHaveLength(2);
    });

    it('a node the framework reuses for another post releases the old post and reports the new one', async () => {
      const list = feed(article('1', 'Hallo', 'Ana'));
      document.body.append(list);
      const t = setUp();
      t.tracker.start();
      t.frames.runAll();
      const node = list.querySelector('article');
      node?.querySelector('a')?.setAttribute('href', '/p/2');
      node?.setAttribute('data-author', 'Ben');
      const text = node?.querySelector('.text')?.firstChild as Text;
      text.data = 'Something else entirely';
      await mutationsDelivered();
      t.frames.runAll();

      expect(t.removed()).toEqual([{ postKey: 'fb:1', reason: 'reused' }]);
      expect(t.recognised()).toEqual([
        { postKey: 'fb:1', remount: false },
        { postKey: 'fb:2', remount: false },
      ]);
      expect(t.unmounts).toEqual(['fb:1']);
      expect(t.mounts).toEqual(['fb:1', 'fb:2']);
      expect(node?.getAttribute(POST_ATTRIBUTE)).toBe('fb:2');
      expect(t.tracker.rootOf('fb:1')).toBeUndefined();
      expect(t.tracker.rootOf('fb:2')).toBe(node);
      expect([...t.tracker.currentPosts().keys()]).toEqual(['fb:2']);
      expect(t.tracker.diagnostics().nodeReuses).toBe(1);
    });

    it('a node reused for something that is not a post releases the old post', async () => {
      const list = feed(article('1', 'Hallo'));
      document.body.append(list);
      const t = setUp();
      t.tracker.start();
      t.frames.runAll();
      // As a virtualised list does: the content is replaced by an empty placeholder.
      list.querySelector('.text')?.replaceWith(document.createElement('div'));
      await mutationsDelivered();
      t.frames.runAll();
      expect(t.removed()).toEqual([{ postKey: 'fb:1', reason: 'reused' }]);
      expect(t.tracker.postsRecognised()).toBe(0);
      expect(list.querySelector('article')?.hasAttribute(POST_ATTRIBUTE)).toBe(false);
      expect(t.tracker.diagnostics()).toMatchObject({
        nodeReuses: 1,
        rejected: { placeholder: 1 },
      });
    });

    it('counts a rejected candidate once, however often it is parsed', async () => {
      const placeholder = article('1', null);
      document.body.append(feed(placeholder));
      const t = setUp();
      t.tracker.start();
      t.frames.runAll();
      placeholder.querySelector('a')?.setAttribute('href', '/p/1?again');
      await mutationsDelivered();
      t.frames.runAll();
      expect(t.parsePost).toHaveBeenCalledTimes(2);
      expect(t.tracker.diagnostics()).toMatchObject({
        candidates: 1,
        rejected: { placeholder: 1 },
      });
      expect(t.recognised()).toEqual([]);
    });
  });

  describe('5. one overlay per post key', () => {
    it('leaves a second live root of a shown post alone; the key is free once the first leaves', async () => {
      const first = article('1', 'Hallo');
      const second = article('1', 'Hallo');
      const list = feed(first);
      document.body.append(list);
      const t = setUp();
      t.tracker.start();
      t.frames.runAll();

      list.append(second);
      await mutationsDelivered();
      t.frames.runAll();
      expect(t.mounts).toEqual(['fb:1']);
      expect(t.recognised()).toHaveLength(1);
      expect(second.hasAttribute(POST_ATTRIBUTE)).toBe(false);

      first.remove();
      await mutationsDelivered();
      t.frames.runAll();
      // The second root shows the post the next time it is processed.
      (second.querySelector('.text')?.firstChild as Text).data = 'Hallo!';
      await mutationsDelivered();
      t.frames.runAll();
      expect(t.tracker.rootOf('fb:1')).toBe(second);
      expect(second.getAttribute(POST_ATTRIBUTE)).toBe('fb:1');
      expect(t.mounts).toEqual(['fb:1', 'fb:1']);
    });
  });

  describe('6. removal', () => {
    it.each([
      {
        what: 'the post itself',
        remove: (list: HTMLElement) => list.querySelector('article')?.remove(),
      },
      {
        what: 'a container around it',
        remove: (list: HTMLElement) => list.querySelector('section')?.remove(),
      },
    ])(
      'removing $what releases its overlay and keeps its state for a remount',
      async ({ remove }) => {
        const section = document.createElement('section');
        const post = article('1', 'Hallo');
        section.append(post);
        const list = feed(section, article('2', 'Stays'));
        document.body.append(list);
        const store = createPostStore();
        const t = setUp('group-feed', store);
        t.tracker.start();
        t.frames.runAll();

        remove(list);
        await mutationsDelivered();
        t.frames.runAll();
        expect(t.removed()).toEqual([{ postKey: 'fb:1', reason: 'unmounted' }]);
        expect(t.unmounts).toEqual(['fb:1']);
        expect(t.tracker.postsRecognised()).toBe(1);
        expect(t.tracker.rootOf('fb:1')).toBeUndefined();
        expect(store.get('fb:1')?.post.text).toBe('Hallo');

        // Scrolled back: the same post remounts and its stored analysis is reported at once.
        const analysis = {
          postKey: 'fb:1',
          language: 'de' as const,
          confidence: 0.9,
          isQuestion: true,
        };
        store.setAnalysis('fb:1', analysis, 'Hallo');
        list.append(article('1', 'Hallo'));
        await mutationsDelivered();
        t.frames.runAll();
        expect(t.recognised().at(-1)).toEqual({ postKey: 'fb:1', remount: true });
        expect(t.seen.at(-1)).toMatchObject({ name: 'post-analysed', event: { analysis } });
      },
    );
  });

  describe('abort', () => {
    it('stops pending work, releases every post and ignores later changes', async () => {
      const list = feed(...Array.from({ length: 7 }, (_, i) => article(String(i), `Post ${i}`)));
      document.body.append(list);
      const t = setUp();
      t.tracker.start();
      t.frames.run(); // three of seven; the rest waits for the next frame
      expect(t.frames.pending()).toBe(1);
      const staleFrame = t.frames.peek()[0];
      const parses = t.parsePost.mock.calls.length;

      t.controller.abort();
      expect(t.frames.pending()).toBe(0);
      expect(t.frames.cancelled).toHaveLength(1);
      expect(t.removed()).toEqual(
        ['fb:0', 'fb:1', 'fb:2'].map((postKey) => ({ postKey, reason: 'navigation' })),
      );
      expect(t.unmounts).toEqual(['fb:0', 'fb:1', 'fb:2']);
      expect(t.tracker.postsRecognised()).toBe(0);

      // A frame the browser runs anyway does nothing, and the observer is gone.
      staleFrame?.(now);
      list.append(article('8', 'After the end'));
      await mutationsDelivered();
      expect(t.frames.pending()).toBe(0);
      expect(t.parsePost).toHaveBeenCalledTimes(parses);
    });
  });
});
