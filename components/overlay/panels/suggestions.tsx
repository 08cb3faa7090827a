/**
 * The suggestion panel: the best checked replies for a post, in the post's
 * language with the advisor's UI language beside it, ready to adapt and use.
 *
 * Lifecycle: the summary (beside the collapsed overlay's bar) is mounted
 * with the overlay. Once the background's analysis is there, it asks the
 * background for suggestions through `actions.suggest` (which batches the
 * requests of a whole screen), keeps the answer in the panel state so a
 * remount shows it at once, and mirrors topic and answer ids on the overlay
 * host (`data-topic`, `data-suggestions`). The panel itself mounts when the
 * advisor opens the overlay: it shows up to three answers, compact until
 * one is opened, and logs every use through `reportAction`.
 *
 * Before a reply is inserted or copied, the advisor confirms explicitly if
 * its language differs from the post's, its legal review expired or never
 * happened, or a placeholder is empty. Everything from packs and pages is
 * rendered as text.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { UiLanguage } from '../../../lib/domain/languages';
import type {
  InsertOutcome,
  OverlayPanelActions,
  OverlayPanelProps,
  PanelStateStore,
} from '../../../lib/content/overlay-contract';
import type { SuggestionAnswer } from '../../../lib/content/suggestion-client';
import {
  composeReply,
  fillPlaceholders,
  replyWarnings,
  type ReplyWarning,
} from '../../../lib/suggestions/reply';
import type { SuggestionPayload } from '../../../lib/suggestions/schema';
import { useTranslation } from '../overlay-i18n';

const NS = ['overlay-suggestions', 'overlay'] as const;

interface ResultState {
  key: string;
  data: SuggestionAnswer | null;
  failed: boolean;
}

interface AnswerState {
  open: boolean;
  values: Record<string, string>;
  /** The advisor's edited text; null while it is the checked text. */
  draft: string | null;
}

const answerKey = (s: Pick<SuggestionPayload, 'packId' | 'answerId'>) =>
  `${s.packId}/${s.answerId}`;

function useUiLanguage(): UiLanguage {
  const { i18n } = useTranslation();
  return i18n.language === 'de' ? 'de' : 'en';
}

/** What both the summary and the panel derive from the panel state. */
function useSuggestionView({ post, analysis, panelState }: OverlayPanelProps) {
  const uiLanguage = useUiLanguage();
  const revision = panelState.get<number>('revision') ?? 0;
  const key = analysis
    ? [uiLanguage, analysis.language, revision, post.postKey, post.text].join('\u0000')
    : null;
  const stored = panelState.get<ResultState>('result');
  const current = stored && stored.key === key ? stored : undefined;
  const dismissed = panelState.get<string[]>('dismissed') ?? [];
  const shown = (current?.data?.suggestions ?? []).filter((s) => !dismissed.includes(answerKey(s)));
  const topic = current?.data ? (shown.length > 0 ? current.data.topic : 'off-topic') : null;
  return { uiLanguage, revision, key, current, shown, topic };
}

