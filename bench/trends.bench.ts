/**
 * Trends and spikes (issue 17, docs/MONITORING.md#trends-and-spikes): the
 * time of `computeTrends` over 100,000 events in 200 groups, 13 languages and
 * every topic over 52 weeks, alone and together with `computeStatistics` on
 * the same events (what a funder report reads). Target: ≤ 500 ms for the
 * report. Median of 7 runs after a warm-up.
 *
 * The false-alarm rates of the spike test are measured by the unit tests
 * (lib/log/trends.test.ts prints them), not here.
 */
import { POST_LANGUAGES } from '../lib/domain/languages';
import { TOPICS } from '../lib/domain/topics';
import type { LogEvent } from '../lib/log/events';
import { computeStatistics } from '../lib/log/stats';
import { computeTrends } from '../lib/log/trends';
import { seededRandom } from '../tests/fixtures/sample-events';
import type { BenchSuite } from './types';
import { percentile } from './types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/**
 * `count` events over 52 weeks from Monday 29 December 2025: posts spread
 * evenly over `groups` groups, every language and topic, 60 % questions;
 * 30 % of posts seen a second time a day later, a third replied to.
 * Deterministic (seeded); the unit test's performance check uses it too.
 */
export function generateTrendEvents(count: number, groups: number, seed = 1): LogEvent[] {
  const random = seededRandom(seed);
  const start = Date.UTC(2025, 11, 29);
  const events: LogEvent[] = [];
  let post = 0;
  while (events.length < count) {
    post += 1;
    const group = post % groups;
    const at = start + Math.floor(random() * 52 * WEEK);
    const common = {
      postKey: `g${group}:p${post}`,
      groupId: `g${group}`,
      groupName: `Group ${group}`,
      language: POST_LANGUAGES[post % POST_LANGUAGES.length] ?? null,
      topic: TOPICS[Math.floor(random() * TOPICS.length)] ?? null,
      isQuestion: random() < 0.6,
      authorHash: null,
      postedAt: at,
      advisor: 'advisor',
      source: 'local' as const,
    };
    events.push({ ...common, id: `e${events.length}`, at, type: 'post-seen' });
    if (random() < 0.3) {
      events.push({ ...common, id: `e${events.length}`, at: at + DAY, type: 'post-seen' });
    }
    if (random() < 0.33) {
      events.push({
        ...common,
        id: `e${events.length}`,
        at: at + HOUR,
        type: 'reply-inserted',
        answerId: 'answer',
        packId: 'default',
        packVersion: '1.0.0',
        replyLanguage: null,
        edited: false,
      });
    }
  }
  return events.slice(0, count);
}

const round = (value: number) => Number(value.toFixed(1));

/**
 * Median wall time of `runs` runs, and the median CPU time of this process
 * beside it: on the shared build machine the wall time also counts the
 * waits for a core, which the CPU time leaves out.
 */
function medianOf(
  runs: number,
  task: () => void,
): { medianMs: number; maxMs: number; cpuMedianMs: number } {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const began = performance.now();
    const usage = process.cpuUsage();
    task();
    const used = process.cpuUsage(usage);
    times.push(performance.now() - began);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    medianMs: round(percentile(times, 50)),
    maxMs: round(times.at(-1) ?? 0),
    cpuMedianMs: round(percentile(cpu, 50)),
  };
}

const suite: BenchSuite = async ({ log }) => {
  const events = generateTrendEvents(100_000, 200);
  const now = events.reduce((latest, event) => Math.max(latest, event.at), 0);
  computeTrends(events, { now }); // warm-up
  computeStatistics(events);

  const trends = computeTrends(events, { now });
  const series = 1 + trends.byTopic.length + trends.byLanguage.length + trends.byGroup.length;
  const shown12 = medianOf(7, () => computeTrends(events, { now }));
  log(
    `computeTrends, 100,000 events, ${trends.byGroup.length} groups, ${series} series, 12 weeks shown + 8 baseline: median ${shown12.medianMs} ms (CPU ${shown12.cpuMedianMs} ms), max ${shown12.maxMs} ms (7 runs)`,
  );
  const shown44 = medianOf(7, () => computeTrends(events, { now, weeks: 44 }));
  log(
    `computeTrends, the same, 44 weeks shown + 8 baseline (the whole year): median ${shown44.medianMs} ms (CPU ${shown44.cpuMedianMs} ms), max ${shown44.maxMs} ms`,
  );
  const report = medianOf(7, () => {
    computeStatistics(events);
    computeTrends(events, { now });
  });
  log(
    `computeStatistics + computeTrends (what a report reads): median ${report.medianMs} ms (CPU ${report.cpuMedianMs} ms), max ${report.maxMs} ms (target ≤ 500 ms)`,
  );
  log(`spikes flagged in the synthetic year (uniform, so none are real): ${trends.spikes.length}`);

  return {
    events: events.length,
    groups: trends.byGroup.length,
    series,
    trends12Weeks: shown12,
    trends44Weeks: shown44,
    statisticsPlusTrends: report,
    spikesInSyntheticLog: trends.spikes.length,
  };
};

export default suite;
