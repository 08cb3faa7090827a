/**
 * Trends and spikes (docs/MONITORING.md#trends-and-spikes): questions per
 * week per topic, language and group, each against its own recent baseline,
 * with weeks that rise far above it flagged as spikes; and the topics with
 * many questions and few replies in the period shown.
 *
 * Counting follows the statistics (lib/log/stats.ts): a post counts once, in
 * the week it was first seen, with the latest non-empty language, topic,
 * group and question flag any event gave it; a post is replied if it has a
 * reply-inserted or reply-copied event. Only events up to `now` are read, so
 * the trends as of a past day do not change when later events arrive.
 *
 * The spike test, in short (the docs give the reasons and measured rates):
 * the baseline of a week is the mean of the series' previous `baselineWeeks`
 * observed weeks with the highest one set aside, floored at `baselineFloor`;
 * the week is a spike when its count c has an upper tail P(X ≥ c) ≤ `alpha`
 * under Poisson(baseline) — or under a negative binomial with the baseline
 * weeks' variance when they are clearly over-dispersed — AND c ≥ `minCount`
 * AND c ≥ `minRise` × baseline. Tails are summed exactly in log space.
 *
 * Pure and fast: one pass over the events, one over the posts, then one
 * test per series and shown week (a few µs each); `npm run bench -- trends`
 * times 100,000 events over 200 groups against the 500 ms budget.
 */
import { POST_LANGUAGES } from '../domain/languages';
import { TOPICS } from '../domain/topics';
import type { LogEvent, LogEventType } from './events';
import { REPLY_EVENT_TYPES } from './events';
import type { PostFacts, UnderservedTopic } from './post-facts';
import { foldPostFacts, underservedTopics } from './post-facts';
import type { BreakdownRow, StatisticsOptions } from './stats';
import { weekStartOf } from './stats';

const WEEK_MS = 7 * 86_400_000;

// ---------------------------------------------------------------------------
// Exact tails of the Poisson and negative-binomial distributions
// ---------------------------------------------------------------------------

/** Lanczos coefficients (g = 7, n = 9); relative error below 1e-14 for x > 0. */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0. */
function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0] as number;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] as number) / (z + i);
  const t = z + 7.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * A count distribution as the tail sums need it: ln P(X = k), and the ratio
 * P(X = k + 1) / P(X = k), which lets the sums run by recurrence from one
 * log-space starting term.
 */
interface CountDistribution {
  mean: number;
  logPmf(k: number): number;
  ratio(k: number): number;
}

function poisson(mean: number): CountDistribution {
  const logMean = Math.log(mean);
  return {
    mean,
    logPmf: (k) => k * logMean - mean - logGamma(k + 1),
    ratio: (k) => mean / (k + 1),
  };
}

/** Negative binomial with the given mean and variance (variance > mean): size r = m²/(v − m). */
function negativeBinomial(mean: number, variance: number): CountDistribution {
  const size = (mean * mean) / (variance - mean);
  const q = mean / (size + mean); // = 1 − m/v
  const logQ = Math.log(q);
  const sizeLogP = size * Math.log(size / (size + mean));
  const logGammaSize = logGamma(size);
  return {
    mean,
    logPmf: (k) => logGamma(k + size) - logGammaSize - logGamma(k + 1) + sizeLogP + k * logQ,
    ratio: (k) => ((k + size) / (k + 1)) * q,
  };
}

/** Terms smaller than this share of the running sum no longer change it. */
const NEGLIGIBLE = 1e-17;
/** Enough terms for any tail the baselines here produce; a guard, never reached in practice. */
const MAX_TERMS = 1_000_000;

/**
 * P(X ≥ k), exactly up to rounding: above the mean, the upper terms summed
 * upward from P(X = k) (computed in log space) by recurrence until they no
 * longer count; at or below the mean, 1 − P(X < k) with the lower terms
 * summed downward the same way. Either way only small terms are added to a
 * sum they cannot swamp, and no normal approximation is involved.
 */