/** Beside the collapsed bar: the topic and how many checked replies wait. */
export function SuggestionsSummary(props: OverlayPanelProps) {
  const { post, analysis, actions, panelState } = props;
  const { t } = useTranslation(NS);
  const { uiLanguage, revision, key, current, shown, topic } = useSuggestionView(props);
  const ids = shown.map((s) => s.answerId).join(',');

  useEffect(() => {
    if (!key || !analysis || current) return;
    let cancelled = false;
    actions
      .suggest(
        { text: post.text, language: analysis.language, uiLanguage },
        { fresh: revision > 0 },
      )
      .then(
        (data) => !cancelled && panelState.set('result', { key, data, failed: false }),
        () => !cancelled && panelState.set('result', { key, data: null, failed: true }),
      );
    return () => {
      cancelled = true;
    };
    // Asks again only when what the answer depends on changed (the key says what).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  useEffect(() => {
    if (topic === null) return;
    actions.setOverlayData('topic', topic);
    actions.setOverlayData('suggestions', ids);
  }, [actions, topic, ids]);

  if (!topic || shown.length === 0) return null;
  return (
    <span className="summary" data-testid="suggestions-summary">
      <span className="chip topic">{current?.data?.topicLabel ?? topic}</span>
      <span className="chip count">{t('summary.count', { count: shown.length })}</span>
    </span>
  );
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

type Status = { tone: 'info' | 'warning'; text: string } | null;

function statusOf(outcome: InsertOutcome, t: Translate): Status {
  if (outcome.status === 'inserted') return { tone: 'info', text: t('overlay:reply.inserted') };
  if (outcome.status === 'copied') {
    return {
      tone: 'warning',
      text: t(
        outcome.reason === 'no-comment-box'
          ? 'overlay:reply.noCommentBox'
          : 'overlay:reply.notVerified',
      ),
    };
  }
  return { tone: 'warning', text: t('overlay:reply.failed', { reason: outcome.reason }) };
}

function ReviewBadge({ suggestion }: { suggestion: SuggestionPayload }) {
  const { t } = useTranslation(NS);
  const { review, signature } = suggestion;
  const reviewText = suggestion.reviewed
    ? t('review.approved', {
        reviewer: review.reviewer ?? t('review.unknownReviewer'),
        date: review.reviewedAt ?? '–',
      })
    : suggestion.exampleContent
      ? t('review.example')
      : t(`review.status.${review.status}`, { defaultValue: review.status });
  return (
    <dl className="review" data-testid="review-badge">
      <dt>{t('review.label')}</dt>
      <dd
        className={suggestion.reviewed && !suggestion.expired ? 'ok' : 'warn'}
        data-testid="review-status"
      >
        {reviewText}
      </dd>
      <dt>{t('review.validUntil')}</dt>
      <dd className={suggestion.expired ? 'warn' : ''}>
        {review.validUntil
          ? suggestion.expired
            ? t('review.expiredOn', { date: review.validUntil })
            : review.validUntil
          : '–'}
      </dd>
      <dt>{t('review.signature')}</dt>
      <dd className={signature.status === 'trusted' ? 'ok' : 'warn'} data-testid="signature-status">
        {t(`signature.${signature.status}`, { signer: signature.signer ?? '' })}
      </dd>
      <dt>{t('review.pack')}</dt>
      <dd>{`${suggestion.packTitle} ${suggestion.packVersion}`}</dd>
      {review.legalBasis.length > 0 && (
        <>
          <dt>{t('review.legalBasis')}</dt>
          <dd>{review.legalBasis.join('; ')}</dd>
        </>
      )}
    </dl>
  );
}

function warningText(warning: ReplyWarning, t: Translate): string {
  switch (warning.kind) {
    case 'language':
      return t('warnings.language', {
        reply: t(`overlay:languages.${warning.replyLanguage}`),
        post: t(`overlay:languages.${warning.postLanguage}`),
      });
    case 'expired':
      return t('warnings.expired', { date: warning.validUntil });
    case 'not-reviewed':
      return warning.exampleContent ? t('warnings.example') : t('warnings.notReviewed');
    case 'placeholder':
      return t('warnings.placeholder', { names: warning.names.map((n) => `{${n}}`).join(', ') });
  }
}

interface CardProps {
  suggestion: SuggestionPayload;
  postLanguage: string;
  topic: string;
  actions: OverlayPanelActions;
  panelState: PanelStateStore;
  onNotRelevant(suggestion: SuggestionPayload): void;
}

function SuggestionCard({
  suggestion,
  postLanguage,
  topic,
  actions,
  panelState,
  onNotRelevant,
}: CardProps) {
  const { t } = useTranslation(NS);
  const id = useId();
  const stateKey = `answer:${answerKey(suggestion)}`;
  const state = panelState.get<AnswerState>(stateKey) ?? { open: false, values: {}, draft: null };
  const setState = (change: Partial<AnswerState>) =>
    panelState.set(stateKey, { ...state, ...change });
  const [pending, setPending] = useState<{
    action: 'insert' | 'copy';
    warnings: ReplyWarning[];
  } | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const warningsRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (pending) warningsRef.current?.focus();
  }, [pending]);

  const template = composeReply(suggestion);
  const checked = fillPlaceholders(template, state.values);
  const shownText = state.draft ?? checked;
  const finalText = fillPlaceholders(shownText, state.values);
  const edited = finalText !== checked;
  const percent = Math.round(suggestion.score * 100);
  const rendering = suggestion.translation;

  const applyReply = async (action: 'insert' | 'copy') => {
    setPending(null);
    const detail = {
      answerId: suggestion.answerId,
      packId: suggestion.packId,
      packVersion: suggestion.packVersion,
      replyLanguage: suggestion.reply.language,
      edited,
      topic,
    };
    if (action === 'insert') {
      setBusy(true);
      const outcome = await actions.insertReply(finalText, detail);
      setBusy(false);
      setStatus(statusOf(outcome, t));
      if (outcome.status !== 'failed') actions.recordFeedback(suggestion, 'used');
    } else {
      const copied = await actions.copyText(finalText);
      if (copied) {
        actions.reportAction('reply-copied', detail);
        actions.recordFeedback(suggestion, 'used');
      }
      setStatus(
        copied
          ? { tone: 'info', text: t('overlay:reply.copied') }
          : { tone: 'warning', text: t('overlay:reply.copyFailed') },
      );
    }
  };

  const attempt = (action: 'insert' | 'copy') => {
    setStatus(null);
    const warnings = replyWarnings(suggestion, postLanguage, finalText);
    if (warnings.length > 0) setPending({ action, warnings });
    else void applyReply(action);
  };

  return (
    <li className="suggestion" data-testid="suggestion" data-answer-id={suggestion.answerId}>
      <div className="suggestion-head">
        <button
          type="button"
          className="suggestion-toggle"
          aria-expanded={state.open}
          aria-controls={`${id}-body`}
          onClick={() => setState({ open: !state.open })}
          data-testid="suggestion-toggle"
        >
          <span className="suggestion-title" data-testid="suggestion-title">
            {suggestion.reply.title}
          </span>
          <span className="chip">
            {t(`kinds.${suggestion.kind}`, { defaultValue: suggestion.kind })}
          </span>
          <span className="chip" title={t('scoreHelp')}>
            {t('score', { percent })}
          </span>
          {!suggestion.reviewed && <span className="chip warn">{t('badge.notReviewed')}</span>}
          {suggestion.expired && <span className="chip warn">{t('badge.expired')}</span>}
          {suggestion.fallback && (
            <span className="chip warn">
              {t('badge.fallback', {
                language: t(`overlay:languages.${suggestion.reply.language}`),
              })}
            </span>
          )}
        </button>
        <button
          type="button"
          className="action secondary small"
          onClick={() => onNotRelevant(suggestion)}
          data-testid="suggestion-not-relevant"
          aria-label={t('notRelevantLabel', { title: suggestion.reply.title })}
        >
          {t('notRelevant')}
        </button>
      </div>
      {state.open && (
        <div id={`${id}-body`} className="suggestion-body">
          {suggestion.matchedTerms.length > 0 && (
            <p className="note">{t('matched', { terms: suggestion.matchedTerms.join(', ') })}</p>
          )}
          {suggestion.placeholders.length > 0 && (
            <fieldset className="placeholders">
              <legend>{t('placeholders.legend')}</legend>
              {suggestion.placeholders.map((name) => (
                <div key={name} className="placeholder">
                  <label htmlFor={`${id}-ph-${name}`}>
                    {t('placeholders.label', { name: `{${name}}` })}
                  </label>
                  <input
                    id={`${id}-ph-${name}`}
                    type="text"
                    maxLength={300}
                    value={state.values[name] ?? ''}
                    onChange={(event) =>
                      setState({ values: { ...state.values, [name]: event.target.value } })
                    }
                    data-testid={`placeholder-${name}`}
                  />
                </div>
              ))}
            </fieldset>
          )}
          <div className={rendering ? 'side-by-side' : ''}>
            <div>
              <label htmlFor={`${id}-reply`}>
                {t('replyLabel', { language: t(`overlay:languages.${suggestion.reply.language}`) })}
              </label>
              <textarea
                id={`${id}-reply`}
                lang={suggestion.reply.language}
                rows={8}
                value={shownText}
                onChange={(event) => setState({ draft: event.target.value })}
                data-testid="suggestion-reply"
              />
              {state.draft !== null && (
                <button
                  type="button"
                  className="link"
                  onClick={() => setState({ draft: null })}
                  data-testid="suggestion-restore"
                >
                  {edited ? t('restore') : t('restoreUnchanged')}
                </button>
              )}
            </div>
            {rendering && (
              <div>
                <p className="label" id={`${id}-ui`}>
                  {t('renderingLabel', { language: t(`overlay:languages.${rendering.language}`) })}
                </p>
                <div
                  className="rendering"
                  lang={rendering.language}
                  aria-labelledby={`${id}-ui`}
                  role="note"
                  data-testid="suggestion-rendering"
                >
                  <strong>{rendering.title}</strong>
                  {'\n'}
                  {fillPlaceholders(
                    composeReply({ ...suggestion, reply: rendering }),
                    state.values,
                  )}
                </div>
              </div>
            )}
          </div>
          <ReviewBadge suggestion={suggestion} />
          {pending && (
            <div
              ref={warningsRef}
              tabIndex={-1}
              role="alert"
              className="warnings"
              data-testid="suggestion-warnings"
            >
              <p>{t('warnings.heading')}</p>
              <ul>
                {pending.warnings.map((warning) => (
                  <li key={warning.kind} data-warning={warning.kind}>
                    {warningText(warning, t)}
                  </li>
                ))}
              </ul>
              <div className="actions">
                <button
                  type="button"
                  className="action"
                  onClick={() => void applyReply(pending.action)}
                  data-testid="suggestion-confirm"
                >
                  {pending.action === 'insert' ? t('confirmInsert') : t('confirmCopy')}
                </button>
                <button
                  type="button"
                  className="action secondary"
                  onClick={() => setPending(null)}
                  data-testid="suggestion-cancel"
                >
                  {t('cancel')}
                </button>
              </div>
            </div>
          )}
          <div className="actions">
            <button
              type="button"
              className="action"
              disabled={busy}
              onClick={() => attempt('insert')}
              data-testid="suggestion-insert"
            >
              {t('insert')}
            </button>
            <button
              type="button"
              className="action secondary"
              onClick={() => attempt('copy')}
              data-testid="suggestion-copy"
            >
              {t('copy')}
            </button>
          </div>
          <p
            role="status"
            className={`status ${status?.tone ?? ''}`}
            data-testid="suggestion-status"
          >
            {status?.text ?? ''}
          </p>
        </div>
      )}
    </li>
  );
}

