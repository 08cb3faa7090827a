/**
 * Fits the relevance calibration (lib/matching/calibration.ts) on the default
 * pack's example questions (leave-one-out) and the off-topic calibration list.
 * The evaluation set is not read. Prints the constants to paste:
 *   npx tsx bench/matching/calibrate.ts
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateExamples } from '../../lib/matching/evaluate';
import { buildMatcher } from '../../lib/matching/matcher';
import { OFF_TOPIC_CALIBRATION } from '../../lib/matching/off-topic-calibration';
import { parsePack } from '../../lib/packs/parse';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const parsed = parsePack(readFileSync(join(root, 'packs/default-pack.json'), 'utf8'));
if (!parsed.ok) throw new Error('the default pack does not parse');
const matcher = buildMatcher([parsed.pack]);

const positives = evaluateExamples(matcher).map((o) => Math.log1p(o.rawTopScore));
const negatives = OFF_TOPIC_CALIBRATION.map(({ text }) =>
  Math.log1p(matcher.matchExcluding({ text }, undefined, new Set()).rawTopScore),
);

/** One-feature logistic regression by gradient descent, classes weighted equally. */
function fit(pos: number[], neg: number[]): { slope: number; midpoint: number } {
  let w = 1;
  let b = 0;
  for (let step = 0; step < 20000; step += 1) {
    let gw = 0;
    let gb = 0;
    for (const [xs, y, weight] of [
      [pos, 1, 1 / pos.length],
      [neg, 0, 1 / neg.length],
    ] as const) {
      for (const x of xs) {
        const p = 1 / (1 + Math.exp(-(w * x + b)));
        gw += weight * (p - y) * x;
        gb += weight * (p - y);
      }
    }
    w -= 0.5 * gw;
    b -= 0.5 * gb;
  }
  return { slope: w, midpoint: -b / w };
}

/*
 * The slope comes from the fit; the midpoint is then set where at most
 * TARGET_OFF_TOPIC of the off-topic list passes, because showing a reply on a
 * post about a sofa costs the advisor more than a missed weak match.
 */
const TARGET_OFF_TOPIC = 0.08;
const fitted = fit(positives, negatives);
const negativesDescending = [...negatives].sort((a, b) => b - a);
const allowed = Math.floor(TARGET_OFF_TOPIC * negatives.length);
const cut = (negativesDescending[allowed] ?? 0) + 1e-6;
const result = { slope: fitted.slope, midpoint: Math.min(fitted.midpoint, cut) };
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const q = (xs: number[], p: number) => sorted(xs)[Math.floor(p * (xs.length - 1))]?.toFixed(2);
console.log(`positives ${positives.length}: p05 ${q(positives, 0.05)} p50 ${q(positives, 0.5)}`);
console.log(
  `negatives ${negatives.length}: p50 ${q(negatives, 0.5)} p90 ${q(negatives, 0.9)} max ${q(negatives, 1)}`,
);
console.log(
  `DEFAULT_CALIBRATION = { slope: ${result.slope.toFixed(3)}, midpoint: ${result.midpoint.toFixed(3)} }`,
);
const missed = positives.filter((x) => x < result.midpoint).length / positives.length;
const passed = negatives.filter((x) => x >= result.midpoint).length / negatives.length;
console.log(
  `at 0.5: examples below ${(missed * 100).toFixed(1)}%, off-topic above ${(passed * 100).toFixed(1)}%`,
);
