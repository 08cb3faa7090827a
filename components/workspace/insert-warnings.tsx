/**
 * Asks for a second confirmation before an unreviewed or expired reply, one
 * in another language than the post's, or one with empty placeholders is
 * used (docs/PRODUCT.md#legal-review). The confirm button takes focus, so
 * Enter confirms and Esc cancels.
 */
import type { KeyboardEvent } from 'react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyWarning } from '../../lib/suggestions/reply';
import { languageName } from './language';
import { placeholderLabel, type Translate } from './placeholder-labels';

function warningText(warning: ReplyWarning, t: Translate): string {
  switch (warning.kind) {
    case 'language':
      return t('warnings.language', {
        reply: languageName(warning.replyLanguage, t),
        post: languageName(warning.postLanguage, t),
      });
    case 'expired':
      return t('warnings.expired', { date: warning.validUntil });
    case 'not-reviewed':
      return warning.exampleContent ? t('warnings.example') : t('warnings.notReviewed');
    case 'placeholder':
      return t('warnings.placeholder', {
        names: warning.names.map((name) => placeholderLabel(name, t).label).join(', '),
      });
  }
}

export function InsertWarnings({
  warnings,
  action,
  onConfirm,
  onCancel,
}: {
  warnings: readonly ReplyWarning[];
  action: 'insert' | 'copy';
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation('workspace');
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    event.preventDefault();
    onCancel();
  };
  return (
    // Esc cancels from anywhere inside the warning.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div role="alert" className="warnings" onKeyDown={onKeyDown} data-testid="insert-warnings">
      <p>{t('warnings.heading')}</p>
      <ul>
        {warnings.map((warning) => (
          <li key={warning.kind} data-warning={warning.kind}>
            {warningText(warning, t)}
          </li>
        ))}
      </ul>
      <div className="actions">
        <button
          ref={confirm}
          type="button"
          className="primary"
          onClick={onConfirm}
          data-testid="insert-confirm"
        >
          {action === 'insert' ? t('warnings.confirmInsert') : t('warnings.confirmCopy')}
        </button>
        <button type="button" onClick={onCancel} data-testid="insert-cancel">
          {t('warnings.cancel')}
        </button>
      </div>
    </div>
  );
}
