/**
 * One post's overlay: a compact, keyboard-reachable summary (language,
 * question) that expands into details, the advisor's own reply box and
 * every registered panel. Page text is only ever rendered as text.
 */
import { useCallback, useId, useMemo, useState, useSyncExternalStore } from 'react';
import type {
  InsertOutcome,
  OverlayPanel,
  OverlayPanelActions,
  PanelStateStore,
} from '../../lib/content/overlay-contract';
import type { PostEntry, PostStore } from '../../lib/content/post-store';
import { useTranslation } from './overlay-i18n';

export interface OverlayProps {
  postKey: string;
  store: PostStore;
  actions: OverlayPanelActions;
  panels: readonly OverlayPanel[];
}

function usePostEntry(store: PostStore, postKey: string): PostEntry | undefined {
  const subscribe = useCallback(
    (listener: () => void) => store.subscribe(postKey, listener),
    [store, postKey],
  );
  return useSyncExternalStore(subscribe, () => store.get(postKey));
}

type ReplyStatus = { tone: 'info' | 'warning'; key: string; reason?: string } | null;

function statusFor(outcome: InsertOutcome): ReplyStatus {
  if (outcome.status === 'inserted') return { tone: 'info', key: 'reply.inserted' };
  if (outcome.status === 'copied') {
    return {
      tone: 'warning',
      key: outcome.reason === 'no-comment-box' ? 'reply.noCommentBox' : 'reply.notVerified',
    };
  }
  return { tone: 'warning', key: 'reply.failed', reason: outcome.reason };
}

function OwnReply({
  entry,
  store,
  actions,
}: {
  entry: PostEntry;
  store: PostStore;
  actions: OverlayPanelActions;
}) {
  const { t } = useTranslation('overlay');
  const id = useId();
  const draft = (entry.panelState.get('core:draft') as string | undefined) ?? '';
  const [status, setStatus] = useState<ReplyStatus>(null);
  const [busy, setBusy] = useState(false);

  const insert = async () => {
    if (!draft.trim()) return setStatus({ tone: 'warning', key: 'reply.empty' });
    setBusy(true);
    const outcome = await actions.insertReply(draft);
    setBusy(false);
    setStatus(statusFor(outcome));
  };
  const copy = async () => {
    if (!draft.trim()) return setStatus({ tone: 'warning', key: 'reply.empty' });
    const copied = await actions.copyText(draft);
    if (copied) actions.reportAction('reply-copied', { source: 'own-reply' });
    setStatus(
      copied ? { tone: 'info', key: 'reply.copied' } : { tone: 'warning', key: 'reply.copyFailed' },
    );
  };

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('reply.heading')}</h2>
      <label htmlFor={`${id}-text`}>{t('reply.label')}</label>
      <textarea
        id={`${id}-text`}
        data-testid="own-reply"
        value={draft}
        onChange={(event) =>
          store.setPanelState(entry.post.postKey, 'core:draft', event.target.value)
        }
      />
      <div className="actions">
        <button
          type="button"
          className="action"
          data-testid="insert-reply"
          disabled={busy}
          onClick={() => void insert()}
        >
          {t('reply.insert')}
        </button>
        <button
          type="button"
          className="action secondary"
          data-testid="copy-reply"
          onClick={() => void copy()}
        >
          {t('reply.copy')}
        </button>
      </div>
      <p role="status" className={`status ${status?.tone ?? ''}`} data-testid="reply-status">
        {status ? t(status.key, { reason: status.reason ?? '' }) : ''}
      </p>
    </section>
  );
}

/**
 * One state store per panel, stable for the overlay's lifetime: a panel may
 * list it in an effect's dependencies without re-running the effect on every
 * render (a new object per render made such an effect write, re-render and
 * write again: React error #185). `get` reads the store's current entry.
 */
function usePanelStates(
  store: PostStore,
  postKey: string,
  panels: readonly OverlayPanel[],
): ReadonlyMap<string, PanelStateStore> {
  return useMemo(
    () =>
      new Map(
        panels.map(({ id }): [string, PanelStateStore] => [
          id,
          {
            get: <T,>(key: string) =>
              store.get(postKey)?.panelState.get(`${id}:${key}`) as T | undefined,
            set: (key, value) => store.setPanelState(postKey, `${id}:${key}`, value),
          },
        ]),
      ),
    [store, postKey, panels],
  );
}

export function Overlay({ postKey, store, actions, panels }: OverlayProps) {
  const { t } = useTranslation('overlay');
  const entry = usePostEntry(store, postKey);
  const regionId = useId();
  const panelStates = usePanelStates(store, postKey, panels);
  if (!entry) return null;
  const { analysis, post, expanded } = entry;
  const language = analysis?.language ?? null;
  const languageName = language ? t(`languages.${language}`, { defaultValue: language }) : null;
  const summary = !analysis
    ? t('analysing')
    : [
        language === 'und' ? t('languageUnknown') : languageName,
        analysis.isQuestion ? t('question') : t('noQuestion'),
      ].join(' · ');

  const toggle = () => {
    store.setExpanded(postKey, !expanded);
    actions.reportAction(expanded ? 'overlay-closed' : 'overlay-opened');
  };

  return (
    <div className="overlay" lang={t('languages.en') === 'English' ? 'en' : 'de'}>
      <button
        type="button"
        className="bar"
        aria-expanded={expanded}
        aria-controls={regionId}
        aria-label={t('toggle', { summary })}
        data-testid="overlay-toggle"
        onClick={toggle}
      >
        <span className="logo" aria-hidden="true">
          OA
        </span>
        {!analysis ? (
          <span>{t('analysing')}</span>
        ) : (
          <>
            <span className="lang">{language === 'und' ? '?' : language}</span>
            {analysis.isQuestion && <span className="chip question">{t('question')}</span>}
          </>
        )}
        <span className="chevron" aria-hidden="true">
          {expanded ? '▴' : '▾'}
        </span>
      </button>
      {panels.map(({ id, summary: Summary }) =>
        Summary ? (
          <Summary
            key={id}
            post={post}
            analysis={analysis}
            actions={actions}
            panelState={panelStates.get(id) as PanelStateStore}
          />
        ) : null,
      )}
      {expanded && (
        <div className="panel" id={regionId} data-testid="overlay-panel">
          <dl className="facts">
            <dt>{t('details.language')}</dt>
            <dd data-testid="overlay-language">
              {analysis
                ? `${languageName ?? ''}${analysis.language !== 'und' ? ` (${t('details.confidence', { percent: Math.round(analysis.confidence * 100) })})` : ''}`
                : t('analysing')}
            </dd>
            <dt>{t('details.question')}</dt>
            <dd>
              {analysis
                ? analysis.isQuestion
                  ? t('details.yes')
                  : t('details.no')
                : t('analysing')}
            </dd>
          </dl>
          {post.anonymous && <p className="note">{t('details.anonymous')}</p>}
          {post.truncated && <p className="note">{t('details.truncated')}</p>}
          {panels.map(({ id, component: Panel }) => (
            <section key={id} data-panel={id}>
              <Panel
                post={post}
                analysis={analysis}
                actions={actions}
                panelState={panelStates.get(id) as PanelStateStore}
              />
            </section>
          ))}
          <OwnReply entry={entry} store={store} actions={actions} />
        </div>
      )}
    </div>
  );
}
