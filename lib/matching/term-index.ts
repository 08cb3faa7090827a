/**
 * A compact BM25F inverted index over already-normalised terms.
 *
 * Why not MiniSearch (used before): with a 300-answer pack its radix-tree
 * build cost 100–370 ms per language and its fuzzy search walked the tree for
 * every query term (p95 up to 10 ms per post). Matching needs much less: the
 * terms arrive stemmed and folded, documents never change after the build,
 * and fuzzy matching is wanted only for long terms at edit distance 1. So the
 * index here is a Map from term to a flat posting list whose BM25F weights
 * (term frequency saturation and length normalisation) are computed once at
 * build time; a query only adds `idf × weight` per posting. Fuzzy look-ups use
 * a deletion neighbourhood (the "symmetric delete" scheme): every vocabulary
 * term of at least FUZZY_MIN_LENGTH letters is filed under each of its
 * one-letter deletions, so a query term finds its edit-distance-1 neighbours
 * (substitution, insertion, deletion, adjacent swap) with a few Map look-ups.
 *
 * Pure and synchronous; built once per index variant and then read-only.
 */

export interface FieldSpec {
  /** Multiplies the field's term frequency (BM25F). */
  boost: number;
  /** Length normalisation strength, 0..1. */
  b: number;
}

/** Term frequency saturation. */
const K1 = 1.2;
/** Shortest term that gets fuzzy (edit distance 1) and prefix expansion. */
export const FUZZY_MIN_LENGTH = 5;
/** A fuzzy or prefix hit counts this much of an exact one. */
export const FUZZY_DISCOUNT = 0.5;
export const PREFIX_DISCOUNT = 0.6;
/** At most this many vocabulary terms per prefix expansion. */
const PREFIX_LIMIT = 4;

export interface TermIndex {
  readonly documentCount: number;
  /** Inverse document frequency of a term (0 when unknown). */
  idf(term: string): number;
  /** The largest idf in the index: the weight an unknown term would have. */
  readonly maxIdf: number;
  /**
   * Adds `idf × weight × factor` of every document that contains `term` (or,
   * when it has none, its fuzzy/prefix neighbours) to `scores`, and calls
   * `onHit(document)` for each. Returns the factor used (0 when nothing matched).
   */
  accumulate(term: string, scores: Float64Array, onHit: (document: number) => void): number;
  /**
   * The documents that contain `term` (or, when none does, its fuzzy/prefix
   * neighbours; a document may then be listed more than once), and the factor
   * `accumulate` would use; for callers that count rather than score.
   */
  lookup(term: string): { lists: readonly Int32Array[]; factor: number };
}

interface Posting {
  documents: Int32Array;
  weights: Float32Array;
  idf: number;
}

function deletions(term: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < term.length; i += 1) out.push(term.slice(0, i) + term.slice(i + 1));
  return out;
}

/**
 * Builds an index. `documents[d][f]` is the list of terms of field `f` of
 * document `d` (an empty list when the document lacks the field).
 */