function upperTail(distribution: CountDistribution, k: number): number {
  if (k <= 0) return 1;
  const { mean, ratio } = distribution;
  if (k > mean) {
    let term = Math.exp(distribution.logPmf(k));
    let sum = term;
    for (let i = k, n = 0; term > sum * NEGLIGIBLE && n < MAX_TERMS; i++, n++) {
      term *= ratio(i);
      sum += term;
    }
    return Math.min(1, sum);
  }
  let term = Math.exp(distribution.logPmf(k - 1));
  let lower = term;
  for (let i = k - 1; i > 0 && term > lower * NEGLIGIBLE; i--) {
    term /= ratio(i - 1);
    lower += term;
  }
  return Math.max(0, 1 - lower);
}

/**
 * Smallest k ≥ 0 with P(X ≥ k) ≤ alpha. Walks from the mean by the
 * recurrence (P(X ≥ k + 1) = P(X ≥ k) − P(X = k)), which is cheap, then
 * settles the last step on exact tails, so the threshold always agrees with
 * the p-values the same tail function gives.
 */
function smallestCountAtLevel(distribution: CountDistribution, alpha: number): number {
  const { ratio } = distribution;
  let k = Math.max(1, Math.ceil(distribution.mean));
  let tail = upperTail(distribution, k);
  let term = Math.exp(distribution.logPmf(k)); // P(X = k)
  if (tail > alpha) {
    for (let n = 0; tail > alpha && term > 0 && n < MAX_TERMS; n++) {
      tail -= term;
      term *= ratio(k);
      k += 1;
    }
  } else {
    while (k > 0) {
      const below = term / ratio(k - 1); // P(X = k − 1)
      if (tail + below > alpha) break;
      tail += below;
      term = below;
      k -= 1;
    }
  }
  // Rounding in the walk can leave k one off where a tail is within an ulp of alpha.
  while (upperTail(distribution, k) > alpha) k += 1;
  while (k > 0 && upperTail(distribution, k - 1) <= alpha) k -= 1;
  return k;
}

function checkMean(mean: number): void {
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new RangeError(`mean must be ≥ 0, got ${mean}`);
}

/** P(X ≥ k) for X ~ Poisson(mean), summed exactly in log space. */
export function poissonUpperTail(k: number, mean: number): number {
  checkMean(mean);
  if (k <= 0) return 1;
  if (mean === 0) return 0;
  return upperTail(poisson(mean), Math.ceil(k));
}

/**
 * P(X ≥ k) for a negative binomial X with this mean and variance (the
 * over-dispersed Poisson); a variance at or below the mean gives the Poisson tail.
 */
export function negativeBinomialUpperTail(k: number, mean: number, variance: number): number {
  checkMean(mean);
  if (!(variance > mean)) return poissonUpperTail(k, mean);
  if (k <= 0) return 1;
  if (mean === 0) return 0;
  return upperTail(negativeBinomial(mean, variance), Math.ceil(k));
}

/**
 * The smallest count whose upper tail under Poisson(baselineMean) — or the
 * negative binomial with `variance`, when that is above the mean — is at most
 * `alpha`: the statistical part of the spike threshold (the guards on the
 * absolute count and the rise come on top, see `assessWeek`).
 */
export function spikeThreshold(baselineMean: number, alpha: number, variance?: number): number {
  checkMean(baselineMean);
  if (!(alpha > 0 && alpha < 0.5)) throw new RangeError(`alpha must be in (0, 0.5), got ${alpha}`);
  if (baselineMean === 0) return 1;
  const distribution =
    variance !== undefined && variance > baselineMean
      ? negativeBinomial(baselineMean, variance)
      : poisson(baselineMean);
  return smallestCountAtLevel(distribution, alpha);
}

// ---------------------------------------------------------------------------
// One week against its baseline
// ---------------------------------------------------------------------------

export interface SpikeSettings {
  /** One-sided level of the tail test per series and week. */
  alpha: number;
  /** A spike needs at least this many questions in the week. */
  minCount: number;
  /** …and at least this multiple of the baseline. */
  minRise: number;
  /** The baseline is never taken as lower than this (a series of zeros still has a rate). */
  baselineFloor: number;
  /** Fewer observed baseline weeks than this: the week is not tested. */
  minBaselineWeeks: number;
  /**
   * Level of the over-dispersion check: the negative binomial replaces the
   * Poisson when the baseline weeks' dispersion index exceeds this quantile
   * of χ²(n − 1); 1 switches the negative binomial off.
   */
  dispersionLevel: number;
}

