/**
 * Small-count suppression with complementary (secondary) suppression, for
 * published tables whose cells add up to published totals
 * (docs/MONITORING.md#suppression).
 *
 * The problem is stated as cells (id → count) and additive relations (a
 * total and the parts that add up to it). A relation is anything a reader
 * can add up: a table's column against its total, a 2-D table's rows and
 * columns against their margins, two tables that share a total (questions
 * by language and by topic both add up to `questions`), groups against their
 * sector.
 *
 * Rules, applied until nothing changes:
 * 1. Primary: a count from 1 to k−1 is hidden. 0 is shown: it describes
 *    nobody, and hiding it would only make totals harder to read.
 * 2. Linked cells: when a cell is hidden, a non-zero cell it bounds is
 *    hidden too (`links`; e.g. a row's "answered" beside its hidden
 *    "questions": answered ≤ questions would otherwise pin it down).
 * 3. A relation with exactly one hidden member gives that member away
 *    (total − shown parts): the smallest other non-zero shown part is hidden
 *    too (the total only if no part is left).
 * 4. A relation whose hidden parts add up to exactly their number gives
 *    them away as well (every hidden cell is at least 1, so they are all 1):
 *    one more part is hidden.
 * 5. An audit solves the relations as a linear system in the hidden cells
 *    (reduced row echelon form): a hidden cell that the published figures
 *    determine exactly, through any combination of relations (a 2-D table's
 *    rows and columns together), gets a complement in one of its relations.
 *
 * What it does not do: a full interval (linear programming) audit. Rules 2
 * and 4 close the bounds attacks that pin a cell to one value in the tables
 * this product publishes; wider intervals (a hidden cell known to lie
 * between 1 and 4) are the point of suppression.
 *
 * Pure and deterministic: ties are broken by the order cells and parts are
 * given in, so the same input always hides the same cells.
 */

/** A published total and the published parts that add up to it. */
export interface AdditiveRelation {
  total: string;
  parts: readonly string[];
}

export interface SuppressionProblem {
  /** Every published count, by cell id (non-negative integers). */
  cells: ReadonlyMap<string, number>;
  relations: readonly AdditiveRelation[];
  /** `[a, b]`: when `a` is hidden, `b` is hidden too (if it is not 0). */
  links?: readonly (readonly [string, string])[];
  /** k: counts from 1 to k−1 are hidden. */
  minCount: number;
}

export interface SuppressionResult {
  /** Every hidden cell: primary and complementary. */
  hidden: Set<string>;
  /** The cells hidden because they are small (rule 1). */
  primary: Set<string>;
}

const EPSILON = 1e-9;

export function suppressSmallCounts(problem: SuppressionProblem): SuppressionResult {
  const { cells, relations, minCount } = problem;
  const value = (id: string): number => {
    const count = cells.get(id);
    if (count === undefined) throw new Error(`suppression: unknown cell ${id}`);
    return count;
  };
  for (const relation of relations) {
    value(relation.total);
    relation.parts.forEach(value);
  }
  const primary = new Set<string>();
  for (const [id, count] of cells) if (count > 0 && count < minCount) primary.add(id);
  const hidden = new Set(primary);
  const shownNonZero = (id: string) => !hidden.has(id) && value(id) > 0;

  /** The complement a relation offers: its smallest non-zero shown part, else its total. */
  const complementIn = (relation: AdditiveRelation): string | null => {
    let best: string | null = null;
    for (const part of relation.parts) {
      if (shownNonZero(part) && (best === null || value(part) < value(best))) best = part;
    }
    if (best === null && shownNonZero(relation.total)) best = relation.total;
    return best;
  };

  const relationsOf = new Map<string, AdditiveRelation[]>();
  for (const relation of relations) {
    for (const id of [relation.total, ...relation.parts]) {
      const list = relationsOf.get(id) ?? [];
      list.push(relation);
      relationsOf.set(id, list);
    }
  }

  for (;;) {
    let changed = false;
    for (const [from, to] of problem.links ?? []) {
      if (hidden.has(from) && shownNonZero(to)) {
        hidden.add(to);
        changed = true;
      }
    }
    for (const relation of relations) {
      let hiddenMembers = hidden.has(relation.total) ? 1 : 0;
      let hiddenParts = 0;
      let hiddenSum = 0;
      for (const part of relation.parts) {
        if (!hidden.has(part)) continue;
        hiddenMembers += 1;
        hiddenParts += 1;
        hiddenSum += value(part);
      }
      const givenAway =
        hiddenMembers === 1 ||
        (!hidden.has(relation.total) && hiddenParts >= 2 && hiddenSum === hiddenParts);
      if (!givenAway) continue;
      const complement = complementIn(relation);
      if (complement !== null) {
        hidden.add(complement);
        changed = true;
      }
    }
    if (changed) continue;
    // The cheap rules hold everywhere; now the combinations of relations.
    for (const cell of determinedCells(relations, hidden)) {
      // A cell an earlier complement of this round already protected is checked again next round.
      const candidates = (relationsOf.get(cell) ?? [])
        .map(complementIn)
        .filter((id): id is string => id !== null);
      const pick = smallest(candidates, value) ?? smallest(anyComplement(), value);
      if (pick !== null) {
        hidden.add(pick);
        changed = true;
        break;
      }
    }
    if (!changed) break;
  }
  return { hidden, primary };

  /** Any shown non-zero member of a relation that has a hidden member (last resort). */
  function anyComplement(): string[] {
    const out: string[] = [];
    for (const relation of relations) {
      const members = [relation.total, ...relation.parts];
      if (!members.some((id) => hidden.has(id))) continue;
      const complement = complementIn(relation);
      if (complement !== null) out.push(complement);
    }
    return out;
  }
}

