/**
 * The selected post: its text (as text), language, topic and whether it
 * asks something; the suggestions and the search; using a reply (insert
 * over the port, or copy) with an honest result; and the documentation flow
 * right below that result. Every action the advisor takes is logged here.
 *
 * Keys while this view is shown and focus is not in a text field: "/"
 * focuses the search, "i" uses the open reply (Insert). Esc and "n" belong
 * to the workspace.
 */
import type { Ref } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DetectedLanguage, UiLanguage } from '../../lib/domain/languages';
import type { GermanState } from '../../lib/domain/states';
import type { AnswerChoiceSource, LogEventRequest } from '../../lib/log/events';
import type { ReferralOption } from '../../lib/referrals/messages';
import type { SuggestionPayload } from '../../lib/suggestions/schema';
import type { InsertOutcome } from '../../lib/workspace/protocol';
import type { ColleagueMark, StoredCaseNote, WorkspaceActions } from './actions';
import type { DocumentationEntry } from './documentation';
import { ClaimsSection } from './claims-section';
import { ColleagueNotice } from './colleague-notice';
import { Documentation } from './documentation';
import type { DraftStore } from './drafts';
import { useDraft } from './drafts';
import { isTypingTarget } from './keys';
import { outcomeMessage } from './outcome-message';
import { languageName } from './language';
import { noteEvent, notRelevantEvent, replyEvent, suggestionsShownEvent } from './log-context';
import { INSERT_FAILURE, type PortClient } from './port-client';
import type { QueueItem } from './queue';
import { SearchBox } from './search-box';
import { answerKey, SuggestionCard, type UseAction } from './suggestion-card';
import type { SuggestionEntry } from './use-suggestions';
import { sendWithRetry } from './use-log';
import { useFocusAfterRender } from './use-focus-after-render';
import { useSearch } from './use-search';

export interface PostViewProps {
  item: QueueItem;
  /** A comment whose myth flag the advisor pressed on the page (its correction opens). */
  selectedComment?: string | null;
  suggestions: SuggestionEntry | undefined;
  /** Answers in the active packs; 0: no pack active. */
  answerCount: number | null;
  uiLanguage: UiLanguage;
  includeText: boolean;
  /** The federal state the advisor works in (settings): the referral picker's filter. */
  advisorState: GermanState | null;
  actions: WorkspaceActions;
  client: PortClient | null;
  drafts: DraftStore;
  log(events: LogEventRequest[]): Promise<void>;
  onStatus(postKey: string, action: 'reply' | 'not-relevant' | 'documented'): void;
  onRefreshSuggestions(postKey: string): void;
  onNext(): void;
  /** Moves focus to the workspace's "Next open question" (after "not relevant"). */
  focusNext(): void;
  headingRef: Ref<HTMLHeadingElement>;
  /** Colleagues in the team who replied to or documented this post, newest first. */
  colleagueMarks?: readonly ColleagueMark[];
}

type Message = { tone: 'ok' | 'warn'; text: string };

interface Used {
  cardKey: string;
  message: Message;
  /** The reply reached the box or the clipboard: documentation follows. */
  done: boolean;
  /** The referral target the reply named (the `{referral}` picker): the outcome to propose. */
  referralId: string | null;
}

/** The directory for the advisor's state and the post's language; null until it arrived. */
function useReferrals(
  actions: WorkspaceActions,
  state: GermanState | null,
  language: DetectedLanguage,
): ReferralOption[] | null {
  const [referrals, setReferrals] = useState<ReferralOption[] | null>(null);
  useEffect(() => {
    let cancelled = false;
    actions
      .listReferrals({
        ...(state !== null && { state }),
        ...(language !== 'und' && { language }),
      })
      .then(
        (list) => !cancelled && setReferrals(list),
        () => !cancelled && setReferrals([]),
      );
    return () => {
      cancelled = true;
    };
  }, [actions, state, language]);
  return referrals;
}

/** The id of a post view's heading, which labels the view. */
export function postHeadingId(postKey: string): string {
  return `${postKey}-h`;
}