/**
 * The defaults and why (measured in trends.test.ts, docs/MONITORING.md#trends-and-spikes):
 * α = 1e-4 keeps false alarms at about 0.05 or fewer per series and 52 quiet weeks,
 * so the ~250 series of a 200-group dashboard raise a handful a year rather
 * than one a week; the count and rise guards keep small numbers (0 → 2) and
 * statistically significant but small rises of big series quiet; the
 * negative binomial takes over when the baseline weeks' dispersion index is
 * above its 90th Poisson percentile, which cuts the false alarms of bursty
 * series by 40–75 % at a small loss of sensitivity on Poisson ones.
 */
export const DEFAULT_SPIKE_SETTINGS: Readonly<SpikeSettings> = Object.freeze({
  alpha: 1e-4,
  minCount: 5,
  minRise: 1.5,
  baselineFloor: 0.5,
  minBaselineWeeks: 4,
  dispersionLevel: 0.9,
});

export type SpikeModel = 'poisson' | 'negative-binomial';

export type WeekAssessment =
  | { tested: false; baseline: null; threshold: null; pValue: null; model: null; spike: false }
  | {
      tested: true;
      /** The expected count: the trimmed baseline mean, floored. */
      baseline: number;
      /** The smallest count that would have been flagged this week. */
      threshold: number;
      /** P(X ≥ count) under the model. */
      pValue: number;
      model: SpikeModel;
      spike: boolean;
    };

const NOT_TESTED: WeekAssessment = Object.freeze({
  tested: false,
  baseline: null,
  threshold: null,
  pValue: null,
  model: null,
  spike: false,
});

/** The standard normal quantile for p in [0.5, 1) (Acklam's approximation, relative error < 1.2e-9). */
function normalQuantile(p: number): number {
  if (!(p >= 0.5 && p < 1)) throw new RangeError(`dispersion level must be in [0.5, 1], got ${p}`);
  if (p <= 0.97575) {
    const q = p - 0.5;
    const r = q * q;
    return (
      ((((((-39.69683028665376 * r + 220.9460984245205) * r - 275.9285104469687) * r +
        138.357751867269) *
        r -
        30.66479806614716) *
        r +
        2.506628277459239) *
        q) /
      (((((-54.47609879822406 * r + 161.5858368580409) * r - 155.6989798598866) * r +
        66.80131188771972) *
        r -
        13.28068155288572) *
        r +
        1)
    );
  }
  const q = Math.sqrt(-2 * Math.log(1 - p));
  return (
    -(
      ((((-0.007784894002430293 * q - 0.3223964580411365) * q - 2.400758277161838) * q -
        2.549732539343734) *
        q +
        4.374664141464968) *
        q +
      2.938163982698783
    ) /
    ((((0.007784695709041462 * q + 0.3224671290700398) * q + 2.445134137142996) * q +
      3.754408661907416) *
      q +
      1)
  );
}

/** The p-quantile of χ²(df), Wilson–Hilferty: within 1.3 % of the exact one for df ≥ 2, p 0.5–0.99. */
function chiSquareQuantile(p: number, df: number): number {
  if (p === 1) return Infinity; // the check switched off
  const h = 2 / (9 * df);
  return df * (1 - h + normalQuantile(p) * Math.sqrt(h)) ** 3;
}

/**
 * Tests one week's count against the counts of its observed baseline weeks
 * (oldest first; weeks nobody looked at left out by the caller).
 *
 * Baseline: the mean of those weeks without the single highest one (when
 * there are at least four), so one earlier spike does not hide the next;
 * floored at `baselineFloor`. Model: Poisson, or the negative binomial with
 * the same weeks' sample variance when their dispersion index
 * (n − 1)·s²/mean exceeds the `dispersionLevel` quantile of χ²(n − 1) and the
 * mean is at least 1. Spike: P(X ≥ count) ≤ alpha, count ≥ minCount and
 * count ≥ minRise × baseline; `threshold` is the smallest such count.
 */
