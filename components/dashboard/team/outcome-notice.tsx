/**
 * The answer to a click in the Team section (share, fetch): a live region
 * that is always there, so screen readers hear the message when it comes; an
 * error is an alert, anything else a status.
 */
export type Outcome = { tone: 'success' | 'warning' | 'error'; text: string } | null;

export function OutcomeNotice({ outcome, testId }: { outcome: Outcome; testId: string }) {
  return (
    <div aria-live="polite">
      {outcome && (
        <p
          className={`notice notice-${outcome.tone}`}
          role={outcome.tone === 'error' ? 'alert' : 'status'}
          data-testid={`${testId}-${outcome.tone}`}
        >
          {outcome.text}
        </p>
      )}
    </div>
  );
}
