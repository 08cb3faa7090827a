/**
 * The Facebook site adapter: the only module (with ./selectors and
 * ./parser) that knows Facebook's DOM.
 */
import type { SiteAdapter } from '../types';
import {
  closestAny,
  describeFacebookPage,
  matchesAny,
  parseFacebookPost,
  queryFirst,
} from './parser';
import { SELECTORS } from './selectors';

export const facebookAdapter: SiteAdapter = {
  id: 'facebook',
  describePage: describeFacebookPage,
  findObservationRoot(doc) {
    return (
      queryFirst(doc, 'feed') ??
      // A dialog only narrows things down when it holds a post.
      [...doc.querySelectorAll(SELECTORS.main[0])].find((dialog) =>
        dialog.querySelector(SELECTORS.postRoot.join(',')),
      ) ??
      doc.querySelector(SELECTORS.main[1]) ??
      doc.body
    );
  },
  hasFeed: (doc) => queryFirst(doc, 'feed') !== null || queryFirst(doc, 'main') !== null,
  findCandidates(root) {
    const selector = SELECTORS.postRoot.join(',');
    const found = [...root.querySelectorAll(selector)];
    if (root.matches(selector)) found.unshift(root);
    return found;
  },
  closestCandidate(node) {
    // The outermost candidate: an inner shared post or comment belongs to its post.
    let current = closestAny(node, 'postRoot');
    while (current?.parentElement) {
      const outer = closestAny(current.parentElement, 'postRoot');
      if (!outer) break;
      current = outer;
    }
    return current;
  },
  parsePost: parseFacebookPost,
  overlayAnchor(root) {
    // Right after the header row (avatar, name, time): visible next to the
    // author, never over the post's text, action bar or comment box.
    const header = queryFirst(root, 'header');
    let row: Element | null = header;
    while (row && row.parentElement && row.parentElement !== root) row = row.parentElement;
    if (row && row.parentElement === root) return { parent: root, before: row.nextElementSibling };
    return { parent: root, before: root.firstElementChild };
  },
  findCommentBox(root) {
    return queryFirst(root, 'commentBox') as HTMLElement | null;
  },
  findCommentButton(root) {
    return queryFirst(
      root,
      'commentButton',
      undefined,
      (element) => !matchesAny(element, 'comment'),
    ) as HTMLElement | null;
  },
  selectorCatalogue: SELECTORS,
};