export function assessWeek(
  baselineCounts: readonly number[],
  count: number,
  settings: SpikeSettings = DEFAULT_SPIKE_SETTINGS,
): WeekAssessment {
  const n = baselineCounts.length;
  if (n < Math.max(1, settings.minBaselineWeeks)) return NOT_TESTED;
  let sum = 0;
  let highest = -Infinity;
  for (const value of baselineCounts) {
    sum += value;
    if (value > highest) highest = value;
  }
  const used = n >= 4 ? n - 1 : n;
  if (used < n) sum -= highest;
  const mean = sum / used;
  let variance = 0;
  if (used >= 3) {
    let squares = 0;
    let skipped = used === n;
    for (const value of baselineCounts) {
      if (!skipped && value === highest) {
        skipped = true;
        continue;
      }
      squares += (value - mean) ** 2;
    }
    variance = squares / (used - 1);
  }
  const overDispersed =
    used >= 3 &&
    mean >= 1 &&
    ((used - 1) * variance) / mean > chiSquareQuantile(settings.dispersionLevel, used - 1);
  const baseline = Math.max(mean, settings.baselineFloor);
  const model: SpikeModel = overDispersed ? 'negative-binomial' : 'poisson';
  const statistical = spikeThreshold(
    baseline,
    settings.alpha,
    overDispersed ? variance : undefined,
  );
  const threshold = Math.max(
    statistical,
    settings.minCount,
    // A hair below, so 1.5 × 20 asks for 30 and not 31 through rounding.
    Math.ceil(settings.minRise * baseline - 1e-9),
  );
  const pValue = overDispersed
    ? negativeBinomialUpperTail(count, baseline, variance)
    : poissonUpperTail(count, baseline);
  return { tested: true, baseline, threshold, pValue, model, spike: count >= threshold };
}

// ---------------------------------------------------------------------------
// Series and spikes over the log
// ---------------------------------------------------------------------------

export type TrendSeriesKind = 'total' | 'topic' | 'language' | 'group';

export interface TrendPoint {
  /** Monday of the ISO week (UTC), `YYYY-MM-DD`. */
  weekStart: string;
  count: number;
  /** False for series that are shown but never tested, and for weeks with too little history. */
  tested: boolean;
  baseline: number | null;
  threshold: number | null;
  pValue: number | null;
  model: SpikeModel | null;
  spike: boolean;
}

export interface TrendSeries {
  kind: TrendSeriesKind;
  key: string;
  /** The group's latest name for groups; the key otherwise (the UI names topics and languages). */
  label: string;
  /**
   * Whether spikes are looked for: not for `unknown` topics, groups and
   * languages (`und`), nor for `off-topic` — they are shown, not monitored.
   */
  monitored: boolean;
  /** Questions per week over all of `Trends.weekStarts` (baseline weeks first), zeros included. */
  counts: number[];
  /** Questions in the shown weeks. */
  shownTotal: number;
  /** One point per shown week. */
  points: TrendPoint[];
}

export interface Spike {
  kind: TrendSeriesKind;
  key: string;
  label: string;
  weekStart: string;
  count: number;
  /** The expected count. */
  baseline: number;
  /** The smallest count that would have been flagged. */
  threshold: number;
  pValue: number;
  model: SpikeModel;
}

export interface Trends {
  /** Every week of the series, the baseline weeks before the shown ones first. */
  weekStarts: string[];
  /** Index of the first shown week in `weekStarts` (= baselineWeeks). */
  shownFrom: number;
  /**
   * Whether the log has any event in the week: weeks without one (before the
   * log starts, holidays) are left out of baselines instead of counting as zero.
   */
  observed: boolean[];
  total: TrendSeries;
  byTopic: TrendSeries[];
  byLanguage: TrendSeries[];
  byGroup: TrendSeries[];
  /** Newest week first, then the most surprising. */
  spikes: Spike[];
  /** Many questions, few replies, among the posts first seen in the shown weeks. */
  underserved: UnderservedTopic[];
  settings: SpikeSettings & { weeks: number; baselineWeeks: number; now: number };
}

export interface TrendOptions extends Partial<SpikeSettings>, StatisticsOptions {
  /** The moment the trends are computed for; later events are ignored. */
  now: number;
  /** Weeks shown, the current (partial) week last. */
  weeks?: number;
  /** Weeks before each week that form its baseline. */
  baselineWeeks?: number;
}

