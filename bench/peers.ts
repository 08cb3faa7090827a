/**
 * What the benchmarks load from tools/language-training: the language
 * benchmark's held-out text and peer detectors (eld, franc, cld3), and the
 * matching benchmark's BM25 baseline (MiniSearch). Those packages are not in
 * the root package.json (they never ship); the first use installs that
 * folder (scripts/ensure-tools.ts). `npm run bench -- --no-peers` skips them.
 *
 * The modules are imported by a computed path, so the root's type check does
 * not follow into a folder whose packages may not be installed;
 * tools/language-training/tsconfig.json checks them against these types.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DetectedLanguage, PostLanguage } from '../lib/domain/languages';
import type { Pack } from '../lib/packs/schema';
import { ensureTrainingTools, TOOLS_DIR } from '../scripts/ensure-tools';
import type { Ranker } from './matching/scoring';
import type { BenchContext } from './types';

export interface Snippet {
  text: string;
  language: PostLanguage;
}

export interface SnippetSet {
  id: string;
  title: string;
  snippets: Snippet[];
}

export interface Comparator {
  name: string;
  detect(text: string): DetectedLanguage;
}

/** tools/language-training/bench/language.ts */
export interface LanguageTools {
  /** Held-out snippets from the test half of the training corpus. */
  buildSnippetSets(): Promise<SnippetSet[]>;
  /** This detector first, then the peers. */
  loadComparators(log: (line: string) => void): Promise<Comparator[]>;
}

/** tools/language-training/bench/bm25-baseline.ts */
export interface Bm25Tools {
  /** Plain BM25: MiniSearch defaults, one document per answer in each language. */
  buildBaseline(pack: Pack): Ranker;
  /** The baseline's leave-one-out ranking of the pack's own examples. */
  baselineLeaveOneOut(pack: Pack): { total: number; top1: number; top3: number };
}

async function loadTool<T>(
  file: string,
  what: string,
  context: BenchContext,
): Promise<T | undefined> {
  if (!context.peers) {
    context.log(`(${what} skipped: --no-peers; it lives in tools/language-training)`);
    return undefined;
  }
  ensureTrainingTools(context.log);
  const url = pathToFileURL(join(TOOLS_DIR, 'bench', file)).href;
  return ((await import(url)) as { default: T }).default;
}

export const loadLanguageTools = (context: BenchContext) =>
  loadTool<LanguageTools>(
    'language.ts',
    'held-out text and peer detectors eld, franc, cld3',
    context,
  );

export const loadBm25Tools = (context: BenchContext) =>
  loadTool<Bm25Tools>('bm25-baseline.ts', 'BM25 baseline (MiniSearch)', context);