export function PostView({
  item,
  selectedComment = null,
  suggestions,
  answerCount,
  uiLanguage,
  includeText,
  advisorState,
  actions,
  client,
  drafts,
  log,
  onStatus,
  onRefreshSuggestions,
  onNext,
  focusNext,
  headingRef,
  colleagueMarks = [],
}: PostViewProps) {
  const { post } = item;
  const { t } = useTranslation('workspace');
  const postKey = post.postKey;
  const postLanguage = post.analysis?.language ?? 'und';
  const context = { topic: item.topic, includeText: includeText };

  const [dismissed, setDismissed] = useDraft<string[]>(drafts, `${postKey}\u0000dismissed`, []);
  const [query, setQuery] = useDraft(drafts, `${postKey}\u0000query`, '');
  const [used, setUsed] = useState<Used | null>(null);
  const [busy, setBusy] = useState(false);
  const [stored, setStored] = useState<StoredCaseNote | null | 'loading'>('loading');
  const [documentWithoutReply, setDocumentWithoutReply] = useState(false);
  const [postMessage, setPostMessage] = useState<string | null>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const suggestionsHeading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const searchList = useRef<HTMLOListElement>(null);
  const insertOpen = useRef<(() => void) | null>(null);
  /** Saving a note reuses the event of a failed attempt, so a retry is never counted twice. */
  const pendingNote = useRef<{ signature: string; event: LogEventRequest } | null>(null);

  const data = suggestions?.data ?? null;
  const shown = (data?.suggestions ?? []).filter((s) => !dismissed.includes(answerKey(s)));
  const anyLikely = shown.some((s) => s.level === 'likely');
  const firstLikely = shown.find((s) => s.level === 'likely');
  // When nothing is likely: the matcher's candidate topics, named in the UI language —
  // for questions and on-topic posts only; a sale ad gets no topic hints.
  const hintTopics =
    data !== null && (data.topic !== 'off-topic' || post.analysis?.isQuestion === true);
  const possibleTopicLabels = (
    !hintTopics
      ? []
      : data?.possibleTopics && data.possibleTopics.length > 0
        ? data.possibleTopics.map((topic) => t(`topics:${topic}`))
        : data && data.topic !== 'off-topic'
          ? [data.topicLabel]
          : []
  ).slice(0, 3);
  // Until the advisor opens or closes a card, the first likely suggestion is open
  // (also when the suggestions arrive after the post was selected).
  const [chosenCard, setOpenCard] = useDraft<string | null | undefined>(
    drafts,
    `${postKey}\u0000open`,
    undefined,
  );
  const openCard =
    chosenCard !== undefined
      ? chosenCard
      : firstLikely
        ? `suggestion:${answerKey(firstLikely)}`
        : null;
  const search = useSearch(query, { postLanguage, uiLanguage }, actions.search);
  const referrals = useReferrals(actions, advisorState, postLanguage);

  useEffect(() => {
    let cancelled = false;
    actions.loadCaseNote(postKey).then(
      (note) => !cancelled && setStored(note),
      () => !cancelled && setStored(null),
    );
    return () => {
      cancelled = true;
    };
  }, [actions, postKey]);

  // suggestions-shown: once per post and set of answers, however often the view renders.
  const shownIds = shown.map((s) => s.answerId).join(',');
  useEffect(() => {
    const key = `${postKey}\u0000shownLogged`;
    if (!shownIds || drafts.get<string>(key) === shownIds) return;
    drafts.set(key, shownIds);
    void log([suggestionsShownEvent(post, context, shownIds.split(','))]);
    // Logged for a new set of answers only; the post's context is read as it is then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shownIds, postKey]);

  /** After "does not fit", focus goes to the card now at that place (or the heading) once it is gone. */
  const focusCardAt = useFocusAfterRender<{ index: number; dismissed: string }>(
    ({ index, dismissed: gone }) => {
      if (shown.some((s) => answerKey(s) === gone)) return null;
      const toggles = list.current?.querySelectorAll<HTMLButtonElement>('.card-toggle') ?? [];
      return toggles[Math.min(index, toggles.length - 1)] ?? suggestionsHeading.current;
    },
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTypingTarget(event.target)) return;
      if (event.key === '/') {
        event.preventDefault();
        searchInput.current?.focus();
      } else if (event.key === 'i' && insertOpen.current) {
        event.preventDefault();
        insertOpen.current();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const use = async (
    suggestion: SuggestionPayload,
    via: AnswerChoiceSource,
    action: UseAction,
    text: string,
    edited: boolean,
    referralId: string | null,
  ) => {
    const cardKey = `${via}:${answerKey(suggestion)}`;
    let type: 'reply-inserted' | 'reply-copied' | null = null;
    let message: Message;
    if (action === 'insert') {
      setBusy(true);
      const outcome: InsertOutcome = client
        ? await client.insert(postKey, text)
        : { status: 'failed', reason: INSERT_FAILURE.notConnected };
      setBusy(false);
      message = outcomeMessage(outcome, t);
      if (outcome.status !== 'failed') {
        type = outcome.status === 'inserted' ? 'reply-inserted' : 'reply-copied';
      }
    } else {
      const copied = await actions.copyText(text);
      message = copied
        ? { tone: 'ok', text: t('result.copied') }
        : { tone: 'warn', text: t('result.copyFailed') };
      if (copied) type = 'reply-copied';
    }
    setUsed({ cardKey, message, done: type !== null, referralId });
    if (type === null) return;
    onStatus(postKey, 'reply');
    void log([replyEvent(post, context, { type, suggestion, edited, chosenVia: via })]);
    void actions.recordFeedback(suggestion, 'used').catch(() => undefined);
  };

  const dismiss = (suggestion: SuggestionPayload, index: number) => {
    void log([notRelevantEvent(post, context, suggestion.answerId)]);
    void actions.recordFeedback(suggestion, 'not-relevant').catch(() => undefined);
    setDismissed([...dismissed, answerKey(suggestion)]);
    onRefreshSuggestions(postKey);
    focusCardAt({ index, dismissed: answerKey(suggestion) });
  };

  const markPostNotRelevant = () => {
    void log([notRelevantEvent(post, context, null)]);
    onStatus(postKey, 'not-relevant');
    setPostMessage(t('notRelevant.postDone'));
    focusNext();
  };

  const saveNote = async (entry: DocumentationEntry) => {
    const signature = JSON.stringify(entry);
    const event =
      pendingNote.current?.signature === signature
        ? pendingNote.current.event
        : noteEvent(post, context, entry);
    pendingNote.current = { signature, event };
    // The worker may stop mid-save (MV3): try again with the same id, as every other event does.
    await sendWithRetry(actions.logEvents, [event]);
    pendingNote.current = null;
    onStatus(postKey, 'documented');
  };

  const storedNote = stored === 'loading' ? null : stored;
  const showDocumentation =
    stored !== 'loading' &&
    (used?.done === true ||
      documentWithoutReply ||
      storedNote !== null ||
      item.status === 'reply-inserted' ||
      item.status === 'documented');
  const documentation = showDocumentation ? (
    <Documentation
      key={postKey}
      stored={storedNote}
      proposed={
        used?.done === true && used.referralId !== null
          ? { outcome: 'referred', referredTo: used.referralId }
          : null
      }
      focusOnShow={used?.done === true || documentWithoutReply}
      onSave={saveNote}
      onNext={onNext}
    />
  ) : null;

  const rendered = [
    ...shown.map((s) => `suggestion:${answerKey(s)}`),
    ...(search.kind === 'done' ? search.results.map((s) => `search:${answerKey(s)}`) : []),
  ];
  /** The documentation sits under the result in the used card while that card is open. */
  const inCard =
    used?.done === true && openCard === used.cardKey && rendered.includes(used.cardKey);

  const renderCard = (suggestion: SuggestionPayload, via: AnswerChoiceSource, index: number) => {
    const cardKey = `${via}:${answerKey(suggestion)}`;
    const isUsed = used?.cardKey === cardKey;
    return (
      <SuggestionCard
        key={cardKey}
        suggestion={suggestion}
        via={via}
        postKey={postKey}
        postLanguage={postLanguage}
        open={openCard === cardKey}
        onToggle={() => setOpenCard(openCard === cardKey ? null : cardKey)}
        drafts={drafts}
        busy={busy}
        referrals={referrals}
        onUse={(action, text, edited, referralId) =>
          void use(suggestion, via, action, text, edited, referralId)
        }
        onNotRelevant={via === 'suggestion' ? () => dismiss(suggestion, index) : undefined}
        registerInsert={(insert) => {
          insertOpen.current = insert;
        }}
      >
        {isUsed && (
          <p role="status" className={`status ${used.message.tone}`} data-testid="insert-result">
            {used.message.text}
          </p>
        )}
        {isUsed && inCard && documentation}
      </SuggestionCard>
    );
  };

  const suggestionsSection = (
    <section className="suggestions" aria-labelledby={`${postKey}-sg`}>
      <h3 id={`${postKey}-sg`} ref={suggestionsHeading} tabIndex={-1}>
        {t('suggestions.heading')}
      </h3>
      {answerCount === 0 ? (
        <p className="notice" data-testid="no-pack">
          {t('empty.noPack')}
        </p>
      ) : !post.analysis || !suggestions ? (
        <p role="status" className="hint">
          {t('suggestions.loading')}
        </p>
      ) : suggestions.failed ? (
        <p role="status" className="status warn">
          {t('suggestions.failed')}
        </p>
      ) : shown.length === 0 ? (
        <p className="hint" data-testid="suggestions-none">
          {t('suggestions.none')}
        </p>
      ) : (
        <ol className="cards" ref={list} data-testid="suggestion-list">
          {shown.map((suggestion, index) => renderCard(suggestion, 'suggestion', index))}
        </ol>
      )}
    </section>
  );

  const searchSection = (
    <section className="search-section" aria-label={t('search.label')}>
      <SearchBox
        query={query}
        onQuery={setQuery}
        inputRef={searchInput}
        onFirstResult={(open) => {
          const first = search.kind === 'done' ? search.results[0] : undefined;
          if (!first) return false;
          if (open) setOpenCard(`search:${answerKey(first)}`);
          searchList.current?.querySelector<HTMLButtonElement>('.card-toggle')?.focus();
          return true;
        }}
      />
      {search.kind === 'searching' && (
        <p role="status" className="hint">
          {t('search.searching')}
        </p>
      )}
      {search.kind === 'failed' && (
        <p role="status" className="status warn">
          {t('search.failed')}
        </p>
      )}
      {search.kind === 'done' &&
        (search.results.length === 0 ? (
          <p role="status" className="hint" data-testid="search-none">
            {t('search.none')}
          </p>
        ) : (
          <ol
            className="cards"
            ref={searchList}
            data-testid="search-results"
            aria-label={t('search.results')}
          >
            {search.results.map((suggestion, index) => renderCard(suggestion, 'search', index))}
          </ol>
        ))}
    </section>
  );

  // Coming from a comment's flag, the advisor came for that comment: its section goes first.
  const claimsFirst = post.claims.some((claim) => claim.commentKey === selectedComment);
  const claimsSection = (
    <ClaimsSection
      post={post}
      context={context}
      uiLanguage={uiLanguage}
      selectedComment={selectedComment}
      actions={actions}
      client={client}
      drafts={drafts}
      referrals={referrals}
      busy={busy}
      setBusy={setBusy}
      log={log}
    />
  );

  const question = post.analysis === null ? null : post.analysis.isQuestion;
  return (
    <article className="post-view" aria-labelledby={postHeadingId(postKey)} data-testid="post-view">
      <h2 id={postHeadingId(postKey)} ref={headingRef} tabIndex={-1} data-testid="post-heading">
        {t('post.heading', {
          language: languageName(post.analysis?.language, t),
          topic: item.topicLabel ?? t('post.topicUnknown'),
        })}
      </h2>
      <p className="meta">
        <span className={`badge status-${item.status}`} data-testid="post-status">
          {t(`status.${item.status}`)}
        </span>{' '}
        <span className="badge">
          {question === null
            ? t('post.analysing')
            : question
              ? t('post.question')
              : t('post.noQuestion')}
        </span>
        {post.timeLabel && <span className="hint">{` · ${post.timeLabel}`}</span>}
      </p>
      <ColleagueNotice marks={colleagueMarks} />
      <div
        className="post-text"
        lang={post.analysis?.language ?? undefined}
        data-testid="post-text"
      >
        {post.text}
      </div>
      {post.truncated && <p className="hint">{t('post.truncated')}</p>}
      <div className="actions">
        <button type="button" onClick={markPostNotRelevant} data-testid="post-not-relevant">
          {t('notRelevant.post')}
        </button>
        {!showDocumentation && (
          <button
            type="button"
            onClick={() => setDocumentWithoutReply(true)}
            data-testid="document-without-reply"
          >
            {t('documentation.withoutReply')}
          </button>
        )}
      </div>
      {postMessage && (
        <p role="status" className="status ok">
          {postMessage}
        </p>
      )}
      {claimsFirst && claimsSection}
      {!anyLikely && data && possibleTopicLabels.length > 0 && (
        <p className="notice" data-testid="possible-topics">
          {t('suggestions.possibleTopics', {
            count: possibleTopicLabels.length,
            topics: possibleTopicLabels.join(', '),
          })}
        </p>
      )}
      {anyLikely ? (
        <>
          {suggestionsSection}
          {searchSection}
        </>
      ) : (
        <>
          {searchSection}
          {suggestionsSection}
        </>
      )}
      {!inCard && documentation}
      {!claimsFirst && claimsSection}
    </article>
  );
}
