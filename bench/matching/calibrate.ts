/**
 * Diagnostic since issue 12: the shipped constants in
 * lib/matching/calibration.ts now come from bench/matching/calibrate-real.ts
 * (real text). This script still shows how a fit on the pack's own examples
 * alone would look.
 *
 * Fits the relevance model (lib/matching/calibration.ts) on the default
 * pack's example questions (leave-one-out: each is scored with its own
 * document left out) as relevant posts and the off-topic calibration list
 * (bench/matching/off-topic-calibration.ts) as irrelevant ones (bench/matching/fit.ts).
 * Neither the development set nor the evaluation set is read. Prints the
 * constants to paste and how well they separate, including a check that fits
 * on half of the off-topic list and counts how much of the other half passes:
 *   npx tsx bench/matching/calibrate.ts
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLanguageDetector } from '../../lib/language/index';
import { evaluateExamples, summariseExamples } from '../../lib/matching/evaluate';
import { buildMatcher } from '../../lib/matching/matcher';
import { OFF_TOPIC_CALIBRATION } from './off-topic-calibration';
import { parsePack } from '../../lib/packs/parse';
import { capOffTopic, fitCalibration, fitLogistic, logit, passRate } from './fit';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const parsed = parsePack(readFileSync(join(root, 'packs/default-pack.json'), 'utf8'));
if (!parsed.ok) throw new Error('the default pack does not parse');
loadLanguageDetector();

const { calibration, model, outcomes, positives, negatives } = fitCalibration(parsed.pack);
const report = summariseExamples(outcomes);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

// Honesty check: fitted on half of the off-topic list, measured on the other half.
const evenNegatives = negatives.filter((_, i) => i % 2 === 0);
const oddNegatives = negatives.filter((_, i) => i % 2 === 1);
const half = capOffTopic(fitLogistic(positives, evenNegatives), evenNegatives);
console.log(
  `split check: fitted on ${evenNegatives.length} off-topic posts, ${pct(passRate(oddNegatives, half))} of the other ${oddNegatives.length} pass; examples kept ${pct(passRate(positives, half))}`,
);

const round = (x: number) => Math.round(x * 1000) / 1000;
console.log(
  `leave-one-out ranking: top-1 ${pct(report.overall.top1 / report.overall.total)}, top-3 ${pct(report.overall.top3 / report.overall.total)} of ${report.overall.total} examples`,
);
console.log(
  `  per language (top-1/top-3): ${Object.entries(report.perLanguage)
    .map(([language, a]) => `${language} ${pct(a.top1 / a.total)}/${pct(a.top3 / a.total)}`)
    .join(', ')}`,
);
console.log(
  `with the fitted model: examples kept ${pct(passRate(positives, model))}, off-topic list passing ${pct(passRate(negatives, model))} of ${negatives.length}`,
);
console.log(
  `DEFAULT_CALIBRATION = ${JSON.stringify(Object.fromEntries(Object.entries(calibration).map(([k, v]) => [k, round(v)])))}`,
);
const fitted = summariseExamples(
  evaluateExamples(buildMatcher([parsed.pack], { calibration })),
).overall;
console.log(
  `pack test with the fitted model (a suppressed example counts as a miss): top-1 ${pct(fitted.top1 / fitted.total)}, top-3 ${pct(fitted.top3 / fitted.total)}`,
);
if (process.argv.includes('--show-missed')) {
  outcomes.forEach((o, i) => {
    const x = positives[i];
    if (x && logit(x, model) < 0 && i % 7 === 0)
      console.log(`  missed: [${o.topic}] ${o.text} ${JSON.stringify(x.map(round))}`);
  });
}
if (process.argv.includes('--show-passing')) {
  OFF_TOPIC_CALIBRATION.forEach(({ text }, i) => {
    const x = negatives[i];
    if (x && logit(x, model) >= 0) console.log(`  passes: ${text} ${JSON.stringify(x.map(round))}`);
  });
}
