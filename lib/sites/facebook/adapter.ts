/**
 * The Facebook site adapter: the only module (with ./selectors and
 * ./parser) that knows Facebook's DOM.
 */
import type { SiteAdapter } from '../types';
import { describeFacebookPage } from './page';
import { matchesAny, parseFacebookPost, queryFirst } from './parser';
import {
  commentFlagAnchor,
  findComments,
  findReplyBox,
  findReplyButton,
  inThreadBelow,
} from './comments';
import { readGroupHeader } from './group-header';
import { closestPostRoot, findPostRoots } from './post-roots';
import { SELECTORS } from './selectors';

/** Inside a comment, or in a comment's thread (where its reply composer sits). */
function inCommentThread(element: Element, root: Element): boolean {
  const comment = element.closest(SELECTORS.comment.join(', '));
  if (comment && comment !== root && root.contains(comment)) return true;
  return inThreadBelow(element, root);
}

/** The post's own control: not in a comment or its thread, not in a form (GIF, sticker …). */
function isOwnControl(element: Element, root: Element): boolean {
  if (inCommentThread(element, root)) return false;
  const form = element.closest('form');
  return !(form && root.contains(form));
}

export const facebookAdapter: SiteAdapter = {
  id: 'facebook',
  describePage: describeFacebookPage,
  readGroupHeader,
  findObservationRoot(doc) {
    return (
      queryFirst(doc, 'feed') ??
      // A dialog only narrows things down when it holds a post.
      [...doc.querySelectorAll(SELECTORS.main[0])].find(
        (dialog) => findPostRoots(dialog).length > 0,
      ) ??
      doc.querySelector(SELECTORS.main[1]) ??
      doc.body
    );
  },
  hasFeed: (doc) => queryFirst(doc, 'feed') !== null || queryFirst(doc, 'main') !== null,
  findCandidates(root) {
    return findPostRoots(root).map((found) => found.root);
  },
  closestCandidate(node) {
    // The post's one root: an inner shared post or comment belongs to its post.
    return closestPostRoot(node)?.root ?? null;
  },
  parsePost: parseFacebookPost,
  overlayAnchor(root) {
    // Right after the header row (avatar, name, time): visible next to the
    // author, never over the post's text, action bar or comment box.
    // The row is the header's ancestor whose parent also holds the post's
    // message or action bar (2026 posts nest everything in one wrapper chain).
    const header = queryFirst(root, 'header');
    const body = [...SELECTORS.message, ...SELECTORS.commentButton].join(', ');
    let row: Element | null = header;
    while (row?.parentElement && row.parentElement !== root) {
      const parent: Element = row.parentElement;
      const rest = [...parent.children].filter((child) => child !== row);
      if (rest.some((child) => child.matches(body) || child.querySelector(body))) break;
      row = parent;
    }
    if (row?.parentElement) return { parent: row.parentElement, before: row.nextElementSibling };
    return { parent: root, before: root.firstElementChild };
  },
  findCommentBox(root) {
    // The post's own box, not a reply box inside a comment or in a comment's
    // thread (the composer a comment's Reply opens sits next to the comment).
    return queryFirst(
      root,
      'commentBox',
      undefined,
      (element) => !inCommentThread(element, root),
    ) as HTMLElement | null;
  },
  findCommentButton(root) {
    // Not by DOM order: the form's "Comment with a GIF/sticker" buttons and
    // buttons inside comments match the labels too.
    return queryFirst(
      root,
      'commentButton',
      undefined,
      (element) => !matchesAny(element, 'comment') && isOwnControl(element, root),
    ) as HTMLElement | null;
  },
  findComments,
  findReplyButton,
  findReplyBox,
  commentFlagAnchor,
  selectorCatalogue: SELECTORS,
};
