/**
 * The content script's lifecycle (docs/ARCHITECTURE.md#content-script-lifecycle).
 *
 * `startContentScript()` runs once per page load. It keeps what must outlive
 * in-page navigation (the post store and key resolver, the workspace
 * channel, the marker strings) and starts a *page session* for the current
 * address. A session owns an AbortController: the post tracker, the
 * markers, the analysis queue and every content feature end with it. A real
 * change of address (group → group, feed → permalink) and a change of the
 * groups setting end the session and start a fresh one; the script itself
 * ends only when the extension is gone (lib/content/lifetime.ts), never on
 * an event the page could forge.
 *
 * On the page there is only a marker per post (lib/content/marker.ts); the
 * advisor works in the workspace (an extension page), which reaches this
 * script through lib/content/workspace-port.ts. From here only `post-seen`
 * is logged; the background refuses anything else from a content script.
 *
 * Excluded groups (allow-list setting) get no session: nothing is marked,
 * only the page state is reported so the popup can say why.
 */
import { browser } from 'wxt/browser';
import { isPostLanguage, type UiLanguage } from '../domain/languages';
import { facebookAdapter } from '../sites/facebook/adapter';
import { createKeyResolver } from '../sites/facebook/parser';
import type { PageInfo, ParsedPost, SiteAdapter } from '../sites/types';
import type { PageState } from '../messaging/protocol';
import { sendMessage } from '../messaging/send-content';
import { getSettings, isGroupIncluded, watchSettings, type Settings } from '../settings/settings';
import type { WorkspacePost } from '../workspace/protocol';
import { TEST_BUILD } from './build-flags';
import { createClaimFlags, isFlagHost, type ClaimFlags } from './claim-flags';
import { CONTENT_FEATURES } from './features';
import { createPostEvents } from './features/events';
import type { PostSnapshot } from './features/types';
import { insertReply } from './insert-reply';
import { createLifetime, watchLocation, type Lifetime } from './lifetime';
import { postLogContext } from './log-context';
import { getLogQueue, unsavedEvents } from './log-queue';
import { createMarkerManager, type MarkerManager, type MarkerTopic } from './marker';
import { markerTranslator, resolveUiLanguage } from './marker-strings';
import { createPostStore, type PostStore } from './post-store';
import { createPostTracker, type PostTracker } from './post-tracker';
import { createAnalysisQueue } from './analysis-queue';
import { getSuggestionClient } from './suggestion-client';
import type { Translate } from './translator';
import { createWorkspaceServer, type WorkspaceServer } from './workspace-port';

/** `<html data-outreach-advisor="present">`: the test build only (security review finding 9). */
export const PRESENCE_ATTRIBUTE = 'data-outreach-advisor';
const REPORT_INTERVAL_MS = 400;
const STATUS_BATCH_MS = 200;

interface Shared {
  lifetime: Lifetime;
  adapter: SiteAdapter;
  store: PostStore;
  keys: ReturnType<typeof createKeyResolver>;
  server: WorkspaceServer;
  language(): UiLanguage;
  t(): Translate;
  /** Re-renders the markers after a language change; set by the running session. */
  refreshMarkers?: () => void;
}

function browserLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return navigator.language;
  }
}

function workspacePost(
  post: ParsedPost,
  snapshot: PostSnapshot,
  order: number,
  onPage: boolean,
  flags: ClaimFlags,
): WorkspacePost {
  const analysis = snapshot.analysis;
  const language = analysis && isPostLanguage(analysis.language) ? analysis.language : 'und';
  return {
    postKey: post.postKey,
    groupId: post.groupId,
    groupName: post.groupName,
    authorName: post.anonymous ? null : post.authorName,
    anonymous: post.anonymous,
    text: post.text,
    truncated: post.truncated,
    timeLabel: post.timeLabel,
    analysis: analysis
      ? {
          language,
          confidence: Math.min(1, Math.max(0, analysis.confidence)),
          isQuestion: analysis.isQuestion,
        }
      : null,
    order,
    onPage,
    claims: flags.flagged(post.postKey),
  };
}

