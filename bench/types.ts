export interface BenchContext {
  /** Prints a line of the human-readable report. */
  log(line: string): void;
  /**
   * False under `--no-peers`: what needs tools/language-training (peer
   * detectors, held-out training text, the BM25 baseline) is skipped.
   */
  peers: boolean;
}

/** A benchmark suite returns its figures as plain JSON-able data. */
export type BenchSuite = (context: BenchContext) => Promise<Record<string, unknown>>;

/** Percentile of an ascending-sorted array (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}
