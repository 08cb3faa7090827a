/**
 * The contract between the content script (lib/content) and the overlay UI
 * (components/overlay). Types only: lib/ never imports components/ (an
 * ESLint rule enforces it), so the UI comes in from the entry point —
 * `entrypoints/facebook.content.ts` passes the panel registry and the
 * overlay-mount factory to `startContentScript(ctx, ui)` — and this file
 * says what each side may expect of the other.
 *
 * Each post's overlay renders its own summary (language, question) and then
 * every panel of the registry (`components/overlay/panels/index.ts`), in
 * order, each as its own section. A panel is a React component that gets the
 * post's state and the actions below. The actions are its only door to the
 * rest of the extension (no `sendMessage` or shared queues from a panel),
 * which keeps panels testable with plain fakes. A panel renders page text
 * only as React children (never as HTML) and keeps anything that must
 * survive the post being scrolled away and back in `panelState`, which is
 * kept per post key.
 */
import type { ComponentType } from 'react';
import type { UiLanguage } from '../domain/languages';
import type { CaseOutcome } from '../log/events';
import type { PostAnalysis, ResponseOf } from '../messaging/protocol';
import type { ParsedPost, SiteAdapter } from '../sites/types';
import type { SuggestionFeedbackKind, SuggestionPayload } from '../suggestions/schema';
import type { OverlayI18n } from './overlay-strings';
import type { PostStore } from './post-store';
import type { OverlayMounter } from './post-tracker';
import type { SuggestionAnswer } from './suggestion-client';

/** How a reply reached the comment box, or why it did not. */
export type InsertOutcome =
  | { status: 'inserted'; method: 'paste' | 'insert-text' | 'before-input' }
  | { status: 'copied'; reason: 'no-comment-box' | 'not-verified' }
  | { status: 'failed'; reason: string };

/** A case note as the background keeps it for a post. */
export type StoredCaseNote = NonNullable<ResponseOf<'getCaseNote'>>;

/** What happened to a logged case note: stored, or (for now) a failed try. */
export type CaseNoteProgress = { status: 'saved' } | { status: 'error'; message: string };

/** Everything a panel may do; built per post in lib/content/start.ts. */
export interface OverlayPanelActions {
  /**
   * Puts `text` (line breaks kept) into this post's comment box, opening it if
   * needed. The `reply-inserted` / `reply-copied` action it reports carries
   * `detail` (e.g. answer id, pack version, whether the text was edited).
   */
  insertReply(
    text: string,
    detail?: Readonly<Record<string, string | number | boolean>>,
  ): Promise<InsertOutcome>;
  /** Copies `text` to the clipboard; false when the browser refused. */
  copyText(text: string): Promise<boolean>;
  /** Emits an `overlay-action` event (logging subscribes) for this post. */
  reportAction(action: string, detail?: Readonly<Record<string, string | number | boolean>>): void;
  /**
   * Sets a `data-<name>` attribute on the overlay host (the public DOM
   * contract, e.g. `topic`, `suggestions`); null removes it.
   */
  setOverlayData(name: string, value: string | null): void;
  /**
   * The checked replies for this post's `text` (batched with other posts'
   * requests, cached per post). `fresh` drops the cached answer first.
   */
  suggest(
    request: { text: string; language: string; uiLanguage: UiLanguage },
    options?: { fresh?: boolean },
  ): Promise<SuggestionAnswer>;
  /** Tells the ranking an answer was used or not relevant; best effort. */
  recordFeedback(
    answer: Pick<SuggestionPayload, 'packId' | 'answerId'>,
    kind: SuggestionFeedbackKind,
  ): void;
  /** This post's stored case note, or null. */
  loadCaseNote(): Promise<StoredCaseNote | null>;
  /**
   * Logs a case note for this post (without its text) through the tab's log
   * queue and sends it now. `onProgress` hears each failed try and, once
   * the queue is empty, `saved`.
   */
  logCaseNote(
    entry: { outcome: CaseOutcome; note: string },
    onProgress: (progress: CaseNoteProgress) => void,
  ): void;
}

/** State a panel keeps per post key, across unmount and remount. */
export interface PanelStateStore {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
}

export interface OverlayPanelProps {
  post: ParsedPost;
  /** Null until the background's analysis arrived. */
  analysis: PostAnalysis | null;
  actions: OverlayPanelActions;
  panelState: PanelStateStore;
}

export interface OverlayPanel {
  /** Stable, kebab-case; also the `panelId` of the actions it reports. */
  id: string;
  component: ComponentType<OverlayPanelProps>;
  /**
   * Optional: a few words shown beside the collapsed overlay's bar (phrasing
   * content only). It is mounted as long as the overlay is, so it is also
   * where a panel keeps the host's data attributes current.
   */
  summary?: ComponentType<OverlayPanelProps>;
}

/** What a page session gives the overlay mount. */
export interface OverlayManagerOptions {
  adapter: SiteAdapter;
  store: PostStore;
  i18n: OverlayI18n;
  panels: readonly OverlayPanel[];
  actionsFor(postKey: string, host: HTMLElement): OverlayPanelActions;
}

/** Puts overlays into posts for one page session; `destroy` removes them all. */
export type OverlayManager = OverlayMounter & { destroy(): void };

/** The UI the entry point hands to `startContentScript`. */
export interface ContentScriptUi {
  panels: readonly OverlayPanel[];
  createOverlayManager(options: OverlayManagerOptions): OverlayManager;
}
