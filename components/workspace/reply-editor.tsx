/**
 * The reply as the advisor adapts it: one field per placeholder (readable
 * label, hint, marked while empty), the editable reply in the post's
 * language, and beside it (stacked in a narrow panel) its rendering in the
 * advisor's language with the placeholders highlighted. Pack text is
 * rendered as text only.
 */
import { useTranslation } from 'react-i18next';
import { composeReply, fillPlaceholders, unfilledPlaceholders } from '../../lib/suggestions/reply';
import type { SuggestionPayload } from '../../lib/suggestions/schema';
import { languageName } from './language';
import { placeholderLabel, splitPlaceholders } from './placeholder-labels';

export interface CardDraft {
  values: Record<string, string>;
  /** The advisor's edited text; null while it is the checked text. */
  draft: string | null;
}

export const EMPTY_DRAFT: CardDraft = { values: {}, draft: null };

/** The text that would be inserted, and whether it differs from the checked one. */
export function finalReply(suggestion: SuggestionPayload, draft: CardDraft) {
  const checked = fillPlaceholders(composeReply(suggestion), draft.values);
  const shown = draft.draft ?? checked;
  const text = fillPlaceholders(shown, draft.values);
  return { checked, shown, text, edited: text !== checked };
}

function Highlighted({ text, values }: { text: string; values: Record<string, string> }) {
  const { t } = useTranslation('workspace');
  return (
    <>
      {splitPlaceholders(text).map((part, index) => {
        if (part.placeholder === null) return part.text;
        const value = values[part.placeholder]?.trim();
        const label = placeholderLabel(part.placeholder, t).label;
        return value ? (
          <mark key={index} className="ph filled" title={label}>
            {value}
          </mark>
        ) : (
          <mark key={index} className="ph empty" title={t('placeholders.empty', { label })}>
            {`[${label}]`}
          </mark>
        );
      })}
    </>
  );
}

export function ReplyEditor({
  id,
  suggestion,
  draft,
  onChange,
}: {
  id: string;
  suggestion: SuggestionPayload;
  draft: CardDraft;
  onChange(next: CardDraft): void;
}) {
  const { t } = useTranslation('workspace');
  const { shown, text, edited } = finalReply(suggestion, draft);
  const rendering = suggestion.translation;
  const empty = unfilledPlaceholders(text, suggestion.placeholders);

  return (
    <div className="reply-editor">
      {suggestion.placeholders.length > 0 && (
        <fieldset className="placeholders">
          <legend>{t('placeholders.legend')}</legend>
          {suggestion.placeholders.map((name) => {
            const { label, hint } = placeholderLabel(name, t);
            const missing = empty.includes(name);
            return (
              <div key={name} className={`placeholder${missing ? ' missing' : ''}`}>
                <label htmlFor={`${id}-ph-${name}`}>{label}</label>
                <input
                  id={`${id}-ph-${name}`}
                  type="text"
                  maxLength={300}
                  value={draft.values[name] ?? ''}
                  aria-describedby={hint ? `${id}-ph-${name}-hint` : undefined}
                  onChange={(event) =>
                    onChange({ ...draft, values: { ...draft.values, [name]: event.target.value } })
                  }
                  data-testid={`placeholder-${name}`}
                />
                {hint && (
                  <span id={`${id}-ph-${name}-hint`} className="hint">
                    {hint}
                  </span>
                )}
              </div>
            );
          })}
        </fieldset>
      )}
      <div className="reply-columns">
        <div>
          <label htmlFor={`${id}-reply`}>
            {t('reply.label', { language: languageName(suggestion.reply.language, t) })}
          </label>
          <textarea
            id={`${id}-reply`}
            lang={suggestion.reply.language}
            rows={8}
            value={shown}
            onChange={(event) => onChange({ ...draft, draft: event.target.value })}
            data-testid="reply-text"
          />
          {draft.draft !== null && (
            <button
              type="button"
              className="link"
              onClick={() => onChange({ ...draft, draft: null })}
              data-testid="reply-restore"
            >
              {edited ? t('reply.restore') : t('reply.restoreUnchanged')}
            </button>
          )}
        </div>
        <div>
          <p className="label" id={`${id}-rendering`}>
            {rendering
              ? t('reply.rendering', { language: languageName(rendering.language, t) })
              : t('reply.preview')}
          </p>
          {/* Focusable so keyboard users can scroll a long rendering (axe: scrollable-region-focusable). */}
          <div
            className="rendering"
            lang={(rendering ?? suggestion.reply).language}
            role="region"
            aria-labelledby={`${id}-rendering`}
            // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
            tabIndex={0}
            data-testid="reply-rendering"
          >
            {rendering ? (
              <>
                <strong>{rendering.title}</strong>
                {'\n'}
                <Highlighted
                  text={composeReply({ ...suggestion, reply: rendering })}
                  values={draft.values}
                />
              </>
            ) : (
              <Highlighted text={shown} values={draft.values} />
            )}
          </div>
        </div>
      </div>
    </div>
  );
}
