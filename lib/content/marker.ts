/**
 * The in-page part of the extension: one small marker per recognised post
 * (docs/PRODUCT.md#dom-markers, docs/ARCHITECTURE.md#workspace). It shows
 * the post's language, whether it asks something, the topic when a reply is
 * likely, and where the advisor's work stands (a check once answered), and
 * its one button opens the post in the workspace.
 *
 * Plain DOM, no framework: this runs on every Facebook page. Everything is
 * written with `textContent`; nothing private (notes, drafts, reply text,
 * the advisor's pseudonym, settings) is ever put here. The shadow root is
 * closed in production, so the page's scripts cannot reach the button; the
 * test build keeps it open for the tests and mirrors the analysis in data
 * attributes (`data-language`, `data-question`, `data-topic`,
 * `data-suggestions`), which production leaves out so the page learns
 * nothing it does not need (security review finding 9). A click counts only
 * when the browser says a person made it (`isTrusted`).
 */
import type { PostStore } from './post-store';
import type { OverlayMounter } from './post-tracker';
import type { SiteAdapter, ParsedPost } from '../sites/types';
import type { PostStatus } from '../workspace/protocol';
import type { Translate } from './translator';
import { TEST_BUILD } from './build-flags';
import { POST_ATTRIBUTE } from './post-tracker';

export const MARKER_TAG = 'outreach-advisor-overlay';
/** Longest run of marker updates in one task; the rest follows in the next. */
const RENDER_SLICE_MS = 4;
/**
 * Markers mounted with `batch` wait up to this long and go into the page
 * together, each with its root's `data-oa-post`: every frame in which a marker
 * is inserted re-lays out and repaints the feed below it, so 60 markers
 * inserted a few per frame cost the page far more than the same 60 in a
 * handful of batches (docs/ARCHITECTURE.md, Content script performance).
 */
export const INSERT_BATCH_MS = 100;

/** What the marker knows of a post's suggestions (from the background's matcher). */
export interface MarkerTopic {
  topic: string;
  topicLabel: string;
  /** Suggestions at level `likely`; the marker counts only these. */
  likely: number;
  answerIds: readonly string[];
}

export interface MarkerOptions {
  adapter: SiteAdapter;
  store: PostStore;
  t(): Translate;
  /** A person pressed the marker's button. */
  onOpen(postKey: string): void;
  /** Some post's status changed (the popup's counts follow). */
  onStatusesChanged?(): void;
  /** Suggestions for the topic line; asked once per post and text. */
  topicOf(post: ParsedPost, language: string): Promise<MarkerTopic | null>;
}

export interface MarkerManager extends OverlayMounter {
  setStatuses(statuses: Readonly<Record<string, PostStatus>>): void;
  /** The status last set for a post (`open` when none). */
  statusOf(postKey: string): PostStatus;
  /** Outlines the post's marker for a moment, after the workspace scrolled to it. */
  highlight(postKey: string): void;
  /** Shown under the marker when the workspace could not be opened from the page. */
  showHint(postKey: string): void;
  /** Strings changed (UI language setting). */
  refresh(): void;
  destroy(): void;
}

const CSS = `
/*
 * A fixed height and strict containment make the marker a layout boundary: its
 * text changing (analysis, topic, status) never re-lays out the feed around it.
 * The padding leaves room for the focus ring and the highlight, which paint
 * containment would otherwise clip. The hint under it needs its own height.
 */
:host { all: initial; display: block; box-sizing: border-box; height: 35px; padding: 5px; margin: 0 11px 1px; contain: strict; content-visibility: auto; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1c1e21; }
:host([data-hint]) { height: auto; contain: layout style; content-visibility: visible; }
button { display: inline-flex; align-items: center; gap: 6px; max-width: 100%; overflow: hidden; white-space: nowrap; border: 1px solid #c9ccd1; background: #f7f8fa; color: inherit; border-radius: 999px; padding: 2px 10px 2px 4px; font: inherit; cursor: pointer; }
button:hover { background: #eef1f5; }
button:focus-visible { outline: 2px solid #1b5e9b; outline-offset: 2px; }
.logo { display: inline-grid; place-items: center; width: 18px; height: 18px; border-radius: 50%; background: #1b5e9b; color: #fff; font-size: 10px; font-weight: 700; }
.lang { font-weight: 700; letter-spacing: .04em; }
.chip { border-radius: 999px; padding: 0 6px; background: #e7f0fa; color: #174e82; font-size: 12px; }
.chip.question { background: #fff1d6; color: #6b4200; }
.status { font-size: 12px; color: #4b4f56; }
.status[data-done] { color: #1d6b34; font-weight: 600; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
/* De-emphasised without fading: reduced opacity fails contrast (axe color-contrast). */
.muted button { background: #fff; border-style: dashed; }
.hint { display: block; margin-top: 4px; color: #4b4f56; font-size: 12px; }
.hint:empty { display: none; }
.highlight button { outline: 3px solid #f0b400; outline-offset: 2px; }
`;

