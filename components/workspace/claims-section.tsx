/**
 * "Myths in the comments" (docs/PRODUCT.md#misinformation-in-comments): the
 * comments under the selected post that repeat a claim a myth correction of
 * the pack corrects. Each shows the comment, what the claim says, and the
 * correction in the comment's language as a suggestion card; using it puts
 * the reply into that comment's reply box (or on the clipboard) and
 * documents "myth corrected" with the claim's id (`claim-corrected`).
 *
 * The comment's text is shown here only: it is never logged.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClaimCorrectionResponse } from '../../lib/claims/messages';
import type { UiLanguage } from '../../lib/domain/languages';
import type { LogEventRequest } from '../../lib/log/events';
import type { ReferralOption } from '../../lib/referrals/messages';
import type { SuggestionPayload } from '../../lib/suggestions/schema';
import type { FlaggedComment, InsertOutcome, WorkspacePost } from '../../lib/workspace/protocol';
import type { WorkspaceActions } from './actions';
import type { DraftStore } from './drafts';
import { useDraft } from './drafts';
import { languageName } from './language';
import { claimCorrectedEvent, type LogContextOptions } from './log-context';
import { INSERT_FAILURE, type PortClient } from './port-client';
import { outcomeMessage, type Message } from './outcome-message';
import { SuggestionCard, type UseAction } from './suggestion-card';

export interface ClaimsSectionProps {
  post: WorkspacePost;
  context: LogContextOptions;
  uiLanguage: UiLanguage;
  /** The comment whose flag the advisor pressed on the page: opened and scrolled to. */
  selectedComment: string | null;
  actions: WorkspaceActions;
  client: PortClient | null;
  drafts: DraftStore;
  referrals: ReferralOption[] | null;
  busy: boolean;
  setBusy(busy: boolean): void;
  log(events: LogEventRequest[]): Promise<void>;
}

const commentId = (comment: FlaggedComment) => `${comment.commentKey}\u0000${comment.claimId}`;

/** The correction of one claim, asked once per claim and language. */
function useCorrection(
  actions: WorkspaceActions,
  comment: FlaggedComment,
  uiLanguage: UiLanguage,
): ClaimCorrectionResponse | 'loading' | 'failed' {
  const [result, setResult] = useState<ClaimCorrectionResponse | 'loading' | 'failed'>('loading');
  const { packId, answerId, claimId, language } = comment;
  useEffect(() => {
    let cancelled = false;
    actions.claimCorrection({ packId, answerId, claimId, language, uiLanguage }).then(
      (response) => !cancelled && setResult(response),
      () => !cancelled && setResult('failed'),
    );
    return () => {
      cancelled = true;
    };
  }, [actions, packId, answerId, claimId, language, uiLanguage]);
  return result;
}

