/**
 * The overlay panel registry. Each post's overlay renders its own summary
 * (language, question) and then every panel listed here, in order, each as
 * its own section. A panel is a React component that gets the post's state
 * and a small set of actions; it renders page text only as React children
 * (never as HTML) and keeps anything that must survive the post being
 * scrolled away and back in `panelState`, which is kept per post key.
 *
 * Add a panel: write `components/overlay/panels/<id>.tsx` and list it here.
 * Its strings go in `locales/<en|de>/overlay-<id>.json` (only `overlay*`
 * namespaces are bundled into the content script, see
 * lib/content/overlay-i18n.tsx); use them with `useTranslation('overlay-<id>')` from
 * that module (not react-i18next, which the content script does not carry).
 */
import type { ComponentType } from 'react';
import { CaseNotePanel } from '../../../components/overlay/panels/case-note';
import {
  SuggestionsPanel,
  SuggestionsSummary,
} from '../../../components/overlay/panels/suggestions';
import type { PostAnalysis } from '../../messaging/protocol';
import type { ParsedPost } from '../../sites/types';

/** How a reply reached the comment box, or why it did not. */
export type InsertOutcome =
  | { status: 'inserted'; method: 'paste' | 'insert-text' | 'before-input' }
  | { status: 'copied'; reason: 'no-comment-box' | 'not-verified' }
  | { status: 'failed'; reason: string };

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

export const OVERLAY_PANELS: readonly OverlayPanel[] = [
  { id: 'suggestions', component: SuggestionsPanel, summary: SuggestionsSummary },
  { id: 'case-note', component: CaseNotePanel },
];
