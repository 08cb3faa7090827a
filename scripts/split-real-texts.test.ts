import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SEED,
  readRealTexts,
  REAL_DIR,
  splitBySite,
  type RealSplit,
  type RealText,
} from './split-real-texts';

const record = (id: string, language: string, site: string, topic = 'dismissal'): RealText => ({
  id,
  language,
  topic,
  text: `text ${id}`,
  source: `https://${site}/${id}`,
  site,
  kind: 'forum',
});

/** Half of every record id, failing on a record in both halves or in none. */
function halfOf(split: RealSplit, records: readonly RealText[]): Map<string, string> {
  const half = new Map<string, string>();
  for (const [language, entry] of Object.entries(split.languages)) {
    for (const name of ['tuning', 'test'] as const) {
      for (const id of entry[name]) {
        expect(half.has(`${language}:${id}`), `${id} in both halves`).toBe(false);
        half.set(`${language}:${id}`, name);
      }
    }
  }
  for (const r of records)
    expect(half.has(`${r.language}:${r.id}`), `${r.id} in no half`).toBe(true);
  expect(half.size).toBe(records.length);
  return half;
}

function expectSitesWhole(split: RealSplit, records: readonly RealText[]) {
  const half = halfOf(split, records);
  const siteHalf = new Map<string, string>();
  for (const r of records) {
    const h = half.get(`${r.language}:${r.id}`) ?? '';
    expect(siteHalf.get(r.site) ?? h, `site ${r.site} in both halves`).toBe(h);
    siteHalf.set(r.site, h);
    expect(split.sites[r.site]).toBe(h);
  }
}

describe('splitBySite', () => {
  const records = [
    ...['a1', 'a2', 'a3'].map((id) => record(id, 'pl', 'a.example')),
    ...['b1', 'b2'].map((id) => record(id, 'pl', 'b.example')),
    ...['c1', 'c2'].map((id) => record(id, 'pl', 'c.example')),
    record('d1', 'pl', 'd.example', 'off-topic'),
    // A site in two languages goes to one half in both.
    record('s1', 'pl', 'shared.example'),
    record('s2', 'ro', 'shared.example'),
    ...['r1', 'r2', 'r3'].map((id) => record(id, 'ro', 'r.example')),
  ];

  it('keeps each site in one half, across languages, and every record in exactly one half', () => {
    expectSitesWhole(splitBySite(records), records);
  });

  it('balances the halves of a language', () => {
    const { pl } = splitBySite(records).languages;
    expect(Math.abs((pl?.tuning.length ?? 0) - (pl?.test.length ?? 0))).toBeLessThanOrEqual(3);
    expect(pl?.tuning.length).toBeGreaterThan(0);
    expect(pl?.test.length).toBeGreaterThan(0);
  });

  it('keeps the half of every site it is given and places only new sites', () => {
    const first = splitBySite(records);
    const grown = [
      ...records,
      ...['n1', 'n2', 'n3', 'n4'].map((id) => record(id, 'pl', 'new.example')),
      record('a4', 'pl', 'a.example'),
    ];
    const regrown = splitBySite(grown, DEFAULT_SEED, first.sites);
    for (const [site, half] of Object.entries(first.sites)) expect(regrown.sites[site]).toBe(half);
    expect(regrown.sites['new.example']).toBeDefined();
    expectSitesWhole(regrown, grown);
    // Without the committed halves the larger site list is placed anew, and
    // the new site's weight moves an old one: exactly what must not happen.
    const fresh = splitBySite(grown);
    expect(Object.keys(first.sites).some((site) => fresh.sites[site] !== first.sites[site])).toBe(
      true,
    );
  });

  it('is deterministic for a seed', () => {
    expect(splitBySite([...records].reverse(), 5)).toEqual(splitBySite(records, 5));
  });
});

describe('the committed real-text split', () => {
  const splitPath = join(REAL_DIR, 'split.json');
  it('matches the data (re-run scripts/split-real-texts.ts after changing it) and never splits a site', () => {
    const records = readRealTexts();
    const split = JSON.parse(readFileSync(splitPath, 'utf8')) as RealSplit;
    expect(new Set(records.map((r) => `${r.language}:${r.id}`)).size).toBe(records.length);
    expectSitesWhole(split, records);
    expect(split).toEqual(splitBySite(records, split.seed, split.sites));
  });
});
