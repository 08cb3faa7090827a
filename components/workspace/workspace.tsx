/**
 * The advisor's workspace (issue 13; docs/ARCHITECTURE.md#contexts): an
 * extension page in the browser's side panel, bound to one tab. It talks to
 * that tab's content script over a port (`connect`) and to the background
 * through `actions`; nothing private it shows ever enters the page.
 *
 * Two views: the queue of recognised posts, and one selected post. Keys
 * (when not typing): "n" next open question, Esc back to the queue; the
 * post view adds "/" and "i", the documentation 1–5 and Enter.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../lib/settings/settings';
import type { WorkspaceActions } from './actions';
import { createDraftStore } from './drafts';
import type { EmptyReason } from './empty-state';
import { EmptyState } from './empty-state';
import { isTypingTarget } from './keys';
import { uiLanguageOf } from './language';
import type { ConnectPort } from './port-client';
import { PostView, postHeadingId } from './post-view';
import type { QueueFilter, TopicInfo } from './queue';
import { buildQueue, countQueue, nextOpenQuestion } from './queue';
import { QueueView } from './queue-view';
import type { Connection } from './use-connection';
import { useColleagueMarks } from './use-colleague-marks';
import { useConnection } from './use-connection';
import { useFocusAfterRender } from './use-focus-after-render';
import { useFocusGuard } from './use-focus-guard';
import { useLog } from './use-log';
import { useStatuses } from './use-statuses';
import { useSuggestions } from './use-suggestions';
import { GroupSpikes } from './group-spikes';
import { WorkspaceHeader } from './workspace-header';

export interface BoundTab {
  tabId: number;
  /** Known when the browser lets the extension see it (Facebook tabs). */
  url: string | null;
  /** Goes up when the tab finished loading a page. */
  navigations: number;
}

export interface WorkspaceProps {
  /** `pending` while the binding is being found, null when there is no tab. */
  tab: BoundTab | null | 'pending';
  connect: ConnectPort;
  actions: WorkspaceActions;
}

/** Pages the content script runs on (wxt.config.ts; the test build adds localhost). */
const CONTENT_PAGE = /^https:\/\/(www|web)\.facebook\.com\/|^http:\/\/(localhost|127\.0\.0\.1)[:/]/;

function emptyReason(tab: WorkspaceProps['tab'], connection: Connection): EmptyReason | null {
  if (tab === 'pending') return 'pending';
  if (tab === null) return 'no-tab';
  const { snapshot } = connection;
  if (!snapshot) {
    if (connection.state !== 'unreachable') return 'connecting';
    return tab.url !== null && CONTENT_PAGE.test(tab.url)
      ? 'unreachable-facebook'
      : 'unreachable-other';
  }
  if (snapshot.page.kind === 'other') return 'not-a-group';
  if (!snapshot.page.included) return 'excluded';
  if (snapshot.posts.length === 0) return 'no-posts';
  return null;
}

function useSettingsValue(actions: WorkspaceActions): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let cancelled = false;
    actions.getSettings().then(
      (value) => !cancelled && setSettings(value),
      () => undefined,
    );
    const stop = actions.watchSettings(setSettings);
    return () => {
      cancelled = true;
      stop();
    };
  }, [actions]);
  return settings;
}

/** Where focus goes once the view the advisor asked for is rendered. */
type FocusTarget = { view: 'post'; postKey: string } | { view: 'queue'; postKey: string | null };

