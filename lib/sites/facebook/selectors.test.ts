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
import { FIXTURE_PAGES } from '../../../tests/fixtures/pages';
import { rawMatches } from './post-roots';
import { POST_ROOT_EVIDENCE, SELECTORS } from './selectors';

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
