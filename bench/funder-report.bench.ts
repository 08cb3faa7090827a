/**
 * Funder report benchmark (issue 17): `buildFunderReport` over 100,000
 * events in 200 groups with a full register (member counts, sectors), with
 * complementary suppression at the default threshold. Budget: 500 ms.
 * Median of 7 runs after one warm-up; figures only, never a pass or fail.
 */
import { GROUP_SECTORS } from '../lib/groups/register';
import type { GroupRegisterEntry } from '../lib/groups/register';
import { buildFunderReport, DEFAULT_MIN_COUNT, periodFor } from '../lib/log/funder-report';
import { generateEvents } from '../tests/fixtures/sample-events';
import type { BenchSuite } from './types';
import { percentile } from './types';

const suite: BenchSuite = async ({ log }) => {
  const quarter = periodFor('2026-Q3');
  const start = Date.UTC(2026, 6, 1);
  const groupId = (n: number) => `h:${n.toString(16).padStart(8, '0')}`;
  // Groups per post (not per event), so a post stays in one group.
  const events = generateEvents(100_000, 17, start).map((event) => {
    const n = Number(/(\d+)$/.exec(event.postKey.split('-').at(-1) ?? '0')?.[1] ?? 0) % 200;
    return { ...event, groupId: groupId(n), groupName: `Group ${n}` };
  });
  const groups: GroupRegisterEntry[] = Array.from({ length: 200 }, (_, n) => ({
    platform: 'facebook',
    groupId: groupId(n),
    name: `Group ${n}`,
    memberCount: 500 + n * 37,
    memberCountAt: start + n * 3_600_000,
    sector: GROUP_SECTORS[n % GROUP_SECTORS.length] ?? null,
    notes: '',
    worksHere: true,
    firstSeenAt: start,
    lastSeenAt: start,
  }));
  const input = {
    events,
    groups,
    from: quarter.from,
    to: quarter.to,
    minCount: DEFAULT_MIN_COUNT,
  };
  buildFunderReport(input);
  const times: number[] = [];
  let suppressed = 0;
  for (let run = 0; run < 7; run += 1) {
    const began = performance.now();
    suppressed = buildFunderReport(input).suppressed.length;
    times.push(performance.now() - began);
  }
  times.sort((a, b) => a - b);
  const median = percentile(times, 50);
  log(
    `funder report, 100,000 events, 200 groups: median ${median.toFixed(0)} ms (slowest ${times.at(-1)?.toFixed(0)} ms), ${suppressed} cells hidden; budget 500 ms`,
  );
  return {
    events: events.length,
    groups: groups.length,
    medianMs: Math.round(median),
    slowestMs: Math.round(times.at(-1) ?? 0),
    suppressedCells: suppressed,
  };
};

export default suite;
