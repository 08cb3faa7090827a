/**
 * The search field over the whole pack; "/" anywhere in the post view focuses
 * it. Enter opens the first result, ↓ moves to the results.
 */
import type { KeyboardEvent, Ref } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export function SearchBox({
  query,
  onQuery,
  inputRef,
  onFirstResult,
}: {
  query: string;
  onQuery(query: string): void;
  inputRef: Ref<HTMLInputElement>;
  /** Enter (`open`) or ↓ (focus only) in the field; false when there is no result yet. */
  onFirstResult(open: boolean): boolean;
}) {
  const { t } = useTranslation('workspace');
  const id = useId();
  return (
    <div className="search" role="search">
      <label htmlFor={`${id}-q`}>{t('search.label')}</label>
      <input
        ref={inputRef}
        id={`${id}-q`}
        type="search"
        value={query}
        placeholder={t('search.placeholder')}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={(event: KeyboardEvent<HTMLInputElement>) => {
          if (event.key !== 'Enter' && event.key !== 'ArrowDown') return;
          if (onFirstResult(event.key === 'Enter')) event.preventDefault();
        }}
        data-testid="search-input"
      />
      <span id={`${id}-hint`} className="hint">
        {t('search.hint')}
      </span>
    </div>
  );
}
