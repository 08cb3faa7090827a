// @vitest-environment happy-dom
/**
 * Firefox 140 ESR throws "Accessing from Xray wrapper is not supported" when a
 * content script assigns `adoptedStyleSheets`; the marker must still mount,
 * styled by its own `<style>`. Its own file: the fallback is remembered per
 * module, and the other marker tests use the shared sheet.
 */
import { afterEach, expect, it, vi } from 'vitest';
import type { ParsedPost, SiteAdapter } from '../sites/types';
import { createMarkerManager } from './marker';
import { markerTranslator } from './marker-strings';
import { createPostStore } from './post-store';

const posts: ParsedPost[] = ['1', '2'].map((id) => ({
  postKey: `fb:${id}`,
  postId: id,
  groupId: 'g',
  groupName: 'Group',
  authorName: 'Ana Pop',
  anonymous: false,
  text: `Post ${id}: nu mi-au platit salariul`,
  truncated: false,
  permalink: null,
  timeLabel: '1 h',
  uiLanguage: 'ro',
  fingerprint: `f${id}`,
}));

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

it('mounts styled markers when the browser refuses adoptedStyleSheets', () => {
  const shadows: ShadowRoot[] = [];
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (
    this: Element,
    init: ShadowRootInit,
  ) {
    const root = attach.call(this, init);
    Object.defineProperty(root, 'adoptedStyleSheets', {
      get: () => [],
      set: () => {
        throw new Error('Accessing from Xray wrapper is not supported.');
      },
    });
    shadows.push(root);
    return root;
  });
  document.body.innerHTML = '<div id="a"><p>a</p></div><div id="b"><p>b</p></div>';
  const store = createPostStore();
  const markers = createMarkerManager({
    adapter: {
      overlayAnchor: (element: Element) => ({ parent: element, before: null }),
    } as unknown as SiteAdapter,
    store,
    t: () => markerTranslator('en'),
    onOpen: vi.fn(),
    topicOf: () => Promise.resolve(null),
  });
  posts.forEach((post, index) => {
    store.upsert(post);
    markers.mount(document.body.children[index] as Element, post);
  });

  expect(markers.count()).toBe(2);
  expect(shadows).toHaveLength(2);
  for (const shadow of shadows) {
    const style = shadow.querySelector('style');
    expect(style?.textContent).toContain(':host');
    expect(shadow.querySelector('button')?.textContent).toContain('Analysing');
  }
});
