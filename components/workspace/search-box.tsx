/** The search field over the whole pack; "/" anywhere in the post view focuses it. */
import type { Ref } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export function SearchBox({
  query,
  onQuery,
  inputRef,
}: {
  query: string;
  onQuery(query: string): void;
  inputRef: Ref<HTMLInputElement>;
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
        data-testid="search-input"
      />
      <span id={`${id}-hint`} className="hint">
        {t('search.hint')}
      </span>
    </div>
  );
}
