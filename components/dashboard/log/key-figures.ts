/**
 * The statistics' key figures and the period they are compared with. Pure:
 * the KPI tiles of the Statistics section read them, and so can trends and
 * the funder report.
 *
 * Every count comes from lib/log/stats.ts (one pass over the events):
 * "answered" is the share of question posts with a reply (`answeredQuestions`;
 * `repliedPosts` also counts replies to posts that are not questions).
 */
import type { Statistics } from '../../../lib/log/stats';

export interface KeyFigures {
  posts: number;
  questions: number;
  answeredQuestions: number;
  /** Answered questions ÷ questions, 0–1; null without questions. */
  answeredShare: number | null;
  medianMinutesToReply: number | null;
  /** Posts whose latest documented outcome is "referred". */
  referrals: number;
  /** Posts documented as "myth corrected" and comments corrected with a reply. */
  mythsCorrected: { posts: number; comments: number };
  documented: number;
  advisors: number;
}

export function keyFigures(stats: Statistics): KeyFigures {
  const { questions, answeredQuestions } = stats.totals;
  return {
    posts: stats.totals.posts,
    questions,
    answeredQuestions,
    answeredShare: questions === 0 ? null : answeredQuestions / questions,
    medianMinutesToReply: stats.timeToReply?.medianMinutes ?? null,
    referrals: stats.totals.referrals,
    mythsCorrected: {
      posts: stats.outcomes['myth-corrected'],
      comments: stats.claims.reduce((sum, claim) => sum + claim.corrected, 0),
    },
    documented: stats.totals.documented,
    advisors: stats.totals.advisors,
  };
}

export interface Period {
  /** Inclusive, ms since epoch. */
  from: number;
  /** Inclusive, ms since epoch. */
  to: number;
}

/**
 * The period of equal length that ends just before `period`: the one its
 * figures are compared with. Only a period with a chosen start has one —
 * without it, the selection starts with the first entry there is.
 */
export function previousPeriod(period: Period): Period {
  const length = period.to - period.from + 1;
  return { from: period.from - length, to: period.from - 1 };
}

/** Whole days a period spans (a day and a bit counts as two). */
export function periodDays(period: Period): number {
  return Math.max(1, Math.ceil((period.to - period.from + 1) / 86_400_000));
}

/** Minutes as the largest unit that reads well: "25 min", "3.5 hr", "2 days" in `language`. */
export function formatDuration(minutes: number, language: string, signed = false): string {
  const magnitude = Math.abs(minutes);
  const [value, unit] =
    magnitude < 60
      ? [Math.round(minutes), 'minute']
      : magnitude < 48 * 60
        ? [Math.round((minutes / 60) * 10) / 10, 'hour']
        : [Math.round((minutes / 1440) * 10) / 10, 'day'];
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: 1,
    signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(value);
}
