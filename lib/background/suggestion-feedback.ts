/**
 * The advisor's feedback on suggestions ("not relevant", "used"), kept in
 * `storage.local` under `suggestionFeedback` and owned by the background:
 * content scripts record through `recordSuggestionFeedback`, the dashboard
 * lists and resets through `getSuggestionFeedback` / `resetSuggestionFeedback`.
 *
 * The ranking effect is the matcher's bounded adjustment (lib/matching
 * feedback.ts); this record adds how often each kind happened, so the
 * advisor sees why an answer moved. Writes are serialised in this worker, so
 * two tabs giving feedback at once both count.
 */
import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';
import { applyFeedback, clampAdjustment, feedbackKey, type FeedbackAdjustments } from '../matching';
import type { SuggestionFeedbackKind } from '../suggestions/schema';

export const FEEDBACK_VERSION = 1;
/** More adjusted answers than this and the oldest are forgotten. */
export const MAX_FEEDBACK_ENTRIES = 500;

const countSchema = z.int().check(z.gte(0), z.lte(1_000_000));
export const storedFeedbackEntrySchema = z.object({
  packId: z.string().check(z.maxLength(200)),
  answerId: z.string().check(z.maxLength(200)),
  adjustment: z.number(),
  notRelevant: countSchema,
  used: countSchema,
  updatedAt: z.number(),
});
export type StoredFeedbackEntry = z.infer<typeof storedFeedbackEntrySchema>;

export const storedFeedbackSchema = z.object({
  entries: z.record(z.string(), storedFeedbackEntrySchema),
});
export type StoredFeedback = z.infer<typeof storedFeedbackSchema>;

const EMPTY: StoredFeedback = { entries: {} };

export const feedbackItem = storage.defineItem<StoredFeedback>('local:suggestionFeedback', {
  fallback: EMPTY,
  version: FEEDBACK_VERSION,
  migrations: {},
});

/** Whatever is stored, as valid feedback: entries that do not parse are dropped. */
export function normaliseFeedback(stored: unknown): StoredFeedback {
  const whole = storedFeedbackSchema.safeParse(stored);
  const raw = whole.success
    ? whole.data.entries
    : typeof stored === 'object' && stored !== null && 'entries' in stored
      ? (stored.entries as Record<string, unknown>)
      : {};
  const entries: Record<string, StoredFeedbackEntry> = {};
  for (const value of Object.values(raw ?? {})) {
    const entry = storedFeedbackEntrySchema.safeParse(value);
    if (!entry.success) continue;
    const adjustment = clampAdjustment(entry.data.adjustment);
    entries[feedbackKey(entry.data.packId, entry.data.answerId)] = { ...entry.data, adjustment };
  }
  return { entries };
}

export async function loadFeedback(): Promise<StoredFeedback> {
  return normaliseFeedback(await feedbackItem.getValue());
}

/** The adjustments the matcher takes. */
export function adjustmentsOf(feedback: StoredFeedback): FeedbackAdjustments {
  const adjustments: FeedbackAdjustments = {};
  for (const [key, entry] of Object.entries(feedback.entries)) {
    if (entry.adjustment !== 0) adjustments[key] = entry.adjustment;
  }
  return adjustments;
}

/** The record after one feedback event (pure). */
export function withFeedback(
  feedback: StoredFeedback,
  event: { packId: string; answerId: string; kind: SuggestionFeedbackKind },
  now: number,
): StoredFeedback {
  const key = feedbackKey(event.packId, event.answerId);
  const adjustments = applyFeedback(adjustmentsOf(feedback), event);
  const previous = feedback.entries[key];
  const entry: StoredFeedbackEntry = {
    packId: event.packId,
    answerId: event.answerId,
    adjustment: adjustments[key] ?? 0,
    notRelevant: (previous?.notRelevant ?? 0) + (event.kind === 'not-relevant' ? 1 : 0),
    used: (previous?.used ?? 0) + (event.kind === 'used' ? 1 : 0),
    updatedAt: now,
  };
  const entries = Object.entries({ ...feedback.entries, [key]: entry })
    .sort(([, a], [, b]) => b.updatedAt - a.updatedAt)
    .slice(0, MAX_FEEDBACK_ENTRIES);
  return { entries: Object.fromEntries(entries) };
}

/** The record without one answer's feedback, or empty (pure). */
export function withoutFeedback(
  feedback: StoredFeedback,
  answer?: { packId: string; answerId: string },
): StoredFeedback {
  if (!answer) return { entries: {} };
  const key = feedbackKey(answer.packId, answer.answerId);
  return {
    entries: Object.fromEntries(Object.entries(feedback.entries).filter(([k]) => k !== key)),
  };
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs read-modify-write changes one after another. */
function serialised<T>(change: () => Promise<T>): Promise<T> {
  const next = queue.then(change, change);
  queue = next.catch(() => undefined);
  return next;
}

export function recordFeedback(
  event: { packId: string; answerId: string; kind: SuggestionFeedbackKind },
  now = Date.now(),
): Promise<StoredFeedbackEntry> {
  return serialised(async () => {
    const next = withFeedback(await loadFeedback(), event, now);
    await feedbackItem.setValue(next);
    const entry = next.entries[feedbackKey(event.packId, event.answerId)];
    if (!entry) throw new Error('feedback entry missing after update');
    return entry;
  });
}

export function clearFeedback(answer?: {
  packId: string;
  answerId: string;
}): Promise<StoredFeedback> {
  return serialised(async () => {
    const next = withoutFeedback(await loadFeedback(), answer);
    await feedbackItem.setValue(next);
    return next;
  });
}
