/**
 * What a content feature is (one per file, see
 * docs/ARCHITECTURE.md#content-script-lifecycle): an id and an
 * `init(context, signal)`. Features run once per page session (a
 * group feed, a permalink, a dialog) after the lifecycle has started; the
 * signal aborts on in-page navigation and when the extension is reloaded,
 * and everything a feature sets up must end with it.
 */
import type { PostAnalysis } from '../../messaging/protocol';
import type { ParsedPost, PageInfo } from '../../sites/types';
import type { PostEvents } from './events';

export interface PostSnapshot {
  post: ParsedPost;
  analysis: PostAnalysis | null;
}

export interface ContentFeatureContext {
  /** The page this session runs on. */
  page: PageInfo;
  /** Post events of this session. */
  events: PostEvents;
  /** The posts currently recognised on the page, by key. */
  currentPosts(): ReadonlyMap<string, PostSnapshot>;
  /**
   * The topic matching gives the post (what its marker shows), or null; the
   * same cached request the marker makes, so asking costs nothing more.
   */
  topicOf(post: ParsedPost, language: string): Promise<string | null>;
}

export interface ContentFeature {
  /** Stable, kebab-case; shown in errors and used to switch a feature off. */
  id: string;
  init(context: ContentFeatureContext, signal: AbortSignal): void | Promise<void>;
}
