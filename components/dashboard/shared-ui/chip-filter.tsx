/**
 * A multiple-choice filter as a row of checkbox chips inside a disclosure:
 * closed, it says what is chosen ("All", or the chosen names); open, every
 * option is a native checkbox, so Tab, Space and screen readers work without
 * the Ctrl-click a `<select multiple>` needs (UX review row 11). Nothing
 * chosen means "no restriction", as in lib/log/filter.ts.
 *
 * Reused by every dashboard section that filters log data; `testId` goes on
 * the root, each checkbox carries its option's value (`input[value="ro"]`).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface ChipOption {
  value: string;
  label: string;
}

interface Props {
  label: string;
  options: readonly ChipOption[];
  selected: readonly string[];
  onChange: (values: string[]) => void;
  testId: string;
  /** Open at first (for short lists that are used often). */
  defaultOpen?: boolean;
}

/** How many chosen names the closed summary spells out before it counts instead. */
const NAMED_IN_SUMMARY = 2;

export function ChipFilter({ label, options, selected, onChange, testId, defaultOpen }: Props) {
  const { t } = useTranslation('dashboard');
  const id = useId();
  const chosen = options.filter((option) => selected.includes(option.value));
  const summary =
    chosen.length === 0
      ? t('filter.all')
      : chosen.length <= NAMED_IN_SUMMARY
        ? chosen.map((option) => option.label).join(', ')
        : t('filter.chosen', { count: chosen.length });
  const toggle = (value: string, on: boolean) =>
    // Kept in the options' order, so the same choice always reads the same.
    onChange(
      options
        .map((option) => option.value)
        .filter((v) => (v === value ? on : selected.includes(v))),
    );
  return (
    <details className="chip-filter" data-testid={testId} open={defaultOpen}>
      <summary>
        <span className="chip-filter-label" id={`${id}-label`}>
          {label}
        </span>
        <span className="chip-filter-summary" data-testid={`${testId}-summary`}>
          {summary}
        </span>
      </summary>
      <fieldset className="chip-filter-options" aria-labelledby={`${id}-label`}>
        {options.map((option) => (
          <label key={option.value} className="chip">
            <input
              type="checkbox"
              value={option.value}
              checked={selected.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <span>{option.label}</span>
          </label>
        ))}
        {chosen.length > 0 && (
          <button type="button" className="chip-filter-clear" onClick={() => onChange([])}>
            {t('filter.clear', { label })}
          </button>
        )}
      </fieldset>
    </details>
  );
}
