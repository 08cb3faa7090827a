// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_POSTS } from '../../../tests/fixtures/demo-group/posts';
import { MIXED_POSTS } from '../../../tests/fixtures/adapter-pages';
import { REAL_PAGES } from '../../../tests/fixtures/real-markup/pages';
import { createSelectorStats } from '../../content/selector-stats';
import { facebookAdapter } from './adapter';
import { cleanText, createKeyResolver } from './parser';
import type { ParsedPost } from '../types';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures');

function load(path: string, _url: string): Document {
  document.documentElement.innerHTML = readFileSync(join(FIXTURES, path), 'utf8')
    .replace(/^<!doctype html>\s*(<!--[\s\S]*?-->\s*)?<html[^>]*>/i, '')
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
  it('re-key to the post id once a hover reveals the permalink, and keep it', () => {
    const url = 'http://127.0.0.1/groups/551200300400/';
    const keys = createKeyResolver();
    const before = parseAll(load('groups/551200300400/index.html', url), url, keys).posts[5];
    const links = document.querySelectorAll('a[href="#"]');
    links.forEach((link) => link.setAttribute('href', '/groups/551200300400/posts/9006/'));
    const hovered = parseAll(document, url, keys).posts[5];
    // Facebook puts "#" back when the pointer leaves; the id key stays.
    links.forEach((link) => link.setAttribute('href', '#'));
    const left = parseAll(document, url, keys).posts[5];
    expect(before?.postKey).toMatch(/^fbh:/);
    expect(hovered).toMatchObject({ postKey: 'fb:9006', postId: '9006' });
    expect(hovered?.fingerprint).toBe(before?.fingerprint);
    expect(left?.postKey).toBe('fb:9006');
  });
});

describe('Facebook parser on real markup: 2026 feed without aria-posinset', () => {
  const { path } = REAL_PAGES.feed2026;
  const url = `http://127.0.0.1/${path.replace('index.html', '')}`;

  it('finds each top-level post once: no comment, placeholder or shared part', () => {
    const { posts, rejected } = parseAll(load(path, url), url);
    expect(posts.map((post) => post.authorName)).toEqual([
      'Bozena Krol',
      'Mihai Stanciu',
      'Sabine Haller',
      'Petra Dvorakova',
    ]);
    expect(rejected).toEqual([]);
    expect(new Set(posts.map((post) => post.postKey)).size).toBe(4);
  });

  it('reads the message only: no translation, shared block or measurement row', () => {
    const { posts } = parseAll(load(path, url), url);
    expect(posts.map((post) => post.text)).toEqual([
      'Dzien dobry, pracuje w hotelu w Kolonii od 5 miesiecy.\nSzef nie placi za nadgodziny, czy moge to gdzies zglosic?',
      'Salut, am primit Kündigung dupa 2 saptamani de concediu medical. Este legal asa ceva?',
      'Wichtig für alle, die in der Pflege arbeiten – bitte teilen.',
      'Dobry den, musim mit A1 formular, kdyz pracuji v Nemecku pres agenturu?',
    ]);
    expect(posts[1]?.truncated).toBe(true);
    expect(posts[0]?.timeLabel).toBe('3 h');
  });

  it('finds the comment button by role, not by DOM order among GIF and sticker buttons', () => {
    load(path, url);
    const [, formFirst] = facebookAdapter.findCandidates(document.body);
    expect(formFirst).toBeDefined();
    if (!formFirst) return;
    // In this post the open form, with its "Comment with a GIF/sticker" buttons, comes first.
    expect(
      formFirst.querySelector('[role="button"][aria-label*="omment"]')?.getAttribute('aria-label'),
    ).toBe('Comment with an avatar sticker');
    expect(facebookAdapter.findCommentButton(formFirst)?.getAttribute('aria-label')).toBe(
      'Leave a comment',
    );
    expect(facebookAdapter.findCommentBox(formFirst)?.getAttribute('role')).toBe('textbox');
  });

  it('re-keys to the post id when hovering reveals the permalink; same fingerprint', () => {
    const keys = createKeyResolver();
    const before = parseAll(load(path, url), url, keys).posts[0];
    const link = document.querySelector('a[data-oa-fixture-hover]');
    link?.setAttribute('href', link.getAttribute('data-oa-fixture-hover') ?? '');
    const after = parseAll(document, url, keys).posts[0];
    expect(before?.postKey).toMatch(/^fbh:/);
    expect(after).toMatchObject({ postKey: 'fb:7702001', fingerprint: before?.fingerprint });
  });

  it('gives the same keys when the page is rendered again', () => {
    const first = parseAll(load(path, url), url).posts.map((post) => post.postKey);
    const again = parseAll(load(path, url), url).posts.map((post) => post.postKey);
    expect(again).toEqual(first);
  });
});

