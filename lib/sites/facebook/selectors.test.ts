// @vitest-environment happy-dom
/**
 * Every post-root strategy proves itself on the fixture pages it names
 * (refined-github's selectors.test.ts does this with live URLs; ours are
 * generated pages, several built from real markup). A strategy that stops
 * matching, or starts matching where it must not, fails here by name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GROUP_HEADER_PAGES } from '../../../tests/fixtures/group-headers/pages';
import { FIXTURE_PAGES } from '../../../tests/fixtures/pages';
import { headerEntryMatches } from './group-header';
import { rawMatches } from './post-roots';
import { GROUP_HEADER_EVIDENCE, POST_ROOT_EVIDENCE, SELECTORS } from './selectors';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures');

function load(path: string): Element {
  document.documentElement.innerHTML = readFileSync(join(FIXTURES, path), 'utf8')
    .replace(/^<!doctype html>\s*(<!--[\s\S]*?-->\s*)?<html[^>]*>/i, '')
    .replace(/<\/html>\s*$/, '')
    .replace(/<script[\s\S]*?<\/script>/g, '');
  return document.body;
}

const entries = SELECTORS.postRoot.map((selector, index) => ({
  index,
  selector,
  evidence: POST_ROOT_EVIDENCE[index] ?? [],
}));

describe('post-root strategies', () => {
  it('every strategy has evidence, and evidence names generated pages', () => {
    expect(POST_ROOT_EVIDENCE).toHaveLength(SELECTORS.postRoot.length);
    const pages = new Set(FIXTURE_PAGES.map((page) => page.path));
    for (const { evidence } of entries) {
      expect(evidence.some((item) => item.matches > 0)).toBe(true);
      for (const item of evidence) expect(pages).toContain(item.page);
    }
  });

  describe.each(entries)('postRoot[$index] $selector', ({ index, evidence }) => {
    it.each(evidence.map((item) => [item.page, item.matches] as const))(
      'matches %s %i times',
      (page, matches) => {
        expect(rawMatches(load(page), index)).toHaveLength(matches);
      },
    );
  });
});

/**
 * The group-header entries prove themselves the same way on the hand-built
 * header fixtures (tests/fixtures/group-headers/SOURCES.md), counting what
 * each entry accepts with the reader's own checks.
 */
const HEADER_GROUPS = ['groupName', 'groupHeader', 'memberCount'] as const;
const headerEntries = HEADER_GROUPS.flatMap((group) =>
  SELECTORS[group].map((selector, index) => ({
    group,
    index,
    selector,
    evidence: GROUP_HEADER_EVIDENCE[group][index] ?? [],
  })),
);
const groupIdOf = new Map(GROUP_HEADER_PAGES.map((page) => [page.path, page.groupId]));

describe('group-header entries', () => {
  it('every entry has evidence, and evidence names header fixture pages', () => {
    for (const group of HEADER_GROUPS) {
      expect(GROUP_HEADER_EVIDENCE[group]).toHaveLength(SELECTORS[group].length);
    }
    for (const { evidence } of headerEntries) {
      expect(evidence.some((item) => item.matches > 0)).toBe(true);
      for (const item of evidence) expect([...groupIdOf.keys()]).toContain(item.page);
    }
  });

  describe.each(headerEntries)('$group[$index] $selector', ({ group, index, evidence }) => {
    it.each(evidence.map((item) => [item.page, item.matches] as const))(
      'matches %s %i times',
      (page, matches) => {
        const found = headerEntryMatches(load(page), group, index, groupIdOf.get(page) ?? '');
        expect(found).toHaveLength(matches);
      },
    );
  });
});
