/**
 * Turning raw retrieval scores into a calibrated relevance in 0..1.
 *
 * The constants are fitted by `bench/matching/calibrate.ts` with logistic
 * regression (slope) on the default pack's own example questions (each left out of
 * the index while it is scored) as relevant posts and on the off-topic
 * calibration list (off-topic-calibration.ts) as irrelevant ones; the
 * midpoint is then lowered to where at most 8% of that list passes. The
 * evaluation set in bench/matching/eval-set.json is never used for fitting.
 */

export interface Calibration {
  /** Logistic slope on log(1 + raw score). */
  slope: number;
  /** log(1 + raw score) at which relevance is 0.5. */
  midpoint: number;
}

export const DEFAULT_CALIBRATION: Calibration = { slope: 3.909, midpoint: 5.569 };

/** Relevance at and above which a post counts as on-topic. */
export const RELEVANCE_THRESHOLD = 0.5;

/** Further suggestions below the best one must reach this relevance. */
export const SECONDARY_THRESHOLD = 0.2;

export function calibrate(raw: number, calibration: Calibration = DEFAULT_CALIBRATION): number {
  if (raw <= 0) return 0;
  const x = Math.log1p(raw);
  return 1 / (1 + Math.exp(-calibration.slope * (x - calibration.midpoint)));
}
