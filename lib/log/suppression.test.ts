import { describe, expect, it } from 'vitest';
import type { AdditiveRelation, SuppressionProblem } from './suppression';
import { determinedCells, suppressSmallCounts } from './suppression';
// The fixtures' seeded generator (mulberry32), so every run tests the same tables.
import { seededRandom } from '../../tests/fixtures/sample-events';

/** Counts as they come in outreach work: many zeros and small numbers, a few large. */
function count(random: () => number): number {
  const roll = random();
  if (roll < 0.25) return 0;
  if (roll < 0.7) return 1 + Math.floor(random() * 5);
  return 5 + Math.floor(random() * 40);
}

interface Published {
  problem: SuppressionProblem;
  name: string;
}

function oneWay(random: () => number, name: string): Published {
  const n = 2 + Math.floor(random() * 7);
  const cells = new Map<string, number>();
  const parts: string[] = [];
  let total = 0;
  for (let i = 0; i < n; i += 1) {
    const value = count(random);
    cells.set(`p${i}`, value);
    parts.push(`p${i}`);
    total += value;
  }
  cells.set('total', total);
  return { name, problem: { cells, relations: [{ total: 'total', parts }], minCount: 5 } };
}

/** A cross-table with row totals, column totals and the grand total. */
function twoWay(random: () => number, name: string): Published {
  const rows = 2 + Math.floor(random() * 4);
  const cols = 2 + Math.floor(random() * 4);
  const cells = new Map<string, number>();
  const relations: AdditiveRelation[] = [];
  const rowTotals = new Array<number>(rows).fill(0);
  const colTotals = new Array<number>(cols).fill(0);
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < cols; c += 1) {
      const value = count(random);
      cells.set(`c${r}.${c}`, value);
      rowTotals[r] = (rowTotals[r] ?? 0) + value;
      colTotals[c] = (colTotals[c] ?? 0) + value;
    }
  }
  rowTotals.forEach((value, r) => cells.set(`r${r}`, value));
  colTotals.forEach((value, c) => cells.set(`k${c}`, value));
  cells.set(
    'total',
    rowTotals.reduce((a, b) => a + b, 0),
  );
  for (let r = 0; r < rows; r += 1) {
    relations.push({ total: `r${r}`, parts: Array.from({ length: cols }, (_, c) => `c${r}.${c}`) });
  }
  for (let c = 0; c < cols; c += 1) {
    relations.push({ total: `k${c}`, parts: Array.from({ length: rows }, (_, r) => `c${r}.${c}`) });
  }
  relations.push({ total: 'total', parts: Array.from({ length: rows }, (_, r) => `r${r}`) });
  relations.push({ total: 'total', parts: Array.from({ length: cols }, (_, c) => `k${c}`) });
  return { name, problem: { cells, relations, minCount: 5 } };
}

/**
 * Like the funder report: questions by language, by topic and by group, all
 * adding up to one published total, and groups adding up to their sector.
 */
function sharedTotal(random: () => number, name: string): Published {
  const records = 5 + Math.floor(random() * 40);
  const cells = new Map<string, number>();
  const bump = (id: string) => cells.set(id, (cells.get(id) ?? 0) + 1);
  const languages = 2 + Math.floor(random() * 4);
  const topics = 2 + Math.floor(random() * 5);
  const groups = 2 + Math.floor(random() * 6);
  const sectorOf = (group: number) => group % 2;
  for (let i = 0; i < languages; i += 1) cells.set(`lang${i}`, 0);
  for (let i = 0; i < topics; i += 1) cells.set(`topic${i}`, 0);
  for (let i = 0; i < groups; i += 1) cells.set(`group${i}`, 0);
  cells.set('sector0', 0);
  cells.set('sector1', 0);
  cells.set('total', 0);
  for (let i = 0; i < records; i += 1) {
    // Skewed: the first values are the common ones.
    bump(`lang${Math.floor(random() ** 2 * languages)}`);
    bump(`topic${Math.floor(random() ** 2 * topics)}`);
    const group = Math.floor(random() ** 2 * groups);
    bump(`group${group}`);
    bump(`sector${sectorOf(group)}`);
    bump('total');
  }
  const range = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  const groupIds = range(groups, 'group');
  return {
    name,
    problem: {
      cells,
      minCount: 5,
      relations: [
        { total: 'total', parts: range(languages, 'lang') },
        { total: 'total', parts: range(topics, 'topic') },
        { total: 'total', parts: groupIds },
        { total: 'total', parts: ['sector0', 'sector1'] },
        { total: 'sector0', parts: groupIds.filter((_, i) => sectorOf(i) === 0) },
        { total: 'sector1', parts: groupIds.filter((_, i) => sectorOf(i) === 1) },
      ],
    },
  };
}

