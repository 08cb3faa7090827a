/**
 * Key figures as tiles: a label, a large value and, where an earlier period
 * can be compared, the change against it (arrow and words, never colour
 * alone). Statistics, trends and the funder report share them, so a figure
 * looks the same wherever a supervisor meets it.
 *
 * `KpiGrid` is the list that holds them and wraps to one column at 400 px.
 */
import type { ReactNode } from 'react';

export type ChangeDirection = 'up' | 'down' | 'flat';

export interface KpiChange {
  direction: ChangeDirection;
  /** What changed, in words, e.g. "+4 (+20 %) on the previous 7 days". */
  text: string;
  /** Whether this direction is good news; colours the change, the words carry it too. */
  tone?: 'good' | 'bad' | 'neutral';
}

interface TileProps {
  label: string;
  value: string;
  /** On the value element, for tests that read the figure itself. */
  valueTestId?: string;
  /** A short line under the value ("of 24 questions"). */
  hint?: ReactNode;
  change?: KpiChange | null;
  testId?: string;
}

const ARROWS: Record<ChangeDirection, string> = { up: '▲', down: '▼', flat: '■' };

export function KpiTile({ label, value, valueTestId, hint, change, testId }: TileProps) {
  return (
    <li className="kpi-tile" data-testid={testId}>
      <span className="kpi-label">{label}</span>
      <span className="kpi-value" data-testid={valueTestId}>
        {value}
      </span>
      {hint !== undefined && <span className="kpi-hint">{hint}</span>}
      {change && (
        <span
          className={`kpi-change kpi-change-${change.tone ?? 'neutral'}`}
          data-direction={change.direction}
          data-testid={testId ? `${testId}-change` : undefined}
        >
          <span aria-hidden="true">{ARROWS[change.direction]} </span>
          {change.text}
        </span>
      )}
    </li>
  );
}

export function KpiGrid({
  label,
  children,
  testId,
}: {
  /** The list's accessible name ("Key figures"). */
  label: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <ul className="kpi-grid" aria-label={label} data-testid={testId}>
      {children}
    </ul>
  );
}

/** The direction of `current` against `previous`. */
export function changeDirection(current: number, previous: number): ChangeDirection {
  return current > previous ? 'up' : current < previous ? 'down' : 'flat';
}
