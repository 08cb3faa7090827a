/**
 * Tuning aid for lib/matching: scores a weighting of the matcher on the
 * development set (bench/matching/dev-set.json) and on the pack's own
 * examples (leave-one-out), refitting the relevance model for it first, and
 * the BM25 baseline on the development set for comparison. The held-out
 * evaluation set is not read. The baseline (MiniSearch) is loaded from
 * tools/language-training, installed on first use; `--no-peers` leaves it out.
 *   npx tsx bench/matching/tune.ts ['{"example":0.5,...}'] [--misses] [--baseline-loo] [--no-peers]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLanguageDetector } from '../../lib/language/index';
import { summariseExamples } from '../../lib/matching/evaluate';
import { buildMatcher, type MatcherOptions } from '../../lib/matching/matcher';
import { parsePack } from '../../lib/packs/parse';
import { fitCalibration, passRate } from './fit';
import { loadBm25Tools } from '../peers';
import { evaluate, type EvalItem } from './scoring';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const parsed = parsePack(readFileSync(join(root, 'packs/default-pack.json'), 'utf8'));
if (!parsed.ok) throw new Error('the default pack does not parse');
const pack = parsed.pack;
loadLanguageDetector();
const bm25 = await loadBm25Tools({
  log: (line) => console.log(line),
  peers: !process.argv.includes('--no-peers'),
});

const argument = process.argv.slice(2).find((a) => a.startsWith('{'));
const weights = (argument ? JSON.parse(argument) : {}) as MatcherOptions['weights'];
const options: Omit<MatcherOptions, 'calibration'> = weights ? { weights } : {};
const pct = (x: number | null) => (x === null ? '-' : `${(100 * x).toFixed(1)}%`);

const fitted = fitCalibration(pack, options);
const loo = summariseExamples(fitted.outcomes).overall;
console.log(
  `pack leave-one-out: top-1 ${pct(loo.top1 / loo.total)} top-3 ${pct(loo.top3 / loo.total)}; examples kept ${pct(passRate(fitted.positives, fitted.model))}, off-topic list passing ${pct(passRate(fitted.negatives, fitted.model))}`,
);
if (bm25 && process.argv.includes('--baseline-loo')) {
  const b = bm25.baselineLeaveOneOut(pack);
  console.log(
    `BM25 leave-one-out: top-1 ${pct(b.top1 / b.total)} top-3 ${pct(b.top3 / b.total)} of ${b.total}`,
  );
}
const devPath = join(root, 'bench/matching/dev-set.json');
if (existsSync(devPath)) {
  const items = JSON.parse(readFileSync(devPath, 'utf8')) as EvalItem[];
  const matcher = buildMatcher([pack], { ...options, calibration: fitted.calibration });
  const rank = (text: string) => matcher.match({ text }).suggestions.map((s) => s.topic);
  const ours = evaluate(items, rank);
  const base = bm25 ? evaluate(items, bm25.buildBaseline(pack)) : undefined;
  const line = (name: string, r: typeof ours) =>
    `${name}: top-1 ${pct(r.overall.top1)} top-3 ${pct(r.overall.top3)} off-topic suggested ${pct(r.overall.offTopicSuggested)} | ${Object.entries(
      r.perLanguage,
    )
      .map(([l, f]) => `${l} ${Math.round(100 * (f.top1 ?? 0))}`)
      .join(' ')}`;
  console.log(line('dev matcher', ours));
  if (base) console.log(line('dev BM25   ', base));
  if (process.argv.includes('--misses')) {
    for (const item of items) {
      const result = matcher.match({ text: item.text });
      const topics = result.suggestions.map((s) => s.topic);
      if (item.topic === 'off-topic' ? topics.length > 0 : topics[0] !== item.topic) {
        const explained = result.suggestions
          .map((s) => `${s.answerId} ${s.score} (${s.matchedTerms.join(' ')})`)
          .join('; ');
        console.log(`  ${item.id} [${item.topic}] ${result.language} → ${explained || '(none)'}`);
        console.log(`      ${item.text}`);
      }
    }
  }
}