/** Outcome of the post as a whole: handled, or referred to a service. */
function CaseActions({ actions, topic }: { actions: OverlayPanelActions; topic: string | null }) {
  const { t } = useTranslation(NS);
  const id = useId();
  const [referredTo, setReferredTo] = useState('');
  const [status, setStatus] = useState('');
  const detail: Record<string, string> = topic ? { topic } : {};

  const refer = () => {
    const to = referredTo.trim().slice(0, 200);
    if (!to) return;
    actions.reportAction('referred', { ...detail, referredTo: to });
    setStatus(t('referredDone', { to }));
    setReferredTo('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      refer();
    }
  };

  return (
    <div className="case-actions">
      <button
        type="button"
        className="action secondary"
        onClick={() => {
          actions.reportAction('handled', detail);
          setStatus(t('handledDone'));
        }}
        data-testid="suggestions-handled"
      >
        {t('handled')}
      </button>
      <label htmlFor={`${id}-to`} className="inline">
        {t('referredLabel')}
      </label>
      <input
        id={`${id}-to`}
        type="text"
        maxLength={200}
        value={referredTo}
        placeholder={t('referredPlaceholder')}
        onChange={(event) => setReferredTo(event.target.value)}
        onKeyDown={onKeyDown}
        data-testid="suggestions-referred-to"
      />
      <button
        type="button"
        className="action secondary"
        disabled={referredTo.trim() === ''}
        onClick={refer}
        data-testid="suggestions-referred"
      >
        {t('referred')}
      </button>
      <p role="status" className="status" data-testid="suggestions-case-status">
        {status}
      </p>
    </div>
  );
}