let sheet: CSSStyleSheet | undefined;
/** False once the browser refused a shared sheet; every marker then gets a `<style>`. */
let canAdopt = true;

/**
 * Styles a marker's shadow root. One constructed sheet shared by every marker
 * is cheapest, but Firefox 140 ESR refuses `adoptedStyleSheets` from a
 * content script ("Accessing from Xray wrapper is not supported": the array
 * belongs to the script's compartment, the shadow root to the page's), so
 * there each shadow root gets its own `<style>`.
 */
function style(shadow: ShadowRoot): void {
  if (canAdopt) {
    try {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
      }
      shadow.adoptedStyleSheets = [sheet];
      return;
    } catch {
      canAdopt = false;
    }
  }
  const element = document.createElement('style');
  element.textContent = CSS;
  shadow.append(element);
}

interface Mounted {
  host: HTMLElement;
  root: Element;
  postKey: string;
  /** Set while the marker waits for the next batch: where it goes. */
  pending?: { parent: Node; before: Node | null };
  wrapper: HTMLElement;
  button: HTMLButtonElement;
  hint: HTMLElement;
  unsubscribe: () => void;
  topic: MarkerTopic | null;
  /** The text and language the topic was asked for. */
  topicFor: string;
  /** What the marker shows now, and in which interface language (`render` skips a repeat). */
  shown?: string;
  shownWith?: Translate;
  highlightTimer?: ReturnType<typeof setTimeout>;
}

function span(className: string, text: string): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

export function isMarkerHost(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && (node as Element).localName === MARKER_TAG;
}