function randomTables(seed: number, n: number): Published[] {
  const random = seededRandom(seed);
  const out: Published[] = [];
  for (let i = 0; i < n; i += 1) {
    const kind = i % 3;
    const name = `seed ${seed} table ${i}`;
    out.push(
      kind === 0
        ? oneWay(random, name)
        : kind === 1
          ? twoWay(random, name)
          : sharedTotal(random, name),
    );
  }
  return out;
}

// --- The attacker: independent of the module's own audit ------------------

/** Exact rank of an integer matrix (fraction-free elimination with BigInt). */
function rank(input: readonly (readonly number[])[]): number {
  const m = input.map((row) => row.map(BigInt));
  const width = m[0]?.length ?? 0;
  let r = 0;
  for (let c = 0; c < width && r < m.length; c += 1) {
    const pivot = m.findIndex((row, index) => index >= r && row[c] !== 0n);
    if (pivot === -1) continue;
    [m[r], m[pivot]] = [m[pivot] ?? [], m[r] ?? []];
    const top = m[r] ?? [];
    for (let i = r + 1; i < m.length; i += 1) {
      const row = m[i] ?? [];
      const a = top[c] ?? 0n;
      const b = row[c] ?? 0n;
      if (b === 0n) continue;
      m[i] = row.map((x, j) => x * a - (top[j] ?? 0n) * b);
    }
    r += 1;
  }
  return r;
}

/**
 * What an attacker learns exactly from the published table: the cells shown,
 * every total, and every relation. (1) Linear equations: a hidden cell is
 * determined exactly iff its unit vector lies in the row space of the
 * relations restricted to the hidden cells, i.e. adding it as an equation
 * does not raise the rank. (2) Lower bounds: every hidden cell is at least 1
 * (zeros are shown), so a relation whose hidden parts must add up to their
 * own number makes them all 1. Returns the cells recovered and their values.
 */
function attack(problem: SuppressionProblem, hidden: ReadonlySet<string>): Map<string, number> {
  const recovered = new Map<string, number>();
  const hiddenIds = [...problem.cells.keys()].filter((id) => hidden.has(id));
  const matrix = problem.relations.map((relation) =>
    hiddenIds.map(
      (id) => relation.parts.filter((part) => part === id).length - (relation.total === id ? 1 : 0),
    ),
  );
  const base = rank(matrix);
  hiddenIds.forEach((id, column) => {
    const unit = hiddenIds.map((_, j) => (j === column ? 1 : 0));
    if (rank([...matrix, unit]) === base) recovered.set(id, problem.cells.get(id) ?? -1);
  });
  // The 1-D recovery spelled out: total − shown parts.
  for (const relation of problem.relations) {
    const value = (id: string) => problem.cells.get(id) ?? 0;
    const hiddenParts = relation.parts.filter((part) => hidden.has(part));
    if (hidden.has(relation.total) || hiddenParts.length === 0) continue;
    const rest =
      value(relation.total) -
      relation.parts.filter((part) => !hidden.has(part)).reduce((sum, id) => sum + value(id), 0);
    if (hiddenParts.length === 1) recovered.set(hiddenParts[0] ?? '', rest);
    if (rest === hiddenParts.length) for (const part of hiddenParts) recovered.set(part, 1);
  }
  return recovered;
}

function primaryOnly(problem: SuppressionProblem): Set<string> {
  return new Set(
    [...problem.cells].filter(([, v]) => v > 0 && v < problem.minCount).map(([id]) => id),
  );
}

