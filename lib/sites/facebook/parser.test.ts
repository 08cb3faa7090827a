// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_POSTS } from '../../../tests/fixtures/demo-group/posts';
import { MIXED_POSTS } from '../../../tests/fixtures/adapter-pages';
import { facebookAdapter } from './adapter';
import { cleanText, createKeyResolver } from './parser';
import type { ParsedPost } from '../types';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures');

function load(path: string, _url: string): Document {
  document.documentElement.innerHTML = readFileSync(join(FIXTURES, path), 'utf8')
    .replace(/^<!doctype html>\s*<html[^>]*>/i, '')
    .replace(/<\/html>\s*$/, '')
    .replace(/<script[\s\S]*?<\/script>/g, '');
  const lang = /<html lang="([^"]+)"/.exec(readFileSync(join(FIXTURES, path), 'utf8'))?.[1] ?? '';
  document.documentElement.lang = lang;
  return document;
}

function parseAll(doc: Document, url: string, keys = createKeyResolver()) {
  const page = facebookAdapter.describePage(doc, new URL(url));
  const posts: ParsedPost[] = [];
  const rejected: string[] = [];
  for (const candidate of facebookAdapter.findCandidates(doc.body)) {
    const result = facebookAdapter.parsePost(candidate, page, keys);
    if (result.kind === 'post') posts.push(result.post);
    else rejected.push(result.reason);
  }
  return { page, posts, rejected };
}

describe('Facebook parser on the demo group', () => {
  const url = 'http://127.0.0.1/groups/eu-workers-demo/';
  it('finds every post once, none of the comments or placeholders', () => {
    const { posts, rejected, page } = parseAll(load('groups/eu-workers-demo/index.html', url), url);
    expect(page).toMatchObject({ kind: 'group-feed', groupId: 'eu-workers-demo' });
    expect(posts).toHaveLength(DEMO_POSTS.length);
    expect(new Set(posts.map((post) => post.postKey)).size).toBe(DEMO_POSTS.length);
    expect(rejected.filter((reason) => reason === 'placeholder')).toHaveLength(2);
    const first = posts[0];
    expect(first).toMatchObject({
      postKey: 'fb:7301001',
      authorName: 'Marek Zielinski',
      anonymous: false,
      groupName: expect.stringContaining('EU workers'),
    });
    expect(first?.text).toContain('Mindestlohn');
    expect(first?.text).not.toContain('U nas tez'); // a comment
  });

  it('gives the same keys when the page is rendered again', () => {
    const first = parseAll(load('groups/eu-workers-demo/index.html', url), url).posts.map(
      (post) => post.postKey,
    );
    const again = parseAll(load('groups/eu-workers-demo/index.html', url), url).posts.map(
      (post) => post.postKey,
    );
    expect(again).toEqual(first);
  });
});

describe('Facebook parser on the mixed feed (Polish UI)', () => {
  const url = 'http://127.0.0.1/groups/551200300400/';
  const { posts, page } = parseAll(load('groups/551200300400/index.html', url), url);
  const byVariant = new Map(MIXED_POSTS.map((fixture, index) => [fixture.variant, posts[index]]));

  it('recognises each outer post, including the one without aria-posinset', () => {
    expect(page.uiLanguage).toBe('pl');
    expect(posts).toHaveLength(MIXED_POSTS.length);
    for (const fixture of MIXED_POSTS) {
      expect(byVariant.get(fixture.variant)?.postKey.startsWith(fixture.expectedKey)).toBe(true);
    }
  });

  it.each([
    ['shared', { text: 'Warto przeczytac przed podpisaniem umowy', authorName: 'Piotr Lis' }],
    ['anonymous', { anonymous: true, authorName: null }],
    ['coloured', { text: 'Ile dni urlopu mi przysluguje na Minijob?' }],
    ['translated', { text: 'Buna, am nevoie de ajutor cu Kindergeld pentru copiii din Romania.' }],
    [
      'u034f',
      {
        text: 'Pracuje w opiece 24h. Czy naleza mi sie dzien wolny?',
        truncated: true,
        permalink: null,
      },
    ],
  ])('%s post', (variant, expected) => {
    expect(byVariant.get(variant)).toMatchObject(expected);
  });
});

describe('Facebook parser on permalinks and the old layout', () => {
  it('takes the permalink post and none of its comments or replies', () => {
    const url = 'http://127.0.0.1/groups/pracownicy-de/posts/9100001/';
    const { posts, rejected, page } = parseAll(
      load('groups/pracownicy-de/posts/9100001/index.html', url),
      url,
    );
    expect(page.kind).toBe('group-post');
    expect(posts.map((post) => post.postKey)).toEqual(['fb:9100001']);
    expect(posts[0]?.text).toBe(
      'Hello, my agency pays me less than the Germans in the same hall.\nIs that allowed?',
    );
    expect(rejected).toEqual([]);
  });

  it('finds the post inside the dialog and the feed post behind it', () => {
    const url = 'http://127.0.0.1/groups/pracownicy-de/posts/9100002/';
    const { posts } = parseAll(load('groups/pracownicy-de/posts/9100002/index.html', url), url);
    expect(posts.map((post) => post.postKey).sort()).toEqual(['fb:9100002', 'fb:9100010']);
  });

  it('recognises nothing in the old layout', () => {
    const url = 'http://127.0.0.1/groups/old-layout-group/';
    const { posts, rejected } = parseAll(load('groups/old-layout-group/index.html', url), url);
    expect(posts).toEqual([]);
    expect(rejected).toEqual(['no-content', 'no-content']);
  });
});

describe('keys', () => {
  it('keep a hash key when the permalink appears later (hover)', () => {
    const url = 'http://127.0.0.1/groups/551200300400/';
    const keys = createKeyResolver();
    const before = parseAll(load('groups/551200300400/index.html', url), url, keys).posts[5];
    document
      .querySelectorAll('a[href="#"]')
      .forEach((link) => link.setAttribute('href', '/groups/551200300400/posts/9006/'));
    const after = parseAll(document, url, keys).posts[5];
    expect(before?.postKey).toMatch(/^fbh:/);
    expect(after?.postKey).toBe(before?.postKey);
    expect(after?.postId).toBe('9006');
  });
});

describe('cleanText', () => {
  it.each([
    ['a\u034fb\u200bc', 'abc'],
    ['  one \n\n\n two  ', 'one\n\ntwo'],
    ['x\u00a0y', 'x y'],
  ])('%j → %j', (input, output) => expect(cleanText(input)).toBe(output));
});
