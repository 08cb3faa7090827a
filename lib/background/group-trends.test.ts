import { beforeEach, describe, expect, it } from 'vitest';
import { getDatabase } from '../db/database';
import type { LogEvent } from '../log/events';
import { deleteAllLogData } from '../log/retention';
import { sampleEvent } from '../../tests/fixtures/sample-events';
import { loadGroupSpikes } from './group-trends';

const WEEK = 7 * 86_400_000;
const NOW = Date.parse('2026-12-03T12:00:00Z'); // a Thursday

/** `count` question posts about `topic` in group `groupId`, first seen `weeksAgo` weeks before NOW. */
function questions(groupId: string, topic: string, weeksAgo: number, count: number): LogEvent[] {
  return Array.from({ length: count }, (_, index) => ({
    ...sampleEvent('post-seen', {
      postKey: `${groupId}-${topic}-${weeksAgo}-${index}`,
      groupId,
      groupName: groupId,
      topic: topic as never,
      isQuestion: true,
      at: NOW - weeksAgo * WEEK - index * 60_000,
    }),
    advisor: 'me',
    source: 'local',
  }));
}

beforeEach(async () => {
  await deleteAllLogData(getDatabase());
});

describe('loadGroupSpikes', () => {
  it('names a topic whose questions jumped this week in this group, and no other group', async () => {
    const events = [
      // Eight quiet weeks of two wage questions, then fourteen this week.
      ...[1, 2, 3, 4, 5, 6, 7, 8].flatMap((weeks) => questions('g1', 'unpaid-wages', weeks, 2)),
      ...questions('g1', 'unpaid-wages', 0, 14),
      // Another group's jump is not this group's.
      ...[1, 2, 3, 4, 5, 6, 7, 8].flatMap((weeks) => questions('g2', 'housing', weeks, 1)),
      ...questions('g2', 'housing', 0, 12),
    ];
    await getDatabase().events.bulkAdd(events);
    const spikes = await loadGroupSpikes('g1', NOW);
    expect(spikes.map((spike) => spike.topic)).toContain('unpaid-wages');
    expect(spikes.map((spike) => spike.topic)).not.toContain('housing');
    const wages = spikes.find((spike) => spike.topic === 'unpaid-wages');
    expect(wages).toMatchObject({ count: 14, weekStart: '2026-11-30' });
    expect(wages?.expected).toBeCloseTo(2, 0);
  });

  it('finds nothing in a group whose weeks stay alike', async () => {
    await getDatabase().events.bulkAdd(
      [0, 1, 2, 3, 4, 5, 6, 7, 8].flatMap((weeks) => questions('g1', 'minimum-wage', weeks, 3)),
    );
    expect(await loadGroupSpikes('g1', NOW)).toEqual([]);
  });
});
