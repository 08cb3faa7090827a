import { describe, expect, it } from 'vitest';
import {
  buildTermIndex,
  FUZZY_DISCOUNT,
  PREFIX_DISCOUNT,
  type FieldSpec,
  type TermIndex,
} from './term-index';

/**
 * Scores by hand. The module uses K1 = 1.2 and, per field, the `b` and
 * `boost` given here; IDF is the BM25+ "plus one" form
 *
 *   idf(t)  = ln(1 + (N − n + 0.5) / (n + 0.5))
 *   norm(d) = 1 − b + b · |d| / avgdl
 *   tf'     = count · boost / norm(d)
 *   weight  = tf' · (K1 + 1) / (tf' + K1)
 *   score   = Σ idf · weight
 *
 * Corpus (one field, boost 1, b 0.75); N = 3, avgdl = (2 + 4 + 3) / 3 = 3:
 *   d0 = rent bond           |d0| = 2, norm = 0.25 + 0.75 · 2/3 = 0.75
 *   d1 = rent rent pay day   |d1| = 4, norm = 0.25 + 0.75 · 4/3 = 1.25
 *   d2 = pay fire tax        |d2| = 3, norm = 0.25 + 0.75 · 3/3 = 1.00
 *
 * idf, n = 1: ln(1 + 2.5/1.5) = ln(8/3) = 0.9808292530
 * idf, n = 2: ln(1 + 1.5/2.5) = ln(1.6) = 0.4700036292
 *
 * rent: d0 tf' = 1/0.75 = 4/3, weight = (4/3 · 2.2)/(4/3 + 1.2) = 22/19 = 1.1578947368
 *         → 0.4700036292 · 1.1578947368 = 0.5442147286
 *       d1 tf' = 2/1.25 = 1.6, weight = 3.52/2.8 = 44/35 = 1.2571428571
 *         → 0.4700036292 · 1.2571428571 = 0.5908617053
 * pay:  d1 tf' = 1/1.25 = 0.8, weight = 1.76/2.0 = 0.88 → 0.4136031937
 *       d2 tf' = 1/1.00 = 1.0, weight = 2.2/2.2 = 1    → 0.4700036292
 * bond: d0 weight 22/19 → 0.9808292530 · 1.1578947368 = 1.1356970298
 * tax:  d2 weight 1     → 0.9808292530
 *
 * Weights are stored as Float32 (≈ 7 significant digits), so scores are
 * compared to 6 decimal places.
 */
const PRECISION = 6;
const BODY: FieldSpec = { boost: 1, b: 0.75 };
const CORPUS = [[['rent', 'bond']], [['rent', 'rent', 'pay', 'day']], [['pay', 'fire', 'tax']]];

function score(index: TermIndex, terms: readonly string[]) {
  const scores = new Float64Array(index.documentCount);
  const hits: number[] = [];
  const factors = terms.map((term) => index.accumulate(term, scores, (d) => hits.push(d)));
  return { scores: [...scores], hits, factors };
}

function expectScores(actual: readonly number[], expected: readonly number[]) {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((value, d) => expect(actual[d], `document ${d}`).toBeCloseTo(value, PRECISION));
}