function smallest(ids: readonly string[], value: (id: string) => number): string | null {
  let best: string | null = null;
  for (const id of ids) if (best === null || value(id) < value(best)) best = id;
  return best;
}

/**
 * Hidden cells whose value follows exactly from the published cells and the
 * relations, by linear algebra: the relations restricted to the hidden cells
 * (shown cells are known numbers, moved to the right-hand side) are brought
 * to reduced row echelon form; a hidden cell is determined exactly when a
 * row of that form has it as its only non-zero entry.
 */
export function determinedCells(
  relations: readonly AdditiveRelation[],
  hidden: ReadonlySet<string>,
): string[] {
  const columns = new Map<string, number>();
  const rows: Map<number, number>[] = [];
  for (const relation of relations) {
    const row = new Map<number, number>();
    const add = (id: string, coefficient: number) => {
      if (!hidden.has(id)) return;
      let column = columns.get(id);
      if (column === undefined) {
        column = columns.size;
        columns.set(id, column);
      }
      row.set(column, (row.get(column) ?? 0) + coefficient);
    };
    add(relation.total, -1);
    for (const part of relation.parts) add(part, 1);
    for (const [column, coefficient] of row) if (coefficient === 0) row.delete(column);
    if (row.size > 0) rows.push(row);
  }
  if (rows.length === 0) return [];
  const width = columns.size;
  const height = rows.length;
  // Dense, row-major: a relation touches few cells, but the echelon form fills in.
  const m = new Float64Array(height * width);
  rows.forEach((sparse, r) => {
    for (const [column, coefficient] of sparse) m[r * width + column] = coefficient;
  });
  const at = (r: number, c: number) => m[r * width + c] ?? 0;
  let pivotRow = 0;
  for (let column = 0; column < width && pivotRow < height; column += 1) {
    let best = -1;
    let bestSize = EPSILON;
    for (let r = pivotRow; r < height; r += 1) {
      const size = Math.abs(at(r, column));
      if (size > bestSize) {
        best = r;
        bestSize = size;
      }
    }
    if (best === -1) continue;
    if (best !== pivotRow) {
      for (let c = 0; c < width; c += 1) {
        const swap = at(pivotRow, c);
        m[pivotRow * width + c] = at(best, c);
        m[best * width + c] = swap;
      }
    }
    const scale = at(pivotRow, column);
    for (let c = 0; c < width; c += 1) m[pivotRow * width + c] = at(pivotRow, c) / scale;
    for (let r = 0; r < height; r += 1) {
      if (r === pivotRow) continue;
      const factor = at(r, column);
      if (Math.abs(factor) <= EPSILON) continue;
      for (let c = 0; c < width; c += 1) m[r * width + c] = at(r, c) - factor * at(pivotRow, c);
    }
    pivotRow += 1;
  }
  const ids = [...columns.keys()];
  const determined: string[] = [];
  for (let r = 0; r < pivotRow; r += 1) {
    let only = -1;
    let count = 0;
    for (let c = 0; c < width && count < 2; c += 1) {
      if (Math.abs(at(r, c)) > EPSILON) {
        only = c;
        count += 1;
      }
    }
    const id = ids[only];
    if (count === 1 && id !== undefined) determined.push(id);
  }
  return determined;
}
