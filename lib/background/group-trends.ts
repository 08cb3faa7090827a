/**
 * Spikes in one group, for the workspace's hint (docs/MONITORING.md#trends-and-spikes):
 * the trends of the group's own questions, in total and per topic, over the
 * current and the previous week against the eight weeks before. Computed on
 * request from the log's recent events only, so the service worker does no
 * monitoring work at start-up or in the background.
 */
import { getDatabase } from '../db/database';
import { isTopic } from '../domain/topics';
import { computeTrends } from '../log/trends';
import type { GroupSpike } from '../log/group-spikes';

const WEEK_MS = 7 * 86_400_000;
const SHOWN_WEEKS = 2;
const BASELINE_WEEKS = 8;

export async function loadGroupSpikes(groupId: string, now = Date.now()): Promise<GroupSpike[]> {
  // One more week than the window: a post first seen just before it counts before it.
  const from = now - (SHOWN_WEEKS + BASELINE_WEEKS + 1) * WEEK_MS;
  const events = await getDatabase()
    .events.where('at')
    .between(from, now, true, true)
    .filter((event) => event.groupId === groupId)
    .toArray();
  const trends = computeTrends(events, { now, weeks: SHOWN_WEEKS, baselineWeeks: BASELINE_WEEKS });
  return trends.spikes
    .filter((spike) => spike.kind === 'total' || (spike.kind === 'topic' && isTopic(spike.key)))
    .map((spike) => ({
      topic: spike.kind === 'topic' && isTopic(spike.key) ? spike.key : null,
      weekStart: spike.weekStart,
      count: spike.count,
      expected: Math.round(spike.baseline * 10) / 10,
    }));
}
