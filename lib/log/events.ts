/**
 * Interaction events: what an advisor did with a post, as the content script
 * reports it and the background stores it.
 *
 * Every event has a stable id (a random UUID chosen by the sender), so a
 * batch can be sent again after a lost acknowledgement and the store simply
 * recognises what it already has. Event type ids and outcome ids are stable
 * too: exports, imports, statistics and `cli logs report` rely on them, so
 * never rename one — add new ids at the end.
 *
 * No field may hold a person's name: authors travel only as keyed hashes
 * (64 hex characters), and post text only when the advisor turned it on.
 * `zod/mini` keeps this usable in the content script.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema';
import { POST_LANGUAGES } from '../domain/languages';
import { LIMITS } from '../domain/limits';
import { TOPICS } from '../domain/topics';

export const LOG_EVENT_TYPES = [
  'post-seen',
  'suggestions-shown',
  'reply-inserted',
  'reply-copied',
  'not-relevant',
  'handled',
  'referred',
  'note-added',
  'claim-seen',
  'claim-corrected',
] as const;
export type LogEventType = (typeof LOG_EVENT_TYPES)[number];

/** Outcome categories of the case documentation. */
export const CASE_OUTCOMES = [
  'informed',
  'referred',
  'myth-corrected',
  'escalated',
  'no-action',
] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/**
 * What an escalated case is about (safe handover, docs/PRODUCT.md#safe-handover):
 * documented with outcome `escalated`, counted per kind in the statistics.
 */
export const ESCALATION_KINDS = [
  'exploitation',
  'violence',
  'life-health',
  'homelessness',
] as const;
export type EscalationKind = (typeof ESCALATION_KINDS)[number];

/** Where the answer used in a reply came from. */
export const ANSWER_CHOICE_SOURCES = ['suggestion', 'search'] as const;
export type AnswerChoiceSource = (typeof ANSWER_CHOICE_SOURCES)[number];

/**
 * Event types of the first version's second documentation path ("Handled",
 * "Log referral"). They are still read (old exports), but stored and counted
 * as `note-added`, the one documentation event (docs/ARCHITECTURE.md#log-model).
 */
export const LEGACY_DOCUMENTATION_TYPES: readonly LogEventType[] = ['handled', 'referred'];

/** Event types that count as the advisor having replied to the post. */
export const REPLY_EVENT_TYPES: readonly LogEventType[] = ['reply-inserted', 'reply-copied'];

export const MAX_NOTE_LENGTH = LIMITS.note;
export const MAX_POST_TEXT_LENGTH = LIMITS.postTextStored;
export const MAX_BATCH_SIZE = LIMITS.eventsPerBatch;

const idSchema = lazySchema(() => z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/)));
const shortText = (max: number) => z.string().check(z.maxLength(max));
const timeSchema = lazySchema(() => z.number().check(z.gte(0), z.lte(8.64e15)));
export const authorHashSchema = lazySchema(() => z.string().check(z.regex(/^[0-9a-f]{64}$/)));
export const caseOutcomeSchema = lazySchema(() => z.enum(CASE_OUTCOMES));
export const escalationKindSchema = lazySchema(() => z.enum(ESCALATION_KINDS));
export const logEventTypeSchema = lazySchema(() => z.enum(LOG_EVENT_TYPES));

/** What every event says about the post it concerns. */
const commonShape = () => ({
  id: idSchema,
  /** When it happened (ms since epoch). */
  at: timeSchema,
  /** The adapter's stable key of the post. */
  postKey: shortText(LIMITS.postKey),
  groupId: z.nullable(shortText(LIMITS.groupId)),
  /** A group's public name; never a person's. */
  groupName: z.nullable(shortText(LIMITS.groupName)),
  language: z.nullable(z.enum([...POST_LANGUAGES, 'und'])),
  topic: z.nullable(z.enum(TOPICS)),
  isQuestion: z.nullable(z.boolean()),
  /** Keyed hash of the author's display name (never the name). */
  authorHash: z.nullable(authorHashSchema),
  /** When the post was published, where the page shows it. */
  postedAt: z.nullable(timeSchema),
  /** The post's text; kept only if the advisor enabled it in Settings. */
  postText: z.optional(z.nullable(shortText(MAX_POST_TEXT_LENGTH))),
});

const replyShape = () => ({
  answerId: shortText(LIMITS.answerId),
  packId: shortText(LIMITS.packId),
  packVersion: shortText(LIMITS.packVersion),
  /** The language of the text used, which may differ from the post's. */
  replyLanguage: z.nullable(z.enum(POST_LANGUAGES)),
  /** Whether the advisor changed the checked text before using it. */
  edited: z.boolean(),
  /**
   * How the advisor found the answer: among the suggestions, or by searching
   * the pack because matching missed it (editors' "missed questions" report).
   * Absent in records from before this field: read as `suggestion`.
   */
  chosenVia: z.optional(z.enum(ANSWER_CHOICE_SOURCES)),
});

/**
 * A comment under a post that repeats a known false claim
 * (docs/PRODUCT.md#misinformation-in-comments). The comment itself is never
 * stored: only the content script's key for it (a digest) and the claim.
 */
const claimShape = () => ({
  /** The claim's id in its pack (stable across pack versions). */
  claimId: shortText(LIMITS.answerId),
  /** The content script's key of the comment, a digest; unique under its post. */
  commentKey: shortText(LIMITS.commentKey),
});

