/**
 * The workspace's "questions are rising in this group" hint: its message
 * and what it carries (counts and a topic id, no text).
 */
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema';
import { LIMITS } from '../domain/limits';
import { TOPICS } from '../domain/topics';

/** Most spikes one answer carries (the group's total and its topics, two weeks). */
export const MAX_GROUP_SPIKES = 20;

export const groupSpikeSchema = lazySchema(() =>
  z.object({
    /** The topic whose questions rose; null for the group's questions as a whole. */
    topic: z.nullable(z.enum(TOPICS)),
    /** Monday of the week, `YYYY-MM-DD`. */
    weekStart: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
    count: z.int().check(z.gte(0)),
    /** The questions the weeks before led to expect. */
    expected: z.number().check(z.gte(0)),
  }),
);
export type GroupSpike = z.infer<typeof groupSpikeSchema>;

export const groupSpikesRequestSchema = lazySchema(() =>
  z.object({ groupId: z.string().check(z.minLength(1), z.maxLength(LIMITS.groupId)) }),
);

export const groupSpikesResponseSchema = lazySchema(() =>
  z.object({ spikes: z.array(groupSpikeSchema).check(z.maxLength(MAX_GROUP_SPIKES)) }),
);
