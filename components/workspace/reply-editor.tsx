/**
 * The reply as the advisor adapts it: one field per placeholder (readable
 * label, hint, marked while empty), the editable reply in the post's
 * language, and beside it (stacked in a narrow panel) its rendering in the
 * advisor's language with the placeholders highlighted. Pack text is
 * rendered as text only.
 */
import { useTranslation } from 'react-i18next';
import { composeReply, fillPlaceholders, unfilledPlaceholders } from '../../lib/suggestions/reply';
import { referralText, type ReferralOption } from '../../lib/referrals/messages';
import type { SuggestionPayload } from '../../lib/suggestions/schema';
import { languageName } from './language';
import { placeholderLabel, splitPlaceholders } from './placeholder-labels';

export interface CardDraft {
  values: Record<string, string>;
  /** The advisor's edited text; null while it is the checked text. */
  draft: string | null;
  /** The referral directory entry chosen for `{referral}`. */
  referralId?: string;
}

/** The placeholder the referral picker fills (packs/FORMAT.md, "Referral directory"). */
export const REFERRAL_PLACEHOLDER = 'referral';

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

/**
 * `{referral}` from the pack's directory: services in the advisor's state
 * first, then nationwide ones, each with the languages it counsels in.
 */
function ReferralPicker({
  id,
  label,
  missing,
  referrals,
  chosen,
  onChoose,
}: {
  id: string;
  label: string;
  missing: boolean;
  referrals: ReferralOption[];
  chosen: string;
  onChoose(option: ReferralOption | null): void;
}) {
  const { t } = useTranslation('workspace');
  const local = referrals.filter((option) => option.local);
  const national = referrals.filter((option) => !option.local);
  const option = (entry: ReferralOption) => (
    <option key={`${entry.packId}:${entry.id}`} value={entry.id}>
      {`${entry.name}${entry.city && !entry.name.includes(entry.city) ? ` (${entry.city})` : ''} – ${entry.languages.map((language) => languageName(language, t)).join(', ')}`}
    </option>
  );
  return (
    <div className={`placeholder${missing ? ' missing' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={chosen}
        aria-describedby={`${id}-hint`}
        onChange={(event) =>
          onChoose(referrals.find((entry) => entry.id === event.target.value) ?? null)
        }
        data-testid={`placeholder-${REFERRAL_PLACEHOLDER}`}
      >
        <option value="">{t('referrals.choose')}</option>
        {local.length > 0 && <optgroup label={t('referrals.local')}>{local.map(option)}</optgroup>}
        {national.length > 0 && (
          <optgroup label={t('referrals.nationwide')}>{national.map(option)}</optgroup>
        )}
      </select>
      <span id={`${id}-hint`} className="hint">
        {t('referrals.hint')}
      </span>
    </div>
  );
}

export function ReplyEditor({
  id,
  suggestion,
  draft,
  onChange,
  referrals = null,
}: {
  id: string;
  suggestion: SuggestionPayload;
  draft: CardDraft;
  onChange(next: CardDraft): void;
  referrals?: ReferralOption[] | null;
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
            if (name === REFERRAL_PLACEHOLDER && referrals !== null && referrals.length > 0)
              return (
                <ReferralPicker
                  key={name}
                  id={`${id}-ph-${name}`}
                  label={label}
                  missing={missing}
                  referrals={referrals}
                  chosen={draft.referralId ?? ''}
                  onChoose={(option) =>
                    onChange({
                      ...draft,
                      values: { ...draft.values, [name]: option ? referralText(option) : '' },
                      ...(option ? { referralId: option.id } : { referralId: '' }),
                    })
                  }
                />
              );
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
            // The answer's title makes the region unique when two cards are open
            // (a suggestion and a myth correction; axe: landmark-unique).
            aria-label={`${
              rendering
                ? t('reply.rendering', { language: languageName(rendering.language, t) })
                : t('reply.preview')
            }: ${(rendering ?? suggestion.reply).title}`}
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