describe('buildTermIndex: BM25 scores against hand-computed values', () => {
  const index = buildTermIndex(CORPUS, [BODY]);

  it.each([
    { term: 'rent', n: 2, idf: 0.4700036292 },
    { term: 'pay', n: 2, idf: 0.4700036292 },
    { term: 'bond', n: 1, idf: 0.980829253 },
    { term: 'tax', n: 1, idf: 0.980829253 },
    { term: 'unknown', n: 0, idf: 0 },
  ])('idf($term), in $n of 3 documents, is $idf', ({ term, idf }) => {
    expect(index.idf(term)).toBeCloseTo(idf, 9);
  });

  it('maxIdf is the idf of the rarest term, ln(8/3)', () => {
    expect(index.maxIdf).toBeCloseTo(Math.log(8 / 3), 9);
    expect(index.documentCount).toBe(3);
  });

  it.each([
    { query: ['rent'], expected: [0.5442147286, 0.5908617053, 0] },
    { query: ['pay'], expected: [0, 0.4136031937, 0.4700036292] },
    { query: ['bond'], expected: [1.1356970298, 0, 0] },
    { query: ['tax'], expected: [0, 0, 0.980829253] },
    // Sums per document: d1 = 0.5908617053 + 0.4136031937.
    { query: ['rent', 'pay'], expected: [0.5442147286, 1.004464899, 0.4700036292] },
  ])('scores $query as computed by hand', ({ query, expected }) => {
    expectScores(score(index, query).scores, expected);
  });

  it('a longer document scores lower for the same single occurrence (pay: d1 of 4 terms < d2 of 3)', () => {
    const { scores } = score(index, ['pay']);
    expect(scores[1]).toBeLessThan(scores[2] ?? 0);
  });

  it('term frequency saturates: two occurrences in d1 score less than twice one in d0', () => {
    const { scores } = score(index, ['rent']);
    expect(scores[1]).toBeGreaterThan(scores[0] ?? 0);
    expect(scores[1]).toBeLessThan(2 * (scores[0] ?? 0));
  });

  it('reports every containing document once to onHit and returns factor 1 for an exact term', () => {
    const { hits, factors } = score(index, ['rent']);
    expect(hits).toEqual([0, 1]);
    expect(factors).toEqual([1]);
  });

  it.each([
    { name: 'an unknown short term', term: 'zzz' },
    { name: 'an empty query term', term: '' },
    // Four letters: shorter than FUZZY_MIN_LENGTH, so no fuzzy neighbour of "rent".
    { name: 'a short near-miss', term: 'rant' },
  ])('$name adds nothing, calls no onHit and returns factor 0', ({ term }) => {
    const { scores, hits, factors } = score(index, [term]);
    expect(scores).toEqual([0, 0, 0]);
    expect(hits).toEqual([]);
    expect(factors).toEqual([0]);
    expect(index.lookup(term)).toEqual({ lists: [], factor: 0 });
  });

  it('adds to the scores it is given instead of replacing them', () => {
    const scores = new Float64Array([1, 1, 1]);
    index.accumulate('tax', scores, () => undefined);
    expectScores([...scores], [1, 1, 1.980829253]);
  });

  it('an empty corpus has no documents and no idf', () => {
    const empty = buildTermIndex([], [BODY]);
    expect(empty.documentCount).toBe(0);
    expect(empty.maxIdf).toBe(0);
    expect(score(empty, ['rent']).scores).toEqual([]);
  });
});

describe('buildTermIndex: length normalisation and fields', () => {
  it('b = 0 turns length normalisation off: one occurrence weighs the same in any length', () => {
    // norm = 1 for every document, so pay has weight 1 in d1 and in d2: 0.4700036292 each.
    const index = buildTermIndex(CORPUS, [{ boost: 1, b: 0 }]);
    expectScores(score(index, ['pay']).scores, [0, 0.4700036292, 0.4700036292]);
  });

  it('averages a field length over the documents that have the field', () => {
    // d0 lacks the field; avgdl = (1 + 3) / 2 = 2 (not 4/3 over all three).
    // d1: norm = 1 − 1 + 1 · 1/2 = 0.5, tf' = 2, weight = 4.4/3.2 = 1.375;
    // idf(tax), n = 2 of N = 3: ln(1.6) → 0.4700036292 · 1.375 = 0.6462549902.
    // d2: norm = 3/2, tf' = 2/3, weight = (2/3 · 2.2)/(2/3 + 1.2) = 11/14 → 0.3692885658.
    const index = buildTermIndex([[[]], [['tax']], [['tax', 'fee', 'fee']]], [{ boost: 1, b: 1 }]);
    expectScores(score(index, ['tax']).scores, [0, 0.6462549902, 0.3692885658]);
  });

  it('BM25F: boosted field frequencies add up before saturation', () => {
    // b = 0 in both fields. d0: title "rent" (boost 2) + body "rent" (boost 1): tf' = 3,
    // weight = 6.6/4.2 = 11/7 = 1.5714285714; idf, n = 1 of N = 2: ln(1 + 1.5/1.5) = ln 2.
    // → 0.6931471806 · 1.5714285714 = 1.0892312838 (not 2 separate saturated sums).
    const index = buildTermIndex(
      [
        [['rent'], ['rent', 'bond']],
        [[], ['pay']],
      ],
      [
        { boost: 2, b: 0 },
        { boost: 1, b: 0 },
      ],
    );
    expectScores(score(index, ['rent']).scores, [1.0892312838, 0]);
  });
});

