/**
 * Fits the relevance model (lib/matching/calibration.ts) on real text: the
 * on-topic posts of the real-text TUNING half and of the development set as
 * relevant, the tuning half's off-topic posts, the off-topic calibration list
 * and the development set's off-topic posts as irrelevant (bench/matching/fit.ts
 * logistic regression, both classes weighted equally). The test half is never
 * read.
 *
 * The classifier learns from the same posts, so each post's features come
 * from a cross-validated matcher whose classifier never saw the post or its
 * site (classifier-training.ts); otherwise the fit would trust a classifier
 * that merely remembers. `--pack-only` fits the same model for a matcher
 * without the classifier, for comparison (PACK_ONLY_CALIBRATION in the
 * matcher stays as fitted on the first round's tuning half).
 *
 * Prints the constants to paste and, for the fitted model, the share of
 * posts that get a suggestion at each bias shift. The shift is chosen by the
 * rule of issue 12: the largest at which at most 10% of the tuning half's
 * real off-topic posts get a suggestion (its on-topic target, at most 10%
 * without one, is not reached at the same shift; BENCHMARKS.md).
 *   npx tsx bench/matching/calibrate-real.ts [--pack-only] [--step 0.1]
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLanguageDetector } from '../../lib/language/index';
import { buildMatcher, type MatcherInternals } from '../../lib/matching/matcher';
import { parsePack } from '../../lib/packs/parse';
import { crossValidatedMatchers, trainingSamples } from './classifier-training';
import { fitLogistic, logit, PERMISSIVE, toCalibration, vectorOf } from './fit';
import { OFF_TOPIC_CALIBRATION } from './off-topic-calibration';
import { readTuningHalf } from './real-texts';
import type { EvalItem } from './scoring';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const parsed = parsePack(readFileSync(join(root, 'packs/default-pack.json'), 'utf8'));
if (!parsed.ok) throw new Error('the default pack does not parse');
loadLanguageDetector();

const tuning = readTuningHalf();
let matcherFor: (group: string) => MatcherInternals;
if (process.argv.includes('--pack-only')) {
  const matcher = buildMatcher([parsed.pack], { calibration: PERMISSIVE });
  matcherFor = () => matcher;
} else {
  const samples = trainingSamples(parsed.pack, root, tuning);
  matcherFor = crossValidatedMatchers(parsed.pack, samples, {
    calibration: PERMISSIVE,
  }).matcherFor;
}
const features = (text: string, group: string) =>
  vectorOf(matcherFor(group).matchExcluding({ text }, undefined, new Set()).features);
const dev = JSON.parse(
  readFileSync(join(root, 'bench/matching/dev-set.json'), 'utf8'),
) as EvalItem[];
const real = (on: boolean) =>
  tuning
    .filter((r) => (r.topic !== 'off-topic') === on)
    .map((r) => features(r.text, `site:${r.site}`));
const devPosts = (on: boolean) =>
  dev.filter((r) => (r.topic !== 'off-topic') === on).map((r) => features(r.text, `dev:${r.id}`));
const realOn = real(true);
const realOff = real(false);
const devOn = devPosts(true);
const devOff = devPosts(false);
const listOff = OFF_TOPIC_CALIBRATION.map(({ text }, i) => features(text, `list:${i}`));

const model = fitLogistic([...realOn, ...realOn, ...devOn], [...realOff, ...listOff, ...devOff]);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const rate = (xs: number[][], shift: number) =>
  xs.filter((x) => logit(x, model) + shift >= 0).length / Math.max(1, xs.length);
console.log(
  `relevant: ${realOn.length} real tuning + ${devOn.length} development; irrelevant: ${realOff.length} real tuning + ${listOff.length} list + ${devOff.length} development`,
);
console.log('bias shift | real on-topic passing | real off-topic | list off-topic | dev off-topic');
// --step 0.1: a finer table of shifts.
const stepAt = process.argv.indexOf('--step');
const step = stepAt > 0 ? Number(process.argv[stepAt + 1]) || 0.5 : 0.5;
for (let shift = -5; shift <= 3.001; shift += step) {
  console.log(
    `${shift.toFixed(1).padStart(10)} | ${pct(rate(realOn, shift)).padStart(21)} | ${pct(rate(realOff, shift)).padStart(14)} | ${pct(rate(listOff, shift)).padStart(14)} | ${pct(rate(devOff, shift)).padStart(13)}`,
  );
}
const round = (x: number) => Math.round(x * 1000) / 1000;
console.log(
  `calibration (shift 0) = ${JSON.stringify(Object.fromEntries(Object.entries(toCalibration(model)).map(([k, v]) => [k, round(v)])))}`,
);
