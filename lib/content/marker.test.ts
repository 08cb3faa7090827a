// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ParsedPost, SiteAdapter } from '../sites/types';
import { createMarkerManager, INSERT_BATCH_MS, MARKER_TAG } from './marker';
import { POST_ATTRIBUTE } from './post-tracker';
import { markerTranslator } from './marker-strings';
import type { Translate } from './translator';
import { createPostStore } from './post-store';

const post: ParsedPost = {
  postKey: 'fb:1',
  postId: '1',
  groupId: 'g',
  groupName: 'Polacy w Niemczech',
  authorName: 'Marek Zielinski',
  anonymous: false,
  text: 'Szef nie zapłacił mi za dwa miesiące',
  truncated: false,
  permalink: null,
  timeLabel: '3 h',
  uiLanguage: 'pl',
  fingerprint: 'f1',
};

function setup(translate?: Translate) {
  const shadows: ShadowRoot[] = [];
  const attach = Element.prototype.attachShadow;
  const spy = vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (
    this: Element,
    init: ShadowRootInit,
  ) {
    const root = attach.call(this, init);
    shadows.push(root);
    return root;
  });
  document.body.innerHTML = '<div id="root"><header>x</header><p>text</p></div>';
  const root = document.getElementById('root');
  if (!root) throw new Error('no root');
  const adapter = {
    overlayAnchor: (element: Element) => ({ parent: element, before: element.children[1] ?? null }),
  } as unknown as SiteAdapter;
  const store = createPostStore();
  store.upsert(post);
  const onOpen = vi.fn();
  const markers = createMarkerManager({
    adapter,
    store,
    t: () => translate ?? markerTranslator('en'),
    onOpen,
    topicOf: () =>
      Promise.resolve({
        topic: 'unpaid-wages',
        topicLabel: 'Unpaid wages',
        likely: 2,
        answerIds: ['a1', 'a2', 'a3'],
      }),
  });
  markers.mount(root, post);
  return {
    root,
    store,
    markers,
    onOpen,
    shadow: () => {
      const [shadow] = shadows;
      if (!shadow) throw new Error('no shadow root');
      return shadow;
    },
    restore: () => spy.mockRestore(),
  };
}

afterEach(() => vi.restoreAllMocks());