export function buildTermIndex(
  documents: readonly (readonly (readonly string[])[])[],
  fields: readonly FieldSpec[],
): TermIndex {
  const documentCount = documents.length;
  const lengthSums = new Float64Array(fields.length);
  const fieldDocs = new Float64Array(fields.length);
  for (const document of documents) {
    for (let f = 0; f < fields.length; f += 1) {
      const length = document[f]?.length ?? 0;
      if (length > 0) {
        lengthSums[f] = (lengthSums[f] ?? 0) + length;
        fieldDocs[f] = (fieldDocs[f] ?? 0) + 1;
      }
    }
  }
  const averages = fields.map((_, f) => (lengthSums[f] ?? 0) / Math.max(1, fieldDocs[f] ?? 0));

  // term → [document, weighted tf, document, weighted tf, ...] while building.
  const raw = new Map<string, number[]>();
  const local = new Map<string, number>();
  documents.forEach((document, d) => {
    local.clear();
    for (let f = 0; f < fields.length; f += 1) {
      const terms = document[f];
      const spec = fields[f];
      if (!terms || terms.length === 0 || !spec) continue;
      const norm = 1 - spec.b + spec.b * (terms.length / (averages[f] || 1));
      const unit = spec.boost / norm;
      for (const term of terms) local.set(term, (local.get(term) ?? 0) + unit);
    }
    for (const [term, tf] of local) {
      let list = raw.get(term);
      if (!list) {
        list = [];
        raw.set(term, list);
      }
      list.push(d, tf);
    }
  });

  const postings = new Map<string, Posting>();
  let maxIdf = 0;
  for (const [term, list] of raw) {
    const count = list.length / 2;
    const documentsOf = new Int32Array(count);
    const weights = new Float32Array(count);
    for (let i = 0; i < count; i += 1) {
      const tf = list[2 * i + 1] ?? 0;
      documentsOf[i] = list[2 * i] ?? 0;
      weights[i] = (tf * (K1 + 1)) / (tf + K1);
    }
    const idf = Math.log(1 + (documentCount - count + 0.5) / (count + 0.5));
    if (idf > maxIdf) maxIdf = idf;
    postings.set(term, { documents: documentsOf, weights, idf });
  }

  // Built on first fuzzy or prefix need: exact matches cover most queries.
  let neighbours: Map<string, string[]> | undefined;
  let sorted: string[] | undefined;
  const neighbourMap = (): Map<string, string[]> => {
    if (neighbours) return neighbours;
    neighbours = new Map();
    for (const term of postings.keys()) {
      if (term.length < FUZZY_MIN_LENGTH) continue;
      for (const key of [term, ...deletions(term)]) {
        const list = neighbours.get(key);
        if (list) {
          if (list[list.length - 1] !== term) list.push(term);
        } else neighbours.set(key, [term]);
      }
    }
    return neighbours;
  };
  const sortedTerms = (): string[] => (sorted ??= [...postings.keys()].sort());

  // Posts repeat their vocabulary: remember expansions (bounded).
  const expansions = new Map<string, { terms: string[]; factor: number }>();
  const expand = (term: string): { terms: string[]; factor: number } => {
    let known = expansions.get(term);
    if (!known) {
      known = expandUncached(term);
      if (expansions.size > 20_000) expansions.clear();
      expansions.set(term, known);
    }
    return known;
  };
  const expandUncached = (term: string): { terms: string[]; factor: number } => {
    if (term.length < FUZZY_MIN_LENGTH) return { terms: [], factor: 0 };
    const map = neighbourMap();
    const found = new Set<string>();
    for (const key of [term, ...deletions(term)]) {
      for (const candidate of map.get(key) ?? []) if (candidate !== term) found.add(candidate);
    }
    if (found.size > 0) return { terms: [...found], factor: FUZZY_DISCOUNT };
    // A pack term the post's word starts with: German terms inflected in
    // another language ("Anmeldungra", "Kindergeld-ul" → "anmeldung").
    for (let end = term.length - 1; end >= FUZZY_MIN_LENGTH; end -= 1) {
      const head = term.slice(0, end);
      if (postings.has(head)) return { terms: [head], factor: PREFIX_DISCOUNT };
    }
    // Prefix the other way: a post's word cut short of a longer pack term (compounds,
    // stems the stemmer left longer on one side).
    const list = sortedTerms();
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((list[mid] ?? '') < term) low = mid + 1;
      else high = mid;
    }
    const prefixed: string[] = [];
    for (let i = low; i < list.length && prefixed.length < PREFIX_LIMIT; i += 1) {
      const candidate = list[i] ?? '';
      if (!candidate.startsWith(term)) break;
      prefixed.push(candidate);
    }
    return { terms: prefixed, factor: prefixed.length > 0 ? PREFIX_DISCOUNT : 0 };
  };

  const add = (
    posting: Posting,
    factor: number,
    scores: Float64Array,
    onHit: (d: number) => void,
  ) => {
    const scale = posting.idf * factor;
    const { documents: docs, weights } = posting;
    for (let i = 0; i < docs.length; i += 1) {
      const d = docs[i] ?? 0;
      scores[d] = (scores[d] ?? 0) + scale * (weights[i] ?? 0);
      onHit(d);
    }
  };

  return {
    documentCount,
    maxIdf,
    idf: (term) => postings.get(term)?.idf ?? 0,
    accumulate(term, scores, onHit) {
      const exact = postings.get(term);
      if (exact) {
        add(exact, 1, scores, onHit);
        return 1;
      }
      const { terms, factor } = expand(term);
      for (const candidate of terms) {
        const posting = postings.get(candidate);
        if (posting) add(posting, factor / terms.length, scores, onHit);
      }
      return terms.length > 0 ? factor : 0;
    },
    lookup(term) {
      const exact = postings.get(term);
      if (exact) return { lists: [exact.documents], factor: 1 };
      const { terms, factor } = expand(term);
      const lists: Int32Array[] = [];
      for (const candidate of terms) {
        const posting = postings.get(candidate);
        if (posting) lists.push(posting.documents);
      }
      return { lists, factor: lists.length > 0 ? factor : 0 };
    },
  };
}