export function Workspace({ tab, connect, actions }: WorkspaceProps) {
  const { t, i18n } = useTranslation('workspace');
  const uiLanguage = uiLanguageOf(i18n.language);
  const boundTab = tab === 'pending' || tab === null ? null : tab;
  /** Set to `select` below: the advisor pressed a post's marker on the page. */
  const selectFromPage = useRef<(postKey: string, commentKey?: string) => void>(() => undefined);
  const connection = useConnection(
    boundTab?.tabId ?? null,
    boundTab?.navigations ?? 0,
    connect,
    (postKey, commentKey) => selectFromPage.current(postKey, commentKey),
  );
  const { snapshot, client } = connection;
  const posts = useMemo(() => snapshot?.posts ?? [], [snapshot]);
  const settings = useSettingsValue(actions);
  const suggestions = useSuggestions(posts, uiLanguage, actions);
  const { statuses, apply } = useStatuses(posts, actions, client);
  const { log, unsaved } = useLog(actions);
  const [drafts] = useState(createDraftStore);
  const [filter, setFilter] = useState<QueueFilter>('open');
  const [selected, setSelected] = useState<string | null>(null);
  /** The comment whose myth flag the advisor pressed: its correction opens in the post view. */
  const [selectedComment, setSelectedComment] = useState<string | null>(null);
  // Another tab is another page: its queue starts unselected.
  const [selectionTab, setSelectionTab] = useState(boundTab?.tabId ?? null);
  if (selectionTab !== (boundTab?.tabId ?? null)) {
    setSelectionTab(boundTab?.tabId ?? null);
    setSelected(null);
  }
  const [nextMessage, setNextMessage] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const postHeading = useRef<HTMLHeadingElement>(null);
  const queueHeading = useRef<HTMLHeadingElement>(null);
  const nextButton = useRef<HTMLButtonElement>(null);
  /** The post's heading once that post's view is shown; the queue's row (or heading) once it is back. */
  const focusAfterRender = useFocusAfterRender<FocusTarget>((target) => {
    if (target.view === 'post') {
      const heading = postHeading.current;
      return heading?.id === postHeadingId(target.postKey) ? heading : null;
    }
    const queue = queueHeading.current;
    if (queue === null) return null;
    const row = target.postKey
      ? root.current?.querySelector<HTMLElement>(`[data-post-key="${CSS.escape(target.postKey)}"]`)
      : null;
    return row ?? queue;
  });

  const topics = useMemo(() => {
    const map = new Map<string, TopicInfo>();
    for (const [postKey, entry] of suggestions.byKey) {
      if (entry.data)
        map.set(postKey, { topic: entry.data.topic, topicLabel: entry.data.topicLabel });
    }
    return map;
  }, [suggestions.byKey]);
  const items = useMemo(() => buildQueue(posts, statuses, topics), [posts, statuses, topics]);
  const counts = useMemo(() => countQueue(items), [items]);
  const selectedItem = items.find((item) => item.post.postKey === selected) ?? null;
  const colleagueMarks = useColleagueMarks(posts, selectedItem?.post.postKey ?? null, actions);
  const reason = emptyReason(tab, connection);

  const select = useCallback(
    (postKey: string, commentKey?: string) => {
      setSelected(postKey);
      setSelectedComment(commentKey ?? null);
      setNextMessage(null);
      focusAfterRender({ view: 'post', postKey });
      void client?.focus(postKey);
    },
    [client, focusAfterRender],
  );

  useEffect(() => {
    selectFromPage.current = select;
  }, [select]);

  const goNext = useCallback(() => {
    const next = nextOpenQuestion(items, selected);
    if (next) select(next.post.postKey);
    else {
      setNextMessage(t('queue.noneOpen'));
      nextButton.current?.focus();
    }
  }, [items, selected, select, t]);

  const back = useCallback(() => {
    focusAfterRender({ view: 'queue', postKey: selected });
    setSelected(null);
  }, [selected, focusAfterRender]);

  // A marker pressed before this workspace was open: picked up once per tab.
  const tabId = boundTab?.tabId ?? null;
  const connected = connection.state === 'connected';
  useEffect(() => {
    if (!connected || tabId === null) return;
    let cancelled = false;
    actions.takeSelection(tabId).then(
      (selection) =>
        !cancelled &&
        selection !== null &&
        select(selection.postKey, selection.commentKey ?? undefined),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
    // Once per connection to this tab.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [connected, tabId, actions]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'Escape' && selected !== null) {
        event.preventDefault();
        back();
      } else if (event.key === 'n' && !isTypingTarget(event.target) && reason === null) {
        event.preventDefault();
        goNext();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [selected, back, goNext, reason]);

  useEffect(() => {
    document.title = t('title');
  }, [t]);

  useFocusGuard(root, () =>
    selectedItem ? postHeading.current : (queueHeading.current ?? nextButton.current),
  );

  return (
    <div className="workspace" ref={root}>
      {/* Everything sits in a landmark (axe "region"): title and counts in the banner. */}
      <header>
        <h1 className="ws-title">{t('title')}</h1>
        {reason === null && (
          <WorkspaceHeader
            groupName={snapshot?.page.groupName ?? null}
            counts={counts}
            onNext={goNext}
            nextRef={nextButton}
            nextMessage={nextMessage}
            unsaved={unsaved}
          />
        )}
        {reason === null && (
          <GroupSpikes groupId={snapshot?.page.groupId ?? null} actions={actions} />
        )}
        {snapshot && connection.state !== 'connected' && (
          <p role="status" className="notice" data-testid="reconnecting">
            {connection.state === 'unreachable' ? t('empty.lost') : t('empty.reconnecting')}
          </p>
        )}
        {suggestions.answerCount === 0 && reason === null && (
          <p className="notice" data-testid="no-pack-banner">
            {t('empty.noPack')}
          </p>
        )}
      </header>
      <main>
        {reason !== null ? (
          <EmptyState reason={reason} />
        ) : selectedItem ? (
          <>
            <button type="button" className="link back" onClick={back} aria-keyshortcuts="Escape">
              {t('queue.back')}
            </button>
            <PostView
              key={selectedItem.post.postKey}
              item={selectedItem}
              selectedComment={selectedComment}
              suggestions={suggestions.byKey.get(selectedItem.post.postKey)}
              answerCount={suggestions.answerCount}
              uiLanguage={uiLanguage}
              includeText={settings?.storePostText ?? false}
              advisorState={settings?.advisorState ?? null}
              actions={actions}
              client={client}
              drafts={drafts}
              log={log}
              onStatus={apply}
              onRefreshSuggestions={suggestions.refresh}
              onNext={goNext}
              focusNext={() => nextButton.current?.focus()}
              headingRef={postHeading}
              colleagueMarks={colleagueMarks.get(selectedItem.post.postKey)}
            />
          </>
        ) : (
          <QueueView
            items={items}
            counts={counts}
            filter={filter}
            onFilter={setFilter}
            onOpen={select}
            headingRef={queueHeading}
            colleagueMarks={colleagueMarks}
          />
        )}
      </main>
      {reason === null && (
        <footer>
          <p className="hint shortcuts" data-testid="shortcuts">
            {selectedItem ? t('keys.post') : t('keys.queue')}
          </p>
        </footer>
      )}
    </div>
  );
}
