/**
 * One answer, from the suggestions or the search: compact (title in the
 * advisor's language and in the post's, a one-line preview, "Likely match"
 * or "Possible", one legal badge) until opened; open, it holds the reply
 * editor, the legal details and the buttons that use the reply. What using
 * it does (insert over the port, log, feedback) is the post view's job;
 * the card checks the warnings first.
 */
import type { ReactNode } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerChoiceSource } from '../../lib/log/events';
import type { ReplyWarning } from '../../lib/suggestions/reply';
import { replyWarnings } from '../../lib/suggestions/reply';
import type { SuggestionPayload } from '../../lib/suggestions/schema';
import type { DraftStore } from './drafts';
import { useDraft } from './drafts';
import { InsertWarnings } from './insert-warnings';
import { languageName } from './language';
import { LegalDetails, ReviewBadge } from './legal-details';
import type { ReferralOption } from '../../lib/referrals/messages';
import {
  EMPTY_DRAFT,
  finalReply,
  REFERRAL_PLACEHOLDER,
  ReplyEditor,
  type CardDraft,
} from './reply-editor';

export const answerKey = (s: Pick<SuggestionPayload, 'packId' | 'answerId'>) =>
  `${s.packId}/${s.answerId}`;

export type UseAction = 'insert' | 'copy';

/** The chosen directory entry, when the reply still names it (the advisor may have edited it out). */
function referralIdOf(suggestion: SuggestionPayload, draft: CardDraft): string | null {
  if (!suggestion.placeholders.includes(REFERRAL_PLACEHOLDER) || !draft.referralId) return null;
  return draft.values[REFERRAL_PLACEHOLDER] ? draft.referralId : null;
}

export interface SuggestionCardProps {
  suggestion: SuggestionPayload;
  via: AnswerChoiceSource;
  postKey: string;
  postLanguage: string;
  open: boolean;
  onToggle(): void;
  drafts: DraftStore;
  /** `referralId`: the directory entry the reply names through `{referral}`, if any. */
  onUse(action: UseAction, text: string, edited: boolean, referralId: string | null): void;
  /** The referral directory for the `{referral}` picker (null: still loading). */
  referrals: ReferralOption[] | null;
  onNotRelevant?(): void;
  /** The open card hands the post view its insert, for the `i` key. */
  registerInsert(insert: (() => void) | null): void;
  busy: boolean;
  /** The result of the last use, and the documentation that follows it. */
  children?: ReactNode;
}

export function SuggestionCard(props: SuggestionCardProps) {
  const { suggestion, via, postKey, postLanguage, open, onToggle, drafts, onUse } = props;
  const { t } = useTranslation('workspace');
  const id = useId();
  const [draft, setDraft] = useDraft<CardDraft>(
    drafts,
    `${postKey}\u0000${answerKey(suggestion)}`,
    EMPTY_DRAFT,
  );
  const [pending, setPending] = useState<{ action: UseAction; warnings: ReplyWarning[] } | null>(
    null,
  );
  const insertButton = useRef<HTMLButtonElement>(null);
  /** After the warning closes, focus goes back to Insert instead of falling to the body. */
  const refocus = useRef(false);
  const { text, edited } = finalReply(suggestion, draft);
  const display = suggestion.translation ?? suggestion.reply;
  const preview = display.body.split('\n').find((line) => line.trim() !== '') ?? '';

  const attempt = (action: UseAction) => {
    const warnings = replyWarnings(suggestion, postLanguage, text);
    if (warnings.length > 0) setPending({ action, warnings });
    else onUse(action, text, edited, referralIdOf(suggestion, draft));
  };

  useEffect(() => {
    if (!refocus.current || pending) return;
    refocus.current = false;
    insertButton.current?.focus();
  });

  const { registerInsert } = props;
  useEffect(() => {
    if (!open) return;
    registerInsert(() => attempt('insert'));
    return () => registerInsert(null);
  });

  return (
    <li
      className={`card${open ? ' open' : ''}`}
      data-testid="suggestion"
      data-answer-id={suggestion.answerId}
      data-via={via}
    >
      <div className="card-head">
        <button
          type="button"
          className="card-toggle"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={onToggle}
          data-testid="suggestion-toggle"
        >
          <span className="card-title" lang={display.language} data-testid="suggestion-title">
            {display.title}
          </span>
          {suggestion.translation && (
            <span className="card-subtitle" lang={suggestion.reply.language}>
              {`${languageName(suggestion.reply.language, t)}: ${suggestion.reply.title}`}
            </span>
          )}
          <span className="card-preview" lang={display.language}>
            {preview}
          </span>
          <span className="card-badges">
            <span className={`badge level-${suggestion.level}`} data-testid="suggestion-level">
              {t(`level.${suggestion.level}`)}
            </span>
            {suggestion.kind !== 'answer' && (
              <span className="badge">
                {t(`kinds.${suggestion.kind}`, { defaultValue: suggestion.kind })}
              </span>
            )}
            <ReviewBadge suggestion={suggestion} />
            {suggestion.fallback && (
              <span className="badge warn">
                {t('badge.fallback', { language: languageName(suggestion.reply.language, t) })}
              </span>
            )}
          </span>
        </button>
        {props.onNotRelevant && (
          <button
            type="button"
            className="small"
            onClick={props.onNotRelevant}
            aria-label={t('notRelevant.answerLabel', { title: display.title })}
            data-testid="suggestion-not-relevant"
          >
            {t('notRelevant.answer')}
          </button>
        )}
      </div>
      {open && (
        <div id={`${id}-body`} className="card-body">
          <ReplyEditor
            id={id}
            suggestion={suggestion}
            draft={draft}
            onChange={setDraft}
            referrals={props.referrals}
          />
          <LegalDetails suggestion={suggestion} />
          {pending ? (
            <InsertWarnings
              warnings={pending.warnings}
              action={pending.action}
              onConfirm={() => {
                setPending(null);
                refocus.current = true;
                onUse(pending.action, text, edited, referralIdOf(suggestion, draft));
              }}
              onCancel={() => {
                setPending(null);
                refocus.current = true;
              }}
            />
          ) : (
            <div className="actions">
              <button
                type="button"
                ref={insertButton}
                className="primary"
                // Not `disabled`: a disabled button drops focus to the body.
                aria-disabled={props.busy}
                onClick={() => !props.busy && attempt('insert')}
                data-testid="suggestion-insert"
              >
                {t('reply.insert')}
              </button>
              <button type="button" onClick={() => attempt('copy')} data-testid="suggestion-copy">
                {t('reply.copy')}
              </button>
            </div>
          )}
          {props.children}
        </div>
      )}
    </li>
  );
}