describe('Facebook parser on real markup: 2026 sale listings', () => {
  const { path } = REAL_PAGES.listings2026;
  const url = `http://127.0.0.1/${path.replace('index.html', '')}`;

  it('two identical text-less listings by one seller are two posts with their own keys', () => {
    const { posts } = parseAll(load(path, url), url);
    expect(posts).toHaveLength(5);
    const [first, second] = posts;
    expect(first?.text).toBe(second?.text);
    expect(first?.postKey).not.toBe(second?.postKey);
    expect(first?.postKey).toMatch(/^fbh:/);
    expect(second?.postKey).toBe(`${first?.postKey ?? ''}-2`);
  });

  it('takes listing lines as text, never the translation or the measurement row', () => {
    const { posts } = parseAll(load(path, url), url);
    expect(posts.map((post) => post.text)).toEqual([
      'Kinderbett mit Matratze\n40 € · Nürnberg, Germany',
      'Kinderbett mit Matratze\n40 € · Nürnberg, Germany',
      'Zimmer in WG, ab sofort\n450 € · Augsburg, Germany\n1 bed · 1 bath',
      'Czy moge wynajac pokoj bez Anmeldung? Wlasciciel mowi, ze nie da meldunku.',
      'Bicicleta de dama 28 toli\n60 € · Regensburg, Germany',
    ]);
  });

  it('keys a listing by its listing page id', () => {
    const { posts } = parseAll(load(path, url), url);
    expect(posts[2]).toMatchObject({ postKey: 'fb:990100200300', postId: '990100200300' });
  });

  it('keeps both identical listings apart across a re-render', () => {
    const first = parseAll(load(path, url), url).posts.map((post) => post.postKey);
    const again = parseAll(load(path, url), url).posts.map((post) => post.postKey);
    expect(again).toEqual(first);
  });
});

describe('Facebook parser on real markup: Oct 2025 shape (aria-posinset + data-virtualized)', () => {
  it('takes the aria-posinset unit as the root and rejects the placeholder', () => {
    const { path } = REAL_PAGES.cms2025;
    const url = `http://127.0.0.1/${path.replace('index.html', '')}`;
    const { posts, rejected } = parseAll(load(path, url), url);
    expect(posts.map((post) => post.authorName)).toEqual(['Kovacs Eszter', 'Ivana Horvat']);
    expect(rejected).toEqual(['placeholder']);
    expect(facebookAdapter.findCandidates(document.body)[0]?.hasAttribute('aria-posinset')).toBe(
      true,
    );
  });
});

describe('selector statistics for the diagnostic report', () => {
  it('count every entry that matches, fallbacks behind the used entry included', () => {
    const url = 'http://127.0.0.1/groups/eu-workers-demo/';
    const doc = load('groups/eu-workers-demo/index.html', url);
    const stats = createSelectorStats(facebookAdapter.selectorCatalogue);
    const page = facebookAdapter.describePage(doc, new URL(url));
    const keys = createKeyResolver();
    // Parsed twice (a re-render): "matched" counts each root once.
    for (let round = 0; round < 2; round += 1) {
      for (const root of facebookAdapter.findCandidates(doc.body))
        facebookAdapter.parsePost(root, page, keys, stats);
    }
    const snapshot = stats.snapshot();
    const posts = DEMO_POSTS.length;
    expect(snapshot['postRoot']).toEqual([posts * 2, 0, 0, 0, 0, 0, 0]);
    expect(snapshot['postRoot:matched']).toEqual([posts, posts, 0, posts, 0, posts, posts]);
    // The author: the landmark is used, the heading and the profile link match too.
    expect(snapshot['author:matched']?.slice(0, 2)).toEqual([posts, posts]);
  });
});

describe('cleanText', () => {
  it.each([
    ['a\u034fb\u200bc', 'abc'],
    ['  one \n\n\n two  ', 'one\n\ntwo'],
    ['x\u00a0y', 'x y'],
  ])('%j → %j', (input, output) => expect(cleanText(input)).toBe(output));
});