describe('the in-page marker', () => {
  it('has a closed shadow root and no analysis attributes outside the test build', () => {
    const { root } = setup();
    const host = root.querySelector(MARKER_TAG) as HTMLElement;
    expect(host.dataset.postKey).toBe('fb:1');
    expect(host.shadowRoot).toBeNull();
    expect(Object.keys(host.dataset)).toEqual(['postKey']);
  });

  it('shows language, question, topic and status as text, and none of the post', async () => {
    const { store, markers, shadow } = setup();
    store.setAnalysis(
      'fb:1',
      { postKey: 'fb:1', language: 'pl', confidence: 0.9, isQuestion: true },
      post.text,
    );
    await vi.waitFor(() => expect(shadow().textContent).toContain('Unpaid wages'));
    expect(shadow().textContent).toContain('PL');
    expect(shadow().textContent).toContain('Question');
    expect(shadow().textContent).toContain('2 likely replies');
    markers.setStatuses({ 'fb:1': 'documented' });
    await vi.waitFor(() => expect(shadow().textContent).toContain('✓ Documented'));
    expect(shadow().textContent).not.toContain('Marek');
    expect(shadow().textContent).not.toContain('zapłacił');
  });

  it('ignores clicks that a script made', () => {
    const { onOpen, shadow } = setup();
    const button = shadow().querySelector('button');
    if (!button) throw new Error('no button');
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('shows the hint when the workspace cannot be opened from the page', () => {
    const { markers, shadow } = setup();
    markers.showHint('fb:1');
    expect(shadow().querySelector('[role="status"]')?.textContent).toMatch(/sidebar/);
  });
});

describe('a remounted marker', () => {
  it('shows its topic at once, before the background answers again', async () => {
    const { root, store, markers, shadow } = setup();
    store.setAnalysis(
      'fb:1',
      { postKey: 'fb:1', language: 'pl', confidence: 0.9, isQuestion: true },
      post.text,
    );
    await vi.waitFor(() => expect(shadow().textContent).toContain('Unpaid wages'));
    markers.unmount('fb:1');
    expect(root.querySelector(MARKER_TAG)).toBeNull();
    markers.mount(root, post);
    const host = root.querySelector(MARKER_TAG);
    expect(host).not.toBeNull();
    // The newest shadow root is the remounted marker's.
    const again = (
      Element.prototype.attachShadow as unknown as { mock: { results: { value: ShadowRoot }[] } }
    ).mock.results.at(-1)?.value;
    expect(again?.textContent).toContain('Unpaid wages');
  });
});

describe('a burst of updates', () => {
  it('is drawn in slices of a few milliseconds, each in its own task', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { store, markers } = setup();
      const others = Array.from({ length: 9 }, (_, index) => ({
        ...post,
        postKey: `fb:x${index}`,
      }));
      for (const other of others) {
        const element = document.createElement('div');
        element.append(document.createElement('p'));
        document.body.append(element);
        store.upsert(other);
        markers.mount(element, other);
      }
      const shadowRoots = (
        Element.prototype.attachShadow as unknown as { mock: { results: { value: ShadowRoot }[] } }
      ).mock.results.map((result) => result.value);
      expect(shadowRoots).toHaveLength(10);
      const drawn = () => shadowRoots.filter((root) => root.textContent?.includes('PL')).length;

      // Each clock reading is 3 ms later: a 4 ms slice draws two markers.
      let clock = 0;
      vi.spyOn(performance, 'now').mockImplementation(() => (clock += 3));
      // One analysis answer for all ten posts, as the background sends it.
      for (const key of [post.postKey, ...others.map((other) => other.postKey)]) {
        store.setAnalysis(
          key,
          { postKey: key, language: 'pl', confidence: 0.9, isQuestion: true },
          post.text,
        );
      }
      expect(drawn()).toBe(0);
      const afterEachTask: number[] = [];
      while (vi.getTimerCount() > 0 && afterEachTask.length < 20) {
        vi.advanceTimersToNextTimer();
        afterEachTask.push(drawn());
      }
      expect(afterEachTask.slice(0, 5)).toEqual([2, 4, 6, 8, 10]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('an update that changes nothing shown', () => {
  it('leaves the marker’s nodes alone', async () => {
    // One translator for the whole test, as the content script holds one per UI language.
    const { store, markers, shadow } = setup(markerTranslator('en'));
    store.setAnalysis(
      'fb:1',
      { postKey: 'fb:1', language: 'pl', confidence: 0.9, isQuestion: true },
      post.text,
    );
    await vi.waitFor(() => expect(shadow().textContent).toContain('Unpaid wages'));
    const button = () => shadow().querySelector('button');
    const before = [...(button()?.childNodes ?? [])];

    // The first status answer says "open", as every marker already shows; strings refreshed.
    markers.setStatuses({ 'fb:1': 'open' });
    markers.refresh();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(button()?.childNodes).toHaveLength(before.length);
    expect(before.every((node) => node.parentNode === button())).toBe(true);

    // A real change is drawn.
    markers.setStatuses({ 'fb:1': 'documented' });
    await vi.waitFor(() => expect(button()?.textContent).toContain('Documented'));
    expect(before.some((node) => node.parentNode === button())).toBe(false);
  });
});

describe('new posts’ markers', () => {
  function page(count: number) {
    document.body.innerHTML = '';
    const store = createPostStore();
    const markers = createMarkerManager({
      adapter: {
        overlayAnchor: (element: Element) => ({ parent: element, before: element.firstChild }),
      } as unknown as SiteAdapter,
      store,
      t: () => markerTranslator('en'),
      onOpen: vi.fn(),
      topicOf: () => Promise.resolve(null),
    });
    const roots = Array.from({ length: count }, (_, index) => {
      const root = document.createElement('div');
      root.innerHTML = `<header>author ${index}</header><p>text ${index}</p>`;
      document.body.append(root);
      const each = { ...post, postKey: `fb:n${index}` };
      store.upsert(each);
      return { root, post: each };
    });
    return { markers, roots };
  }
  const inPage = () => document.querySelectorAll(MARKER_TAG).length;
  const marked = () => document.querySelectorAll(`[${POST_ATTRIBUTE}]`).length;

  it('go into the page together, each with its root’s data-oa-post, one batch per interval', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { markers, roots } = page(10);
      for (const { root, post: each } of roots.slice(0, 6)) {
        markers.mount(root, each, { batch: true });
      }
      // Mounted, but not yet in the page: the page lays out and paints once for all of them.
      expect(markers.count()).toBe(6);
      expect([inPage(), marked()]).toEqual([0, 0]);
      for (const { root, post: each } of roots.slice(0, 6)) {
        expect(markers.isMounted(each.postKey, root)).toBe(true);
      }
      vi.advanceTimersByTime(INSERT_BATCH_MS - 1);
      for (const { root, post: each } of roots.slice(6)) {
        markers.mount(root, each, { batch: true });
      }
      expect([inPage(), marked()]).toEqual([0, 0]);
      vi.advanceTimersByTime(1);
      expect([inPage(), marked()]).toEqual([10, 10]);
      for (const { root, post: each } of roots) {
        expect(root.firstElementChild?.localName).toBe(MARKER_TAG);
        expect(root.getAttribute(POST_ATTRIBUTE)).toBe(each.postKey);
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it('without batch go in at once, marked in the same moment', () => {
    const { markers, roots } = page(1);
    const [{ root, post: each }] = roots as [(typeof roots)[number]];
    markers.mount(root, each);
    expect([inPage(), root.getAttribute(POST_ATTRIBUTE)]).toEqual([1, each.postKey]);
  });

  it('skip a post that left the page before its batch, and one unmounted meanwhile', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { markers, roots } = page(3);
      for (const { root, post: each } of roots) markers.mount(root, each, { batch: true });
      roots[0]?.root.remove();
      markers.unmount('fb:n1');
      vi.advanceTimersByTime(INSERT_BATCH_MS);
      expect([inPage(), marked()]).toEqual([1, 1]);
      expect(roots[2]?.root.querySelector(MARKER_TAG)).not.toBeNull();
      expect(markers.count()).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('look for their place again when the page moved the anchor meanwhile', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { markers, roots } = page(1);
      const [{ root, post: each }] = roots as [(typeof roots)[number]];
      markers.mount(root, each, { batch: true });
      // The page re-renders the post's header meanwhile: the old anchor is gone.
      root.firstElementChild?.remove();
      root.insertAdjacentHTML('afterbegin', '<header>new header</header>');
      vi.advanceTimersByTime(INSERT_BATCH_MS);
      expect(root.firstElementChild?.localName).toBe(MARKER_TAG);
      expect(root.children).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