export function createMarkerManager(options: MarkerOptions): MarkerManager {
  const { adapter, store } = options;
  const mounted = new Map<string, Mounted>();
  /**
   * Topics by post key, kept across unmounts: Facebook (and the fixture feeds)
   * remove and re-add post nodes, and a remounted marker should show its topic
   * at once instead of losing it until the background answers again.
   */
  const topics = new Map<string, { topic: MarkerTopic | null; topicFor: string }>();
  const TOPIC_CACHE_LIMIT = 3000;
  let statuses: Record<string, PostStatus> = {};

  const render = (postKey: string) => {
    const entry = mounted.get(postKey);
    if (!entry) return;
    const t = options.t();
    const analysis = store.get(postKey)?.analysis ?? null;
    const status = statuses[postKey] ?? 'open';
    // Nothing shown changed (a status answer saying "open", a second topic answer): the page
    // is left alone, since new nodes cost it a style, layout and paint pass.
    const shown = [
      analysis?.language,
      analysis?.isQuestion,
      entry.topic?.topic,
      entry.topic?.topicLabel,
      entry.topic?.likely,
      entry.topic?.answerIds.join(','),
      status,
    ].join('\u0000');
    if (entry.shown === shown && entry.shownWith === t) return;
    entry.shown = shown;
    entry.shownWith = t;
    const logo = span('logo', 'OA');
    logo.setAttribute('aria-hidden', 'true');
    const parts: Node[] = [span('sr', `${t('product')}: `), logo];
    if (!analysis) {
      parts.push(span('status', t('analysing')));
    } else {
      const language = analysis.language;
      const known = language !== 'und';
      const lang = span('lang', known ? language.toUpperCase() : '?');
      lang.title = known ? t(`languages.${language}`) : t('languageUnknown');
      parts.push(lang, span('sr', ` ${lang.title}`));
      if (analysis.isQuestion) parts.push(span('chip question', t('question')));
      if (entry.topic && entry.topic.likely > 0) {
        parts.push(span('chip', entry.topic.topicLabel));
        parts.push(span('sr', ` ${t('likely', { count: entry.topic.likely })}`));
      }
      const statusText = span('status', status === 'open' ? '' : `✓ ${t(`status.${status}`)}`);
      if (status === 'not-relevant') statusText.textContent = `– ${t('status.not-relevant')}`;
      else if (status !== 'open') statusText.dataset.done = '';
      if (statusText.textContent) parts.push(statusText);
      entry.wrapper.classList.toggle(
        'muted',
        !analysis.isQuestion && !(entry.topic && entry.topic.likely > 0),
      );
    }
    parts.push(span('sr', ` — ${t('open')}`));
    entry.button.replaceChildren(...parts);
    entry.button.title = t('open');
    if (TEST_BUILD) {
      const host = entry.host;
      if (analysis) {
        host.dataset.language = analysis.language;
        host.dataset.question = String(analysis.isQuestion);
      }
      host.dataset.status = status;
      if (entry.topic) {
        host.dataset.topic = entry.topic.likely > 0 ? entry.topic.topic : 'off-topic';
        host.dataset.suggestions = entry.topic.answerIds.join(',');
      }
    }
  };

  /**
   * Updates after the first render (analysis, topic, status, strings) arrive
   * in bursts: one analysis answer covers up to 50 posts, a suggestion answer
   * as many. They are drawn in slices of a few milliseconds, each in its own
   * task, so a burst never becomes one long task on the page
   * (docs/ARCHITECTURE.md, Content script performance). A timer, not an
   * animation frame: a feed in a background tab must still catch up.
   */
  const dirty = new Set<string>();
  let renderTimer: ReturnType<typeof setTimeout> | undefined;
  const renderSlice = () => {
    renderTimer = undefined;
    const started = performance.now();
    for (const postKey of dirty) {
      dirty.delete(postKey);
      render(postKey);
      if (performance.now() - started >= RENDER_SLICE_MS) break;
    }
    if (dirty.size > 0) renderTimer = setTimeout(renderSlice, 0);
  };
  const scheduleRender = (postKey: string) => {
    dirty.add(postKey);
    renderTimer ??= setTimeout(renderSlice, 0);
  };

  const askTopic = (postKey: string) => {
    const entry = mounted.get(postKey);
    const stored = store.get(postKey);
    const analysis = stored?.analysis;
    if (!entry || !stored || !analysis) return;
    const askedFor = `${analysis.language}\u0000${stored.post.text}`;
    if (entry.topicFor === askedFor) return;
    entry.topicFor = askedFor;
    options.topicOf(stored.post, analysis.language).then(
      (topic) => {
        const current = mounted.get(postKey);
        if (!current || current.topicFor !== askedFor) return;
        current.topic = topic;
        topics.delete(postKey);
        topics.set(postKey, { topic, topicFor: askedFor });
        if (topics.size > TOPIC_CACHE_LIMIT) {
          const oldest = topics.keys().next().value;
          if (oldest !== undefined) topics.delete(oldest);
        }
        scheduleRender(postKey);
      },
      () => undefined, // the marker works without a topic; the workspace shows the error
    );
  };

  /** The marker enters the page, and its root is marked, in the same moment (DOM contract). */
  const insert = (entry: Mounted, at: { parent: Node; before: Node | null }) => {
    entry.pending = undefined;
    waiting.delete(entry);
    entry.root.setAttribute(POST_ATTRIBUTE, entry.postKey);
    at.parent.insertBefore(entry.host, at.before);
  };
  /** Markers waiting for the next batch (`INSERT_BATCH_MS`). */
  const waiting = new Set<Mounted>();
  let insertTimer: ReturnType<typeof setTimeout> | undefined;
  const insertWaiting = () => {
    insertTimer = undefined;
    for (const entry of [...waiting]) {
      const at = entry.pending;
      waiting.delete(entry);
      if (!at || !entry.root.isConnected) continue;
      // The page may have moved things meanwhile: then the place is looked up again.
      const still =
        at.parent.isConnected &&
        entry.root.contains(at.parent) &&
        (at.before === null || at.before.parentNode === at.parent);
      insert(entry, still ? at : adapter.overlayAnchor(entry.root));
    }
  };

  /** The post's marker is in this root, or waits for its batch to go there. */
  const placedIn = (entry: Mounted | undefined, root: Element): boolean =>
    entry !== undefined &&
    (entry.pending !== undefined
      ? entry.root === root
      : entry.host.isConnected && root.contains(entry.host));

  const unmount = (postKey: string) => {
    const entry = mounted.get(postKey);
    if (!entry) return;
    mounted.delete(postKey);
    waiting.delete(entry);
    dirty.delete(postKey);
    clearTimeout(entry.highlightTimer);
    entry.unsubscribe();
    entry.host.remove();
  };

  return {
    mount(root: Element, post: ParsedPost, mountOptions = {}) {
      const existing = mounted.get(post.postKey);
      if (placedIn(existing, root)) {
        // The page's framework may have dropped the attribute while re-rendering the post.
        if (!existing?.pending && root.getAttribute(POST_ATTRIBUTE) !== post.postKey)
          root.setAttribute(POST_ATTRIBUTE, post.postKey);
        return;
      }
      unmount(post.postKey);
      // A marker left behind by an earlier content script (extension updated) goes first.
      const ours = new Set([...mounted.values()].map((entry) => entry.host));
      for (const stale of root.querySelectorAll(MARKER_TAG)) {
        if (!ours.has(stale as HTMLElement)) stale.remove();
      }
      const host = document.createElement(MARKER_TAG);
      host.dataset.postKey = post.postKey;
      const shadow = host.attachShadow({ mode: TEST_BUILD ? 'open' : 'closed' });
      style(shadow);
      const wrapper = document.createElement('div');
      const button = document.createElement('button');
      button.type = 'button';
      const hint = document.createElement('span');
      hint.className = 'hint';
      hint.setAttribute('role', 'status');
      wrapper.append(button, hint);
      shadow.append(wrapper);
      button.addEventListener('click', (event) => {
        // Synthetic clicks from the page's scripts do nothing.
        if (!event.isTrusted) return;
        options.onOpen(post.postKey);
      });
      // Facebook's keyboard shortcuts must not fire while the marker has focus.
      for (const type of ['keydown', 'keyup', 'keypress'] as const) {
        wrapper.addEventListener(type, (event) => event.stopPropagation());
      }
      const unsubscribe = store.subscribe(post.postKey, () => {
        scheduleRender(post.postKey);
        askTopic(post.postKey);
      });
      const entry: Mounted = {
        host,
        root,
        postKey: post.postKey,
        wrapper,
        button,
        hint,
        unsubscribe,
        topic: existing?.topic ?? topics.get(post.postKey)?.topic ?? null,
        topicFor: existing?.topicFor ?? topics.get(post.postKey)?.topicFor ?? '',
      };
      mounted.set(post.postKey, entry);
      const at = adapter.overlayAnchor(root);
      if (mountOptions.batch) {
        entry.pending = at;
        waiting.add(entry);
        insertTimer ??= setTimeout(insertWaiting, INSERT_BATCH_MS);
      } else {
        insert(entry, at);
      }
      render(post.postKey);
      askTopic(post.postKey);
    },
    unmount,
    isOverlayNode: isMarkerHost,
    isMounted: (postKey, root) => placedIn(mounted.get(postKey), root),
    count: () => mounted.size,
    setStatuses(next) {
      const changed = Object.keys(next).filter((key) => (statuses[key] ?? 'open') !== next[key]);
      statuses = { ...statuses, ...next };
      for (const key of changed) scheduleRender(key);
      if (changed.length > 0) options.onStatusesChanged?.();
    },
    statusOf: (postKey) => statuses[postKey] ?? 'open',
    highlight(postKey) {
      const entry = mounted.get(postKey);
      if (!entry) return;
      clearTimeout(entry.highlightTimer);
      entry.wrapper.classList.add('highlight');
      entry.highlightTimer = setTimeout(() => entry.wrapper.classList.remove('highlight'), 2500);
    },
    showHint(postKey) {
      const entry = mounted.get(postKey);
      if (!entry) return;
      entry.host.toggleAttribute('data-hint', true);
      entry.hint.textContent = options.t()('openSidebar');
    },
    refresh() {
      for (const key of mounted.keys()) scheduleRender(key);
    },
    destroy() {
      clearTimeout(renderTimer);
      renderTimer = undefined;
      clearTimeout(insertTimer);
      insertTimer = undefined;
      for (const postKey of [...mounted.keys()]) unmount(postKey);
    },
  };
}