describe('buildTermIndex: fuzzy and prefix expansion', () => {
  // Long terms only: fuzzy and prefix look-ups start at FUZZY_MIN_LENGTH (5) letters.
  const index = buildTermIndex(
    [
      [['kuendigung', 'frist']],
      [['anmeldung', 'wohnung']],
      [['kindergeld', 'antrag']],
      [['kindergarten', 'platz']],
    ],
    [BODY],
  );
  const exact = (term: string) => score(index, [term]).scores;

  it.each([
    { edit: 'deletion', query: 'kundigung' },
    { edit: 'insertion', query: 'kuendigungx' },
    { edit: 'substitution', query: 'kuendigunf' },
    { edit: 'adjacent swap', query: 'kuendiugng' },
  ])('an edit-distance-1 $edit finds the term at FUZZY_DISCOUNT', ({ query }) => {
    const fuzzy = score(index, [query]);
    expect(fuzzy.factors).toEqual([FUZZY_DISCOUNT]);
    expect(fuzzy.hits).toEqual([0]);
    expectScores(
      fuzzy.scores,
      exact('kuendigung').map((value) => value * FUZZY_DISCOUNT),
    );
  });

  it('an edit distance of 2 finds nothing', () => {
    expect(score(index, ['kuendigxxg']).factors).toEqual([0]);
  });

  it('a word that starts with a vocabulary term (German term inflected) gets PREFIX_DISCOUNT', () => {
    const prefixed = score(index, ['anmeldungra']);
    expect(prefixed.factors).toEqual([PREFIX_DISCOUNT]);
    expectScores(
      prefixed.scores,
      exact('anmeldung').map((value) => value * PREFIX_DISCOUNT),
    );
  });

  it('a word cut short of longer vocabulary terms shares PREFIX_DISCOUNT between them', () => {
    const prefixed = score(index, ['kinder']);
    expect(prefixed.factors).toEqual([PREFIX_DISCOUNT]);
    expect(prefixed.hits.sort()).toEqual([2, 3]);
    const geld = exact('kindergeld');
    const garten = exact('kindergarten');
    expectScores(
      prefixed.scores,
      geld.map((value, d) => ((value + (garten[d] ?? 0)) * PREFIX_DISCOUNT) / 2),
    );
    expect(index.lookup('kinder')).toEqual({
      lists: [new Int32Array([3]), new Int32Array([2])],
      factor: PREFIX_DISCOUNT,
    });
  });

  it('fuzzy neighbours are not capped: all five one-edit neighbours count', () => {
    const many = buildTermIndex(
      ['abcdea', 'abcdeb', 'abcdec', 'abcded', 'abcdee'].map((term) => [[term]]),
      [BODY],
    );
    expect(many.lookup('abcdef')).toEqual({
      lists: [0, 1, 2, 3, 4].map((d) => new Int32Array([d])),
      factor: FUZZY_DISCOUNT,
    });
  });

  it('a prefix expands to at most four vocabulary terms, in sorted order', () => {
    const many = buildTermIndex(
      ['kinderee', 'kinderaa', 'kinderbb', 'kindercc', 'kinderdd'].map((term) => [[term]]),
      [BODY],
    );
    expect(many.lookup('kinder')).toEqual({
      lists: [1, 2, 3, 4].map((d) => new Int32Array([d])),
      factor: PREFIX_DISCOUNT,
    });
  });

  it('lookup of an exact term lists its documents with factor 1 and no expansion', () => {
    expect(index.lookup('wohnung')).toEqual({ lists: [new Int32Array([1])], factor: 1 });
  });
});
