/**
 * The messages extension pages send the background about team sync
 * (registered in lib/messaging/protocol.ts). The background owns sharing, so
 * a "Share now" and the schedule never build two batches at once.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema';
import { LIMITS } from '../domain/limits';
import { TEAM_SYNC_ERROR_CODES } from './error-codes';

/** Most post keys one lookup answers (the workspace shows far fewer). */
export const MAX_MARK_LOOKUP = 200;
/** Most marks one answer carries (newest first): 20 colleagues per post at the most keys. */
export const MAX_MARKS_ANSWER = MAX_MARK_LOOKUP * 20;

export const teamShareResponseSchema = lazySchema(() =>
  z.union([
    z.object({
      ok: z.literal(true),
      sharedEvents: z.int().check(z.gte(0)),
      batches: z.int().check(z.gte(0)),
      remaining: z.int().check(z.gte(0)),
    }),
    z.object({
      ok: z.literal(false),
      message: z.string().check(z.maxLength(1000)),
      /** The client's error code, so the dashboard can say it in the interface language. */
      code: z.optional(z.enum(TEAM_SYNC_ERROR_CODES)),
    }),
  ]),
);
export type TeamShareResponse = z.infer<typeof teamShareResponseSchema>;

/** The popup's line: only what it shows, so the popup never opens the database. */
export const teamShareStatusSchema = lazySchema(() =>
  z.object({
    /** Connected with the advisor role (only then is there anything to share). */
    advisor: z.boolean(),
    unshared: z.int().check(z.gte(0)),
    lastPushFailed: z.boolean(),
  }),
);
export type TeamShareStatus = z.infer<typeof teamShareStatusSchema>;

export const colleagueMarksRequestSchema = lazySchema(() =>
  z.object({
    postKeys: z
      .array(z.string().check(z.minLength(1), z.maxLength(LIMITS.postKey)))
      .check(z.maxLength(MAX_MARK_LOOKUP)),
  }),
);

export const colleagueMarksResponseSchema = lazySchema(() =>
  z.object({
    marks: z
      .array(
        z.object({
          postKey: z.string().check(z.maxLength(LIMITS.postKey)),
          user: z.string().check(z.maxLength(100)),
          at: z.number(),
          kind: z.enum(['replied', 'documented']),
        }),
      )
      .check(z.maxLength(MAX_MARKS_ANSWER)),
  }),
);
