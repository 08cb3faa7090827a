/**
 * The content script's lifecycle.
 *
 * `startContentScript(ctx, ui)` runs once per page load. `ui` is the overlay
 * (panel registry and mount factory) from components/overlay, handed in by
 * the entry point so lib/ never imports components/ (overlay-contract.ts).
 * It keeps what must outlive in-page navigation (the post store and key
 * resolver, the overlay strings) and starts a *page session* for the
 * current location. A session owns an AbortController: the post tracker,
 * the overlays, the analysis queue and every content feature end with it. `wxt:locationchange` (group →
 * group, feed → permalink → dialog) and a settings change end the session
 * and start a fresh one; `ctx` invalidation (extension reloaded or removed)
 * ends everything.
 *
 * Excluded groups (allow-list setting) get no session: nothing is marked,
 * only the page state is reported so the popup can say why.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { facebookAdapter } from '../sites/facebook/adapter';
import { createKeyResolver } from '../sites/facebook/parser';
import type { SiteAdapter } from '../sites/types';
import type { PageState } from '../messaging/protocol';
import { sendMessage } from '../messaging/send';
import { getSettings, isGroupIncluded, watchSettings, type Settings } from '../settings/settings';
import { CONTENT_FEATURES } from './features';
import { createPostEvents } from './features/events';
import type { PostSnapshot } from './features/types';
import { defaultCopyText, insertReply } from './insert-reply';
import { postLogContext } from './log-context';
import { getLogQueue, unsavedEvents } from './log-queue';
import type { ContentScriptUi, OverlayPanelActions } from './overlay-contract';
import { createOverlayI18n, resolveOverlayLanguage, type OverlayI18n } from './overlay-strings';
import { createPostStore, type PostStore } from './post-store';
import { createPostTracker, type PostTracker } from './post-tracker';
import { createAnalysisQueue } from './analysis-queue';
import { getSuggestionClient } from './suggestion-client';

export const PRESENCE_ATTRIBUTE = 'data-outreach-advisor';
const REPORT_INTERVAL_MS = 400;

interface Shared {
  ctx: ContentScriptContext;
  ui: ContentScriptUi;
  adapter: SiteAdapter;
  store: PostStore;
  keys: ReturnType<typeof createKeyResolver>;
  i18n: OverlayI18n;
}

function browserLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return navigator.language;
  }
}

function startSession(shared: Shared, settings: Settings, signal: AbortSignal): void {
  const { ctx, adapter, store } = shared;
  const page = adapter.describePage(document, location);
  const included = page.kind !== 'other' && isGroupIncluded(settings, page.groupId, page.groupName);
  // Assigned once below; the closures created before it read it lazily.
  // eslint-disable-next-line prefer-const
  let tracker: PostTracker | undefined;
  let lastReport = '';
  let reportTimer: ReturnType<typeof setTimeout> | undefined;

  const describe = (): PageState => ({
    url: location.href.slice(0, 4000),
    pageKind: page.kind,
    groupId: page.groupId,
    groupName: page.groupName,
    feedFound: adapter.hasFeed(document),
    postsRecognised: tracker?.postsRecognised() ?? 0,
    groupIncluded: included,
    contentScriptVersion: browser.runtime.getManifest().version,
    unsavedEvents: unsavedEvents(getLogQueue().status()),
    ...(tracker ? { diagnostics: tracker.diagnostics() } : {}),
  });
  const report = () => {
    reportTimer = undefined;
    if (signal.aborted) return;
    const state = describe();
    const key = JSON.stringify(state);
    if (key === lastReport) return;
    lastReport = key;
    sendMessage('reportPageState', state).catch(() => {
      lastReport = ''; // the background restarts on demand; try again next time
    });
  };
  const scheduleReport = () => {
    reportTimer ??= setTimeout(report, REPORT_INTERVAL_MS);
  };
  signal.addEventListener('abort', () => clearTimeout(reportTimer));
  // Unsaved log events show on the badge (security review finding 16).
  getLogQueue().onStatus(scheduleReport, signal);

  if (!included) {
    report();
    return;
  }

  const events = createPostEvents((error) =>
    console.error('Outreach Advisor: feature failed', error),
  );
  const actionsFor = (postKey: string, host: HTMLElement): OverlayPanelActions => ({
    async insertReply(text, detail) {
      const root = tracker?.rootOf(postKey);
      if (!root) return { status: 'failed', reason: 'post-gone' };
      const outcome = await insertReply(
        {
          findCommentBox: () => adapter.findCommentBox(root),
          findCommentButton: () => adapter.findCommentButton(root),
        },
        text,
        { signal },
      );
      emitAction(
        postKey,
        outcome.status === 'inserted'
          ? 'reply-inserted'
          : outcome.status === 'copied'
            ? 'reply-copied'
            : 'reply-insert-failed',
        'core',
        {
          ...detail,
          ...(outcome.status === 'inserted'
            ? { method: outcome.method }
            : { reason: outcome.reason }),
        },
      );
      return outcome;
    },
    copyText: defaultCopyText,
    reportAction: (action, detail) => emitAction(postKey, action, 'core', detail),
    setOverlayData(name, value) {
      if (!/^[a-z][a-z0-9-]*$/.test(name) || name === 'post-key') return;
      if (value === null) host.removeAttribute(`data-${name}`);
      else host.setAttribute(`data-${name}`, value);
    },
    suggest(request, options) {
      const client = getSuggestionClient();
      if (options?.fresh) client.forget(postKey);
      return client.request({ postKey, ...request });
    },
    recordFeedback({ packId, answerId }, kind) {
      sendMessage('recordSuggestionFeedback', { packId, answerId, kind }).catch(
        () => undefined, // feedback is a ranking hint; losing one is harmless
      );
    },
    loadCaseNote: () => sendMessage('getCaseNote', { postKey }),
    logCaseNote({ outcome, note }, onProgress) {
      const entry = store.get(postKey);
      if (!entry) return onProgress({ status: 'error', message: 'post-gone' });
      const queue = getLogQueue();
      const droppedBefore = queue.status().dropped;
      queue.log({
        type: 'note-added',
        outcome,
        note,
        ...postLogContext(entry.post, entry.analysis, { includeText: false }),
      });
      // The queue is the tab's, so "saved" means everything queued so far got through.
      const controller = new AbortController();
      queue.onStatus((status) => {
        if (status.pending === 0) {
          controller.abort();
          // Events refused by the background are dropped, not saved (finding 4).
          if (status.dropped > droppedBefore)
            onProgress({ status: 'error', message: status.lastDropReason ?? 'not saved' });
          else onProgress({ status: 'saved' });
        } else if (status.lastError) {
          onProgress({ status: 'error', message: status.lastError });
        }
      }, controller.signal);
      void queue.flush();
    },
  });
  const emitAction = (
    postKey: string,
    action: string,
    panelId: string,
    detail?: Readonly<Record<string, string | number | boolean>>,
  ) => {
    events.emit('overlay-action', {
      postKey,
      action,
      panelId,
      ...(detail ? { detail } : {}),
      post: tracker?.currentPosts().get(postKey) ?? null,
    });
  };
  const overlays = shared.ui.createOverlayManager({
    adapter,
    store,
    i18n: shared.i18n,
    panels: shared.ui.panels,
    actionsFor,
  });
  signal.addEventListener('abort', () => overlays.destroy());
  const requestAnalysis = createAnalysisQueue(store, events, () => tracker, signal);

  tracker = createPostTracker({
    adapter,
    doc: document,
    page,
    keys: shared.keys,
    store,
    events,
    overlays,
    requestAnalysis,
    onStateChange: scheduleReport,
    signal,
  });

  const currentPosts = (): ReadonlyMap<string, PostSnapshot> => {
    const result = new Map<string, PostSnapshot>();
    for (const [postKey, post] of tracker?.currentPosts() ?? []) {
      result.set(postKey, { post, analysis: store.get(postKey)?.analysis ?? null });
    }
    return result;
  };
  for (const feature of CONTENT_FEATURES) {
    try {
      void Promise.resolve(feature.init({ page, events, currentPosts }, signal)).catch(
        (error: unknown) =>
          console.error(`Outreach Advisor: feature "${feature.id}" failed`, error),
      );
    } catch (error) {
      console.error(`Outreach Advisor: feature "${feature.id}" failed`, error);
    }
  }
  tracker.start();
  report();
  // Facebook renders the feed late; report again so the badge catches up.
  ctx.setTimeout(scheduleReport, 1500);
}

export async function startContentScript(
  ctx: ContentScriptContext,
  ui: ContentScriptUi,
  adapter: SiteAdapter = facebookAdapter,
): Promise<void> {
  document.documentElement.setAttribute(PRESENCE_ATTRIBUTE, 'present');
  ctx.onInvalidated(() => document.documentElement.removeAttribute(PRESENCE_ATTRIBUTE));

  let settings = await getSettings();
  const i18n = createOverlayI18n(resolveOverlayLanguage(settings.uiLanguage, browserLanguage()));
  const shared: Shared = {
    ctx,
    ui,
    adapter,
    store: createPostStore(),
    keys: createKeyResolver(),
    i18n,
  };

  let session: AbortController | undefined;
  const restart = () => {
    session?.abort();
    if (ctx.isInvalid) return;
    session = new AbortController();
    startSession(shared, settings, session.signal);
  };
  ctx.onInvalidated(() => session?.abort());
  ctx.addEventListener(window, 'wxt:locationchange', restart);
  const stopWatching = watchSettings((next) => {
    const language = resolveOverlayLanguage(next.uiLanguage, browserLanguage());
    i18n.changeLanguage(language);
    const groupsChanged =
      JSON.stringify([next.groupsMode, next.allowedGroups]) !==
      JSON.stringify([settings.groupsMode, settings.allowedGroups]);
    settings = next;
    if (groupsChanged) restart();
  });
  ctx.onInvalidated(stopWatching);
  restart();
}