function startSession(shared: Shared, settings: Settings, signal: AbortSignal): void {
  const { adapter, store, server } = shared;
  const page = adapter.describePage(document, location);
  const included = page.kind !== 'other' && isGroupIncluded(settings, page.groupId, page.groupName);
  // Assigned once below; the closures created before it read them lazily.
  // eslint-disable-next-line prefer-const
  let tracker: PostTracker | undefined;
  // eslint-disable-next-line prefer-const
  let markers: MarkerManager | undefined;
  const order = new Map<string, number>();
  const work = () => {
    let questions = 0;
    let answered = 0;
    let notRelevant = 0;
    for (const postKey of order.keys()) {
      if (!store.get(postKey)?.analysis?.isQuestion) continue;
      questions += 1;
      const status = markers?.statusOf(postKey) ?? 'open';
      if (status === 'reply-inserted' || status === 'documented') answered += 1;
      else if (status === 'not-relevant') notRelevant += 1;
    }
    return { questions, answered, notRelevant };
  };
  let lastReport = '';
  let reportTimer: ReturnType<typeof setTimeout> | undefined;
  const members = groupMembers(adapter, page, included);

  const describe = (): PageState => ({
    url: location.href.slice(0, 4000),
    pageKind: page.kind,
    groupId: page.groupId,
    groupName: page.groupName,
    memberCount: members.count(),
    feedFound: adapter.hasFeed(document),
    postsRecognised: tracker?.postsRecognised() ?? 0,
    groupIncluded: included,
    contentScriptVersion: browser.runtime.getManifest().version,
    unsavedEvents: unsavedEvents(getLogQueue().status()),
    ...(included ? { work: work() } : {}),
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

  const workspacePage = {
    url: location.href.slice(0, 4000),
    kind: page.kind,
    groupId: page.groupId,
    groupName: page.groupName,
    included,
  };
  if (!included) {
    server.setSource({
      page: workspacePage,
      posts: () => [],
      focus: () => false,
      insert: () => Promise.resolve({ status: 'failed', reason: 'group-excluded' }),
      setStatuses: () => undefined,
      markCorrected: () => undefined,
    });
    report();
    return;
  }

  const events = createPostEvents((error) =>
    console.error('Outreach Advisor: feature failed', error),
  );
  const topicOf = (post: ParsedPost, language: string): Promise<MarkerTopic | null> =>
    getSuggestionClient().request({
      postKey: post.postKey,
      text: post.text,
      language,
      uiLanguage: shared.language(),
    });
  markers = createMarkerManager({
    adapter,
    store,
    t: shared.t,
    topicOf,
    onStatusesChanged: scheduleReport,
    onOpen(postKey) {
      if (server.select(postKey)) return;
      sendMessage('openWorkspace', { postKey }).then(
        ({ opened }) => {
          if (!opened) markers?.showHint(postKey);
        },
        () => markers?.showHint(postKey),
      );
    },
  });
  const marks = markers;
  /** Comment and claim pairs logged as seen in this session (the background keeps one per day). */
  const claimsLogged = new Set<string>();
  const flags = createClaimFlags({
    adapter,
    t: shared.t,
    rootOf: (postKey) => tracker?.rootOf(postKey),
    languageOf: (postKey) => store.get(postKey)?.analysis?.language ?? null,
    match: async (request) => (await sendMessage('matchClaims', request)).matches,
    corrected: async (postKeys) =>
      (await sendMessage('getCorrectedComments', { postKeys })).corrected,
    onFound(postKey, match) {
      const entry = store.get(postKey);
      if (!entry) return;
      const key = `${postKey}\u0000${match.commentKey}\u0000${match.claimId}`;
      if (claimsLogged.has(key)) return;
      claimsLogged.add(key);
      // The comment's text never goes into the log: only its key and the claim.
      getLogQueue().log({
        type: 'claim-seen',
        ...postLogContext(entry.post, entry.analysis ?? null, { includeText: false }),
        claimId: match.claimId,
        commentKey: match.commentKey,
      });
    },
    onOpen(postKey, commentKey) {
      if (server.select(postKey, commentKey)) return;
      sendMessage('openWorkspace', { postKey, commentKey }).then(
        ({ opened }) => {
          if (!opened) markers?.showHint(postKey);
        },
        () => markers?.showHint(postKey),
      );
    },
    onChanged: () => server.changed(),
    signal,
  });
  shared.refreshMarkers = () => {
    marks.refresh();
    flags.refresh();
  };
  signal.addEventListener('abort', () => {
    marks.destroy();
    shared.refreshMarkers = undefined;
  });

  // Statuses (open / replied / documented) for the markers, asked in batches.
  const statusWanted = new Set<string>();
  let statusTimer: ReturnType<typeof setTimeout> | undefined;
  // The workspace's word is newer than an answer asked for before it: a post
  // re-recognised just before the advisor documented it must not fall back
  // to the status the log had when the question left.
  let statusClock = 0;
  const setByWorkspace = new Map<string, number>();
  const askStatuses = () => {
    statusTimer = undefined;
    const postKeys = [...statusWanted].slice(0, 300);
    for (const key of postKeys) statusWanted.delete(key);
    if (postKeys.length === 0 || signal.aborted) return;
    const askedAt = ++statusClock;
    sendMessage('getPostStatuses', { postKeys }).then(
      ({ statuses }) => {
        if (signal.aborted) return;
        const current = Object.entries(statuses).filter(
          ([key]) => (setByWorkspace.get(key) ?? 0) < askedAt,
        );
        marks.setStatuses(Object.fromEntries(current));
      },
      () => undefined, // the marker simply shows no status
    );
    if (statusWanted.size > 0) statusTimer = setTimeout(askStatuses, STATUS_BATCH_MS);
  };
  signal.addEventListener('abort', () => clearTimeout(statusTimer));

  events.on(
    'post-recognised',
    ({ post }) => {
      if (!order.has(post.postKey)) order.set(post.postKey, order.size);
      statusWanted.add(post.postKey);
      statusTimer ??= setTimeout(askStatuses, STATUS_BATCH_MS);
      server.changed();
    },
    signal,
  );
  events.on(
    'post-analysed',
    () => {
      server.changed();
      scheduleReport(); // the popup's question count
    },
    signal,
  );
  events.on(
    'post-removed',
    ({ postKey }) => {
      flags.release(postKey);
      server.changed();
    },
    signal,
  );
  // Comments render late and grow: read them when the post appears or changes.
  events.on('post-recognised', ({ post }) => flags.scan(post.postKey), signal);
  events.on('post-updated', ({ post }) => flags.scan(post.postKey), signal);

  const requestAnalysis = createAnalysisQueue(store, events, () => tracker, signal);
  tracker = createPostTracker({
    adapter,
    doc: document,
    page,
    keys: shared.keys,
    store,
    events,
    // Flags on comments are ours too: adding one is not a change of the post.
    overlays: {
      ...markers,
      isOverlayNode: (node) => marks.isOverlayNode(node) || isFlagHost(node),
    },
    requestAnalysis,
    onStateChange: () => {
      scheduleReport();
      server.changed();
    },
    signal,
  });

  server.setSource({
    page: workspacePage,
    posts() {
      const result: WorkspacePost[] = [];
      for (const [postKey, index] of order) {
        const entry = store.get(postKey);
        if (!entry) continue;
        const onPage = tracker?.rootOf(postKey) !== undefined;
        result.push(workspacePost(entry.post, entry, index, onPage, flags));
      }
      return result;
    },
    focus(postKey) {
      const root = tracker?.rootOf(postKey);
      if (!root) return false;
      root.scrollIntoView({ block: 'center', behavior: 'smooth' });
      marks.highlight(postKey);
      return true;
    },
    async insert(postKey, text, commentKey) {
      const root = tracker?.rootOf(postKey);
      if (!root) return { status: 'failed', reason: 'post-gone' };
      if (commentKey !== undefined) {
        // A correction goes in as a reply to that comment, never into the post's box.
        const comment = flags.commentElement(postKey, commentKey);
        if (!comment) return { status: 'failed', reason: 'comment-gone' };
        return insertReply(
          {
            findCommentBox: () => adapter.findReplyBox(comment),
            findCommentButton: () => adapter.findReplyButton(comment),
          },
          text,
          { signal },
        );
      }
      return insertReply(
        {
          findCommentBox: () => adapter.findCommentBox(root),
          findCommentButton: () => adapter.findCommentButton(root),
        },
        text,
        { signal },
      );
    },
    markCorrected(postKey, commentKey) {
      flags.markCorrected(postKey, commentKey);
      server.changed();
    },
    setStatuses(statuses) {
      const now = ++statusClock;
      for (const key of Object.keys(statuses)) setByWorkspace.set(key, now);
      marks.setStatuses(statuses);
    },
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
      void Promise.resolve(
        feature.init(
          {
            page,
            events,
            currentPosts,
            topicOf: (post, language) =>
              topicOf(post, language).then((topic) => topic?.topic ?? null),
          },
          signal,
        ),
      ).catch((error: unknown) =>
        console.error(`Outreach Advisor: feature "${feature.id}" failed`, error),
      );
    } catch (error) {
      console.error(`Outreach Advisor: feature "${feature.id}" failed`, error);
    }
  }
  tracker.start();
  // The first report and the header's first reading each take a task of their own.
  inTurns(signal, [report, () => members.poll(scheduleReport, signal)]);
  // Facebook renders the feed late; report again so the badge catches up.
  const late = setTimeout(scheduleReport, 1500);
  signal.addEventListener('abort', () => clearTimeout(late));
}

/**
 * Runs the steps in order, each in a task of its own, until the signal ends
 * them. Start-up after the settings arrive is several short tasks instead of
 * one: on a loaded machine the single one took 20–53 ms (docs/ARCHITECTURE.md,
 * Content script performance).
 */
function inTurns(signal: AbortSignal, steps: readonly (() => void)[]): void {
  let next = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const turn = () => {
    const step = steps[next];
    next += 1;
    if (!step || signal.aborted) return;
    step();
    timer = setTimeout(turn, 0);
  };
  timer = setTimeout(turn, 0);
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
}

/** How often and how long the header is read again for its member count. */
const HEADER_POLL_MS = 1000;
const HEADER_POLL_TIMES = 15;
/** After this, a header without this group's own name link is believed (logged-out views). */
const HEADER_SETTLE_MS = 3000;

/**
 * The member count the group's header shows (group register,
 * docs/MONITORING.md#group-register). Facebook loads the count after the
 * rest of the header, so it is read again every second for 15 seconds until
 * found. Right after moving from one group to another the old header can
 * linger: until it has settled, only a header naming this group by its own
 * link (`groupName[0]`) or a count from this group's members link
 * (`memberCount[0]`) is believed.
 */
function groupMembers(adapter: SiteAdapter, page: PageInfo, included: boolean) {
  const started = performance.now();
  let count: number | null = null;
  // Only the poll reads the header: the page reports (many a minute) take the count as found.
  const look = (groupId: string) => {
    const header = adapter.readGroupHeader(document, groupId);
    if (!header || header.memberCount === null) return;
    const own = header.via.startsWith('groupName[0]') || header.via.endsWith('memberCount[0]');
    if (own || performance.now() - started > HEADER_SETTLE_MS) count = header.memberCount;
  };
  const poll = (onFound: () => void, signal: AbortSignal) => {
    const groupId = page.groupId;
    if (!included || groupId === null) return;
    let times = 0;
    const tryOnce = () => {
      look(groupId);
      if (count !== null) onFound();
      return count !== null || times >= HEADER_POLL_TIMES;
    };
    if (tryOnce()) return;
    const timer = setInterval(() => {
      times += 1;
      if (tryOnce()) clearInterval(timer);
    }, HEADER_POLL_MS);
    signal.addEventListener('abort', () => clearInterval(timer));
  };
  return { count: () => count, poll };
}

export async function startContentScript(adapter: SiteAdapter = facebookAdapter): Promise<void> {
  const lifetime = createLifetime();
  if (TEST_BUILD) {
    document.documentElement.setAttribute(PRESENCE_ATTRIBUTE, 'present');
    lifetime.signal.addEventListener('abort', () =>
      document.documentElement.removeAttribute(PRESENCE_ATTRIBUTE),
    );
  }

  let settings = await getSettings();
  let language = resolveUiLanguage(settings.uiLanguage, browserLanguage());
  let t = markerTranslator(language);
  const shared: Shared = {
    lifetime,
    adapter,
    store: createPostStore(),
    keys: createKeyResolver(),
    server: createWorkspaceServer(lifetime.signal),
    language: () => language,
    t: () => t,
  };

  let session: AbortController | undefined;
  const restart = () => {
    session?.abort();
    if (!lifetime.alive()) return;
    session = new AbortController();
    startSession(shared, settings, session.signal);
  };
  lifetime.signal.addEventListener('abort', () => session?.abort(), { once: true });
  watchLocation(restart, lifetime.signal);
  const stopWatching = watchSettings((next) => {
    const nextLanguage = resolveUiLanguage(next.uiLanguage, browserLanguage());
    if (nextLanguage !== language) {
      language = nextLanguage;
      t = markerTranslator(language);
      shared.refreshMarkers?.();
    }
    const groupsChanged =
      JSON.stringify([next.groupsMode, next.allowedGroups]) !==
      JSON.stringify([settings.groupsMode, settings.allowedGroups]);
    settings = next;
    if (groupsChanged) restart();
  });
  lifetime.signal.addEventListener('abort', stopWatching, { once: true });
  // The page session starts in the next task: reading the page and wiring the
  // tracker is the larger half of start-up.
  inTurns(lifetime.signal, [restart]);
}