export const logEventInputSchema = lazySchema(() =>
  z.discriminatedUnion('type', [
    z.object({ ...commonShape(), type: z.literal('post-seen') }),
    z.object({
      ...commonShape(),
      type: z.literal('suggestions-shown'),
      answerIds: z.array(shortText(LIMITS.answerId)).check(z.maxLength(LIMITS.answerIdsPerEvent)),
    }),
    z.object({ ...commonShape(), ...replyShape(), type: z.literal('reply-inserted') }),
    z.object({ ...commonShape(), ...replyShape(), type: z.literal('reply-copied') }),
    z.object({
      ...commonShape(),
      type: z.literal('not-relevant'),
      /** The suggestion judged irrelevant, or null for the whole post. */
      answerId: z.nullable(shortText(LIMITS.answerId)),
    }),
    z.object({ ...commonShape(), type: z.literal('handled') }),
    z.object({
      ...commonShape(),
      type: z.literal('referred'),
      /** The service referred to (an organisation, not a person). */
      referredTo: shortText(LIMITS.referredTo),
    }),
    z
      .object({
        ...commonShape(),
        type: z.literal('note-added'),
        outcome: caseOutcomeSchema,
        /** A short private note (may be empty); exported only when explicitly chosen. */
        note: shortText(MAX_NOTE_LENGTH),
        /** With outcome `referred`: the service referred to (an organisation, not a person). */
        referredTo: z.optional(z.nullable(shortText(LIMITS.referredTo))),
        /** With outcome `escalated`: what the case is about (absent in notes from before it). */
        escalation: z.optional(z.nullable(escalationKindSchema)),
      })
      .check(
        z.refine((event) => !event.escalation || event.outcome === 'escalated', {
          message: 'an escalation kind belongs only to the outcome "escalated"',
          path: ['escalation'],
        }),
      ),
    /** The content script found a comment repeating a claim (logged once per comment and day). */
    z.object({ ...commonShape(), ...claimShape(), type: z.literal('claim-seen') }),
    /**
     * The advisor replied to that comment with the claim's correction (inserted
     * or copied): the "myth corrected" documentation of that comment.
     */
    z.object({
      ...commonShape(),
      ...replyShape(),
      ...claimShape(),
      type: z.literal('claim-corrected'),
    }),
  ]),
);
export type LogEventInput = z.infer<typeof logEventInputSchema>;

/**
 * What a content script sends: an event, plus the author's display name
 * when it has one. The background replaces the name with its keyed hash
 * before anything is stored; the name is never written anywhere.
 */
export const logEventRequestSchema = lazySchema(() =>
  z.intersection(
    logEventInputSchema,
    z.object({ authorName: z.optional(z.nullable(shortText(LIMITS.authorName))) }),
  ),
);
export type LogEventRequest = z.infer<typeof logEventRequestSchema>;

/** Where a stored event came from: this installation, or an imported export. */
export const EVENT_SOURCES = ['local', 'import'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

/** What the store adds to each event. */
const storedShape = () => ({
  /** The advisor's pseudonym at the time the event was stored. */
  advisor: shortText(100),
  source: z.enum(EVENT_SOURCES),
  /** The import that brought it in (source `import` only). */
  importId: z.optional(shortText(100)),
});

/** A stored event: an input event plus what the store added. */
export const logEventSchema = lazySchema(() =>
  z.intersection(logEventInputSchema, z.object(storedShape())),
);
export type LogEvent = z.infer<typeof logEventSchema>;

/** Fields of an event that name or describe a person or their words. */
export type SensitiveField = 'postText' | 'note' | 'authorHash';

/** A new random event id; the sender keeps it for every retry. */
export function createEventId(): string {
  return crypto.randomUUID();
}

/** An event the background would not store, and why (answered per event). */
export interface RejectedEvent {
  id: string;
  reason: string;
}

/**
 * Checks a batch one event at a time, so one event the schema refuses does
 * not cost the others (security review finding 4). A rejected event is named
 * by its id when it has a usable one; without one the sender cannot match it,
 * and it is reported as `?`.
 */
export function splitEventBatch(raw: readonly unknown[]): {
  valid: LogEventRequest[];
  rejected: RejectedEvent[];
} {
  const valid: LogEventRequest[] = [];
  const rejected: RejectedEvent[] = [];
  for (const item of raw) {
    const parsed = logEventRequestSchema.safeParse(item);
    if (parsed.success) {
      valid.push(parsed.data);
      continue;
    }
    const id =
      item !== null && typeof item === 'object' && 'id' in item && typeof item.id === 'string'
        ? item.id.slice(0, 64)
        : '?';
    const issue = parsed.error.issues[0];
    const reason = issue ? `${issue.path.join('.') || 'event'}: ${issue.message}` : 'invalid';
    rejected.push({ id, reason: reason.slice(0, 200) });
  }
  return { valid, rejected };
}

/**
 * An old `handled` / `referred` event as the one documentation event it
 * stands for: `handled` → outcome `informed`, `referred` → outcome `referred`
 * with its target; the note is empty. Other events come back unchanged.
 * Used by the database upgrade, by imports and by the statistics, so an old
 * record is counted exactly once however it arrives.
 */
export function upgradeLegacyEvent<Event extends { type: LogEventType }>(event: Event): Event {
  if (event.type === 'handled') {
    return { ...event, type: 'note-added', outcome: 'informed', note: '', referredTo: null };
  }
  if (event.type === 'referred') {
    const referredTo = (event as { referredTo?: unknown }).referredTo;
    return {
      ...event,
      type: 'note-added',
      outcome: 'referred',
      note: '',
      referredTo: typeof referredTo === 'string' ? referredTo : null,
    };
  }
  return event;
}
