/**
 * The site-adapter interface: everything the content script needs to know
 * about a site's DOM sits behind it (docs/ARCHITECTURE.md#site-adapter).
 * The rest of the content script works with the plain, validated data the
 * adapter returns and the few elements it hands out for placement (post
 * roots, the overlay anchor, the comment box).
 */
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema';
import { LIMITS } from '../domain/limits';

export const parsedPostSchema = lazySchema(() =>
  z.object({
    /** Stable key of the post; the DOM contract's `data-oa-post` value. */
    postKey: z.string().check(z.minLength(1), z.maxLength(LIMITS.postKey)),
    /** Facebook's own post id (numeric or a `pfbid…` token) when one was found. */
    postId: z.nullable(z.string().check(z.maxLength(200))),
    groupId: z.nullable(z.string().check(z.maxLength(LIMITS.groupId))),
    groupName: z.nullable(z.string().check(z.maxLength(LIMITS.groupName))),
    /** Display name in clear: only ever hashed before storage (lib/privacy/author-hash). */
    authorName: z.nullable(z.string().check(z.maxLength(LIMITS.authorName))),
    anonymous: z.boolean(),
    /** Message text, cleaned of zero-width and scraper-disturbing characters. */
    text: z.string().check(z.maxLength(LIMITS.postTextForAnalysis)),
    /** True when the page shows only the start of the text ("See more"). */
    truncated: z.boolean(),
    permalink: z.nullable(z.string().check(z.maxLength(2000))),
    /** The time as the page shows it (often relative, e.g. "3 h"). */
    timeLabel: z.nullable(z.string().check(z.maxLength(200))),
    /** Language of the site's own UI (`<html lang>`), e.g. `en`, `de`, `pl`. */
    uiLanguage: z.nullable(z.string().check(z.maxLength(20))),
    /** Author and start of the text; tells a re-rendered post from a different one. */
    fingerprint: z.string().check(z.maxLength(100)),
  }),
);
export type ParsedPost = z.infer<typeof parsedPostSchema>;

/** A comment under a post, read for claim matching (never a post). */
export interface ParsedComment {
  element: Element;
  /** `c` + a digest of author and text: stable across re-renders, unique under its post. */
  commentKey: string;
  text: string;
  /** Display name in clear; never stored or sent anywhere. */
  authorName: string | null;
}

export type PageKind = 'group-feed' | 'group-post' | 'other';

export interface PageInfo {
  kind: PageKind;
  groupId: string | null;
  groupName: string | null;
  uiLanguage: string | null;
}

/** Why a candidate element was not taken as a post (for the diagnostic report). */
export type RejectReason = 'placeholder' | 'comment' | 'nested' | 'no-content' | 'invalid';

export type ParseResult =
  { kind: 'post'; post: ParsedPost } | { kind: 'rejected'; reason: RejectReason };

/** Counts how often each selector entry matched, for the diagnostic report. */
export interface SelectorStats {
  /** The entry was the one used. */
  record(group: string, index: number): void;
  /** The entry matched too (also a fallback after an earlier entry was used). */
  recordMatch?(group: string, index: number): void;
}

export interface KeyResolver {
  /** Returns the key to use for a post, given a key from ids and its fingerprint. */
  resolve(candidateKey: string, fingerprint: string): string;
}

export interface SiteAdapter {
  readonly id: string;
  describePage(doc: Document, location: Location | URL): PageInfo;
  /** The narrowest element that contains every post (feed, main column or body). */
  findObservationRoot(doc: Document): Element;
  /** True when the page's post container (feed) has rendered. */
  hasFeed(doc: Document): boolean;
  /** Every element inside `root` (inclusive) that may be a post root. */
  findCandidates(root: Element): Element[];
  /** The candidate post root that contains `node`, if any. */
  closestCandidate(node: Element): Element | null;
  parsePost(root: Element, page: PageInfo, keys: KeyResolver, stats?: SelectorStats): ParseResult;
  /** Where the overlay host goes: appended to `parent`, before `before` (or at the end). */
  overlayAnchor(root: Element): { parent: Element; before: Element | null };
  /** The post's comment box, if it is open. */
  findCommentBox(root: Element): HTMLElement | null;
  /** The button that opens the post's comment box. */
  findCommentButton(root: Element): HTMLElement | null;
  /** The comments inside a post root, with their text; never posts. */
  findComments(root: Element): ParsedComment[];
  /** A comment's "Reply" control, which opens its reply box. */
  findReplyButton(comment: Element): HTMLElement | null;
  /** A comment's open reply box, if any. */
  findReplyBox(comment: Element): HTMLElement | null;
  /** Where a comment's flag goes. */
  commentFlagAnchor(comment: Element): { parent: Element; before: Element | null };
  /**
   * The group's name and member count from the page header, with the
   * selector entries that matched (`via`); null while no header is rendered.
   */
  readGroupHeader(
    doc: Document,
    groupId: string,
  ): { name: string | null; memberCount: number | null; via: string } | null;
  /** Selector groups and entries, for naming counts in the diagnostic report. */
  readonly selectorCatalogue: Readonly<Record<string, readonly string[]>>;
}