describe('suppressSmallCounts', () => {
  it('hides 1..k−1, shows 0 and k', () => {
    const cells = new Map([
      ['zero', 0],
      ['one', 1],
      ['four', 4],
      ['five', 5],
      ['many', 50],
    ]);
    const { primary } = suppressSmallCounts({ cells, relations: [], minCount: 5 });
    expect([...primary].sort()).toEqual(['four', 'one']);
  });

  it('hides the smallest other non-zero part when one part of a total is hidden', () => {
    // byLanguage with one small cell, and a total that would give it away.
    const cells = new Map([
      ['total', 40],
      ['pl', 20],
      ['ro', 3],
      ['bg', 0],
      ['hu', 9],
      ['de', 8],
    ]);
    const relation = { total: 'total', parts: ['pl', 'ro', 'bg', 'hu', 'de'] };
    const { hidden } = suppressSmallCounts({ cells, relations: [relation], minCount: 5 });
    expect([...hidden].sort()).toEqual(['de', 'ro']);
  });

  it('protects a cell hidden in one table of a shared total (byLanguage and byTopic)', () => {
    const cells = new Map([
      ['questions', 30],
      ['lang:pl', 27],
      ['lang:ro', 3],
      ['topic:wage', 10],
      ['topic:housing', 20],
    ]);
    const result = suppressSmallCounts({
      cells,
      minCount: 5,
      relations: [
        { total: 'questions', parts: ['lang:pl', 'lang:ro'] },
        { total: 'questions', parts: ['topic:wage', 'topic:housing'] },
      ],
    });
    expect(result.hidden.has('lang:pl')).toBe(true);
    expect(result.hidden.has('questions')).toBe(false);
  });

  it('hides a linked cell with the cell it is linked to', () => {
    const cells = new Map([
      ['q', 4],
      ['answered', 4],
      ['other', 0],
    ]);
    const { hidden } = suppressSmallCounts({
      cells,
      relations: [],
      links: [['q', 'answered']],
      minCount: 5,
    });
    expect(hidden.has('answered')).toBe(true);
  });

  it('adds a part when the hidden parts could only all be 1', () => {
    const cells = new Map([
      ['total', 12],
      ['a', 1],
      ['b', 1],
      ['c', 10],
    ]);
    const { hidden } = suppressSmallCounts({
      cells,
      relations: [{ total: 'total', parts: ['a', 'b', 'c'] }],
      minCount: 5,
    });
    expect(hidden.has('c')).toBe(true);
  });

  it('breaks a 2-D pattern that every row and column alone would allow (a bridge)', () => {
    // Two hidden rectangles joined by one hidden cell: every row and column has
    // two or three hidden cells, yet r0c2 follows from the equations together.
    const values = [
      [2, 3, 2, 9],
      [3, 2, 9, 9],
      [9, 9, 2, 3],
      [9, 9, 3, 2],
    ];
    const cells = new Map<string, number>();
    const relations: AdditiveRelation[] = [];
    values.forEach((row, r) => {
      row.forEach((v, c) => cells.set(`c${r}${c}`, v));
      cells.set(
        `r${r}`,
        row.reduce((a, b) => a + b, 0),
      );
      relations.push({ total: `r${r}`, parts: row.map((_, c) => `c${r}${c}`) });
    });
    for (let c = 0; c < 4; c += 1) {
      cells.set(
        `k${c}`,
        values.reduce((sum, row) => sum + (row[c] ?? 0), 0),
      );
      relations.push({ total: `k${c}`, parts: values.map((_, r) => `c${r}${c}`) });
    }
    const hiddenByRule = new Set(['c00', 'c01', 'c10', 'c11', 'c22', 'c23', 'c32', 'c33', 'c02']);
    expect(determinedCells(relations, hiddenByRule)).toEqual(['c02']);
    expect(attack({ cells, relations, minCount: 5 }, hiddenByRule).has('c02')).toBe(true);
    const { hidden } = suppressSmallCounts({ cells, relations, minCount: 5 });
    expect(attack({ cells, relations, minCount: 5 }, hidden).size).toBe(0);
  });

  it('never lets the attacker recover a hidden cell of random tables (seeded)', () => {
    let hiddenCells = 0;
    let secondary = 0;
    for (const { name, problem } of randomTables(20260701, 600)) {
      const { hidden, primary } = suppressSmallCounts(problem);
      for (const id of primary) expect(hidden.has(id), name).toBe(true);
      hiddenCells += hidden.size;
      secondary += hidden.size - primary.size;
      expect([...attack(problem, hidden).keys()], name).toEqual([]);
    }
    // The tables really had small counts to protect.
    expect(hiddenCells).toBeGreaterThan(1000);
    expect(secondary).toBeGreaterThan(200);
  });

  it('the attacker does recover cells when only primary suppression is applied', () => {
    let exposed = 0;
    let correct = 0;
    for (const { problem } of randomTables(20260701, 600)) {
      for (const [id, value] of attack(problem, primaryOnly(problem))) {
        exposed += 1;
        if (problem.cells.get(id) === value) correct += 1;
      }
    }
    expect(exposed).toBeGreaterThan(100);
    expect(correct).toBe(exposed);
  });

  it('a 1-D table with primary suppression alone gives its hidden cell away', () => {
    const cells = new Map([
      ['total', 30],
      ['a', 3],
      ['b', 27],
    ]);
    const problem = { cells, relations: [{ total: 'total', parts: ['a', 'b'] }], minCount: 5 };
    expect(attack(problem, primaryOnly(problem)).get('a')).toBe(3);
    expect(attack(problem, suppressSmallCounts(problem).hidden).size).toBe(0);
  });

  it('is deterministic', () => {
    const [table] = randomTables(7, 1);
    if (!table) throw new Error('no table');
    const a = suppressSmallCounts(table.problem).hidden;
    const b = suppressSmallCounts(table.problem).hidden;
    expect([...a]).toEqual([...b]);
  });
});
