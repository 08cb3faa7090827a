/**
 * Advisor feedback on suggestions, as bounded score adjustments.
 *
 * "Not relevant" pushes an answer down, "used" pulls it up, each by a fixed
 * step and never beyond ±MAX_ADJUSTMENT, so a few clicks cannot bury an
 * answer for good or make it appear everywhere. The matcher applies the
 * adjustment to the ranking only: a boost never makes an off-topic post show
 * suggestions (see matcher.ts). Pure: the panel stores the record.
 */

/** `${packId}/${answerId}` → adjustment in [-MAX_ADJUSTMENT, MAX_ADJUSTMENT]. */
export type FeedbackAdjustments = Record<string, number>;

export type FeedbackEvent = 'not-relevant' | 'used';

export const MAX_ADJUSTMENT = 0.3;
export const FEEDBACK_STEPS: Readonly<Record<FeedbackEvent, number>> = {
  'not-relevant': -0.1,
  used: 0.05,
};

export function feedbackKey(packId: string, answerId: string): string {
  return `${packId}/${answerId}`;
}

export function clampAdjustment(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(MAX_ADJUSTMENT, Math.max(-MAX_ADJUSTMENT, value));
}

function withoutKey(adjustments: Readonly<FeedbackAdjustments>, key: string): FeedbackAdjustments {
  return Object.fromEntries(Object.entries(adjustments).filter(([k]) => k !== key));
}

/** The adjustments after one feedback event (a new object; the input is not changed). */
export function applyFeedback(
  adjustments: Readonly<FeedbackAdjustments>,
  event: { packId: string; answerId: string; kind: FeedbackEvent },
): FeedbackAdjustments {
  const key = feedbackKey(event.packId, event.answerId);
  const next = clampAdjustment((adjustments[key] ?? 0) + FEEDBACK_STEPS[event.kind]);
  // Rounded so repeated steps do not drift (0.1 + 0.2 !== 0.3).
  const rounded = Math.round(next * 1000) / 1000;
  const result = withoutKey(adjustments, key);
  if (rounded !== 0) result[key] = rounded;
  return result;
}

/** Resets one answer's adjustment, or all of them when no answer is given. */
export function resetFeedback(
  adjustments: Readonly<FeedbackAdjustments>,
  answer?: { packId: string; answerId: string },
): FeedbackAdjustments {
  if (!answer) return {};
  return withoutKey(adjustments, feedbackKey(answer.packId, answer.answerId));
}

/** The adjustment for an answer, bounded even if the stored record was tampered with. */
export function adjustmentFor(
  adjustments: Readonly<FeedbackAdjustments> | undefined,
  packId: string,
  answerId: string,
): number {
  if (!adjustments) return 0;
  const value = adjustments[feedbackKey(packId, answerId)];
  return typeof value === 'number' ? clampAdjustment(value) : 0;
}