export function SuggestionsPanel(props: OverlayPanelProps) {
  const { analysis, actions, panelState } = props;
  const { t } = useTranslation(NS);
  const id = useId();
  const { revision, current, shown, topic } = useSuggestionView(props);
  const ids = shown.map((s) => s.answerId).join(',');

  useEffect(() => {
    if (!ids || panelState.get<string>('shownLogged') === ids) return;
    panelState.set('shownLogged', ids);
    actions.reportAction('suggestions-shown', { answerIds: ids, ...(topic ? { topic } : {}) });
    // Once per set of answers shown for this post, however often the panel re-renders.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ids]);

  const notRelevant = (suggestion: SuggestionPayload) => {
    actions.reportAction('not-relevant', {
      answerId: suggestion.answerId,
      packId: suggestion.packId,
      ...(topic ? { topic } : {}),
    });
    actions.recordFeedback(suggestion, 'not-relevant');
    const dismissed = panelState.get<string[]>('dismissed') ?? [];
    panelState.set('dismissed', [...dismissed, answerKey(suggestion)]);
    // Ask again, so an answer that now ranks higher can take the free place.
    panelState.set('revision', revision + 1);
  };

  const language = analysis?.language ?? 'und';
  const languageName = t(`overlay:languages.${language}`, { defaultValue: language });
  return (
    <section aria-labelledby={`${id}-h`} className="suggestions" data-testid="suggestions-panel">
      <h3 id={`${id}-h`} className="section-title">
        {t('heading')}
      </h3>
      {!current ? (
        <p role="status" className="note">
          {analysis ? t('loading') : ''}
        </p>
      ) : current.failed ? (
        <p role="status" className="status warning">
          {t('failed')}
        </p>
      ) : (
        <>
          <p className="note" data-testid="suggestions-topic">
            {shown.length > 0
              ? t('detected', {
                  language: languageName,
                  topic: current.data?.topicLabel ?? topic,
                })
              : languageName}
          </p>
          {shown.length === 0 ? (
            <p className="note" data-testid="suggestions-none">
              {current.data?.answerCount === 0 ? t('noPacks') : t('none')}
            </p>
          ) : (
            <ol className="suggestion-list">
              {shown.map((suggestion) => (
                <SuggestionCard
                  key={answerKey(suggestion)}
                  suggestion={suggestion}
                  postLanguage={language}
                  topic={topic ?? suggestion.topic}
                  actions={actions}
                  panelState={panelState}
                  onNotRelevant={notRelevant}
                />
              ))}
            </ol>
          )}
        </>
      )}
      <CaseActions actions={actions} topic={topic} />
    </section>
  );
}