const REPLY_TYPES: ReadonlySet<LogEventType> = new Set(REPLY_EVENT_TYPES);
/** Buckets that are shown but not monitored: no topic, off-topic, no language, no group. */
const UNMONITORED: Record<TrendSeriesKind, readonly string[]> = {
  total: [],
  topic: ['unknown', 'off-topic'],
  language: ['und'],
  group: ['unknown'],
};
const KIND_ORDER: Record<TrendSeriesKind, number> = { total: 0, topic: 1, language: 2, group: 3 };

interface PostState extends PostFacts {
  replied: boolean;
}

function checkInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
}

export function computeTrends(events: readonly LogEvent[], options: TrendOptions): Trends {
  const { now } = options;
  const weeks = options.weeks ?? 12;
  const baselineWeeks = options.baselineWeeks ?? 8;
  const settings: SpikeSettings = {
    alpha: options.alpha ?? DEFAULT_SPIKE_SETTINGS.alpha,
    minCount: options.minCount ?? DEFAULT_SPIKE_SETTINGS.minCount,
    minRise: options.minRise ?? DEFAULT_SPIKE_SETTINGS.minRise,
    baselineFloor: options.baselineFloor ?? DEFAULT_SPIKE_SETTINGS.baselineFloor,
    minBaselineWeeks:
      options.minBaselineWeeks ?? Math.min(DEFAULT_SPIKE_SETTINGS.minBaselineWeeks, baselineWeeks),
    dispersionLevel: options.dispersionLevel ?? DEFAULT_SPIKE_SETTINGS.dispersionLevel,
  };
  if (!Number.isFinite(now)) throw new RangeError('now must be a time in ms');
  checkInteger('weeks', weeks, 1, 520);
  checkInteger('baselineWeeks', baselineWeeks, 1, 520);
  checkInteger('minBaselineWeeks', settings.minBaselineWeeks, 1, baselineWeeks);

  const totalWeeks = baselineWeeks + weeks;
  const windowStart = Date.parse(weekStartOf(now)) - (totalWeeks - 1) * WEEK_MS;
  const weekStarts = Array.from({ length: totalWeeks }, (_, index) =>
    weekStartOf(windowStart + index * WEEK_MS),
  );
  const weekIndex = (at: number) => Math.floor((at - windowStart) / WEEK_MS);

  // Pass 1, the events: fold posts and note the weeks the log covers.
  const posts = new Map<string, PostState>();
  const observed = new Array<boolean>(totalWeeks).fill(false);
  for (const event of events) {
    const at = event.at;
    if (at > now) continue;
    // Old handled/referred records differ from what they stand for only in
    // type and outcome, which the trends do not read: no upgradeLegacyEvent needed.
    let post = posts.get(event.postKey);
    if (post === undefined) {
      post = {
        firstAt: at,
        lastInfoAt: -1,
        language: null,
        topic: null,
        groupId: null,
        groupName: null,
        isQuestion: null,
        replied: false,
      };
      posts.set(event.postKey, post);
    }
    foldPostFacts(post, event);
    if (REPLY_TYPES.has(event.type)) post.replied = true;
    const index = weekIndex(at);
    if (index >= 0) observed[index] = true;
  }

  // Pass 2, the posts: questions into the weekly series; topic rows of the
  // shown weeks for the underserved table; the groups' first sighting and
  // latest name, taken from their posts rather than from every event (a
  // post hardly ever changes group, and it saves a lookup per event).
  const total = new Array<number>(totalWeeks).fill(0);
  const byTopic = new Map<string, number[]>(TOPICS.map((topic) => [topic, zeros(totalWeeks)]));
  const byLanguage = new Map<string, number[]>(
    POST_LANGUAGES.map((language) => [language, zeros(totalWeeks)]),
  );
  const byGroup = new Map<string, number[]>();
  const topicRows = new Map<string, BreakdownRow>();
  const seriesOf = (table: Map<string, number[]>, key: string) => {
    let counts = table.get(key);
    if (counts === undefined) table.set(key, (counts = zeros(totalWeeks)));
    return counts;
  };
  const groups = new Map<string, { firstAt: number; nameAt: number; name: string | null }>();
  for (const post of posts.values()) {
    if (post.groupId !== null) {
      const group = groups.get(post.groupId);
      if (group === undefined) {
        groups.set(post.groupId, {
          firstAt: post.firstAt,
          nameAt: post.lastInfoAt,
          name: post.groupName,
        });
      } else {
        if (post.firstAt < group.firstAt) group.firstAt = post.firstAt;
        if (post.groupName !== null && (post.lastInfoAt >= group.nameAt || group.name === null)) {
          group.name = post.groupName;
          group.nameAt = post.lastInfoAt;
        }
      }
    }
    const index = weekIndex(post.firstAt);
    if (index < 0) continue; // first seen before the window: counted in an earlier week
    const topic = post.topic ?? 'unknown';
    if (index >= baselineWeeks) {
      let row = topicRows.get(topic);
      if (row === undefined) {
        row = { key: topic, label: topic, posts: 0, questions: 0, replied: 0 };
        topicRows.set(topic, row);
      }
      row.posts += 1;
      if (post.isQuestion) row.questions += 1;
      if (post.replied) row.replied += 1;
    }
    if (!post.isQuestion) continue;
    total[index] = (total[index] as number) + 1;
    const topicCounts = seriesOf(byTopic, topic);
    topicCounts[index] = (topicCounts[index] as number) + 1;
    const languageCounts = seriesOf(byLanguage, post.language ?? 'und');
    languageCounts[index] = (languageCounts[index] as number) + 1;
    const groupCounts = seriesOf(byGroup, post.groupId ?? 'unknown');
    groupCounts[index] = (groupCounts[index] as number) + 1;
  }

  // Spike tests, week by week, each against its own observed baseline weeks.
  const spikes: Spike[] = [];
  const buildSeries = (
    kind: TrendSeriesKind,
    key: string,
    label: string,
    counts: number[],
    observedFrom: number,
  ): TrendSeries => {
    const monitored = !UNMONITORED[kind].includes(key);
    const points: TrendPoint[] = [];
    let shownTotal = 0;
    for (let index = baselineWeeks; index < totalWeeks; index++) {
      const count = counts[index] as number;
      shownTotal += count;
      const weekStart = weekStarts[index] as string;
      if (!monitored) {
        points.push({ weekStart, count, ...NOT_TESTED });
        continue;
      }
      const history: number[] = [];
      for (let before = Math.max(index - baselineWeeks, observedFrom); before < index; before++) {
        if (observed[before]) history.push(counts[before] as number);
      }
      const assessment = assessWeek(history, count, settings);
      points.push({ weekStart, count, ...assessment });
      if (assessment.spike) {
        const { baseline, threshold, pValue, model } = assessment;
        spikes.push({ kind, key, label, weekStart, count, baseline, threshold, pValue, model });
      }
    }
    return { kind, key, label, monitored, counts, shownTotal, points };
  };

  const totalSeries = buildSeries('total', 'total', 'total', total, 0);
  const topicSeries = [...byTopic].map(([key, counts]) =>
    buildSeries('topic', key, key, counts, 0),
  );
  const languageSeries = [...byLanguage].map(([key, counts]) =>
    buildSeries('language', key, key, counts, 0),
  );
  const groupSeries = [...byGroup]
    .map(([key, counts]) => {
      const group = groups.get(key);
      // Weeks before the group was first seen tell nothing about it: a group
      // the team has just started reading is not one whose questions jumped.
      const observedFrom = group === undefined ? 0 : Math.max(0, weekIndex(group.firstAt));
      return buildSeries('group', key, group?.name ?? key, counts, observedFrom);
    })
    .sort(
      (a, b) =>
        b.shownTotal - a.shownTotal ||
        Number(a.key === 'unknown') - Number(b.key === 'unknown') ||
        a.key.localeCompare(b.key),
    );

  spikes.sort(
    (a, b) =>
      b.weekStart.localeCompare(a.weekStart) ||
      a.pValue - b.pValue ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      a.key.localeCompare(b.key),
  );

  return {
    weekStarts,
    shownFrom: baselineWeeks,
    observed,
    total: totalSeries,
    byTopic: topicSeries.filter((series) => series.key !== 'unknown' || hasAny(series.counts)),
    byLanguage: languageSeries,
    byGroup: groupSeries,
    spikes,
    underserved: underservedTopics(topicRows.values(), options),
    settings: { ...settings, weeks, baselineWeeks, now },
  };
}

function zeros(length: number): number[] {
  return new Array<number>(length).fill(0);
}

function hasAny(counts: readonly number[]): boolean {
  return counts.some((count) => count > 0);
}