function FlaggedCommentItem({
  comment,
  open,
  onToggle,
  props,
}: {
  comment: FlaggedComment;
  open: boolean;
  onToggle(): void;
  props: ClaimsSectionProps;
}) {
  const { t } = useTranslation('workspace');
  const { post, context, uiLanguage, actions, client, drafts, referrals, busy, setBusy, log } =
    props;
  const correction = useCorrection(actions, comment, uiLanguage);
  const [result, setResult] = useDraft<Message | null>(
    drafts,
    `${post.postKey}\u0000claim\u0000${commentId(comment)}\u0000result`,
    null,
  );
  const item = useRef<HTMLLIElement>(null);
  const selected = props.selectedComment === comment.commentKey;
  useEffect(() => {
    if (selected) item.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const use = async (used: SuggestionPayload, action: UseAction, text: string, edited: boolean) => {
    /** The correction reached the reply box or the clipboard: it is documented. */
    let reached = false;
    let message: Message;
    if (action === 'insert') {
      setBusy(true);
      const outcome: InsertOutcome = client
        ? await client.insert(post.postKey, text, comment.commentKey)
        : { status: 'failed', reason: INSERT_FAILURE.notConnected };
      setBusy(false);
      message =
        outcome.status === 'failed' && outcome.reason === 'comment-gone'
          ? { tone: 'warn', text: t('claims.commentGone') }
          : outcome.status === 'inserted'
            ? { tone: 'ok', text: t('claims.inserted') }
            : outcome.status === 'copied'
              ? { tone: 'warn', text: t('claims.noReplyBox') }
              : outcomeMessage(outcome, t);
      reached = outcome.status !== 'failed';
    } else {
      const copied = await actions.copyText(text);
      message = copied
        ? { tone: 'ok', text: t('claims.copied') }
        : { tone: 'warn', text: t('result.copyFailed') };
      reached = copied;
    }
    if (reached) {
      message = { tone: message.tone, text: `${message.text} ${t('claims.documented')}` };
      void log([
        claimCorrectedEvent(post, context, {
          suggestion: used,
          edited,
          claimId: comment.claimId,
          commentKey: comment.commentKey,
        }),
      ]);
      void actions.recordFeedback(used, 'used').catch(() => undefined);
      client?.sendCorrected(post.postKey, comment.commentKey);
    }
    setResult(message);
  };

  const ready = correction !== 'loading' && correction !== 'failed' ? correction : null;
  const statement = ready?.statement ?? null;
  const suggestion = ready?.suggestion ?? null;
  return (
    <li
      ref={item}
      className={`flagged-comment${selected ? ' selected' : ''}`}
      data-testid="flagged-comment"
      data-claim={comment.claimId}
    >
      <blockquote className="comment-text" lang={comment.language}>
        {comment.text}
      </blockquote>
      <p className="hint">
        {statement
          ? t('claims.repeats', { statement })
          : t('claims.repeatsUnknown', { claim: comment.claimId })}
        {!comment.onPage && ` ${t('claims.offPage')}`}
      </p>
      {comment.corrected && !result && (
        <p className="status ok" data-testid="claim-corrected-before">
          {t('claims.correctedBefore')}
        </p>
      )}
      {correction === 'loading' ? (
        <p role="status" className="hint">
          {t('suggestions.loading')}
        </p>
      ) : suggestion === null ? (
        <p role="status" className="status warn">
          {t('claims.noCorrection')}
        </p>
      ) : (
        <ol className="cards">
          <SuggestionCard
            suggestion={suggestion}
            via="suggestion"
            postKey={`${post.postKey}\u0000claim\u0000${commentId(comment)}`}
            postLanguage={comment.language}
            open={open}
            onToggle={onToggle}
            drafts={drafts}
            busy={busy}
            referrals={referrals}
            onUse={(action, text, edited) => void use(suggestion, action, text, edited)}
            registerInsert={() => undefined}
          >
            {result && (
              <p
                role="status"
                className={`status ${result.tone}`}
                data-testid="claim-correction-result"
              >
                {result.text}
              </p>
            )}
          </SuggestionCard>
        </ol>
      )}
    </li>
  );
}

export function ClaimsSection(props: ClaimsSectionProps) {
  const { t } = useTranslation('workspace');
  const comments = props.post.claims;
  const [openKey, setOpenKey] = useDraft<string | null | undefined>(
    props.drafts,
    `${props.post.postKey}\u0000claim\u0000open`,
    undefined,
  );
  if (comments.length === 0) return null;
  // Until the advisor opens or closes one, the comment chosen on the page is open.
  const selected = comments.find((comment) => comment.commentKey === props.selectedComment);
  const open = openKey !== undefined ? openKey : selected ? commentId(selected) : null;
  const languages = [...new Set(comments.map((comment) => comment.language))];
  return (
    <section
      className="claims"
      aria-labelledby={`${props.post.postKey}-claims`}
      data-testid="claims-section"
    >
      <h3 id={`${props.post.postKey}-claims`}>{t('claims.heading', { count: comments.length })}</h3>
      <p className="hint">
        {t('claims.intro', {
          languages: languages.map((language) => languageName(language, t)).join(', '),
        })}
      </p>
      <ul className="flagged-comments">
        {comments.map((comment) => (
          <FlaggedCommentItem
            key={commentId(comment)}
            comment={comment}
            open={open === commentId(comment)}
            onToggle={() => setOpenKey(open === commentId(comment) ? null : commentId(comment))}
            props={props}
          />
        ))}
      </ul>
    </section>
  );
}
