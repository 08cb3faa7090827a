/**
 * Comments under a post (docs/PRODUCT.md#misinformation-in-comments): found
 * and read for claim matching, and the reply control and reply box of one
 * comment, so a correction goes in as a reply to that comment. Comments stay
 * "not posts" under the DOM contract: nothing here marks them with
 * `data-oa-post`.
 */
import type { ParsedComment } from '../types';
import { LIMITS } from '../../domain/limits';
import { cleanText, digest, matchesAny } from './parser';
import { REPLY_LABELS, SELECTORS } from './selectors';

const COMMENT = SELECTORS.comment.join(', ');
const HIDDEN_TEXT = SELECTORS.hiddenText.join(', ');
const MAX_COMMENTS_PER_POST = 200;

/** The nearest comment around `element`, itself included. */
function commentOf(element: Element): Element | null {
  return element.closest(COMMENT);
}

/** The comment's own text blocks: not a nested comment's, not hidden copies or translations. */
function ownText(comment: Element): string {
  for (const selector of SELECTORS.commentText) {
    const blocks = [...comment.querySelectorAll(selector)].filter(
      (block) =>
        commentOf(block) === comment &&
        !block.closest(HIDDEN_TEXT) &&
        // Outermost blocks only: a dir=auto inside another would repeat its text.
        ![...comment.querySelectorAll(selector)].some(
          (other) => other !== block && other.contains(block),
        ),
    );
    const text = cleanText(blocks.map((block) => block.textContent ?? '').join('\n'));
    if (text !== '') return text;
  }
  return '';
}

function authorOf(comment: Element): string | null {
  const link = [...comment.querySelectorAll('a[role="link"]')].find(
    (candidate) => commentOf(candidate) === comment && (candidate.textContent ?? '').trim() !== '',
  );
  return link ? cleanText(link.textContent ?? '').slice(0, LIMITS.authorName) : null;
}

/** Every comment inside the post root with its text; comments without text are skipped. */
export function findComments(root: Element): ParsedComment[] {
  const result: ParsedComment[] = [];
  const seen = new Set<string>();
  for (const element of root.querySelectorAll(COMMENT)) {
    if (result.length >= MAX_COMMENTS_PER_POST) break;
    const text = ownText(element).slice(0, LIMITS.commentText);
    if (text === '') continue;
    const author = authorOf(element);
    let commentKey = `c${digest(`${author ?? ''}\n${text}`)}`;
    // The same person writing the same words twice is two comments.
    for (let n = 2; seen.has(commentKey); n += 1)
      commentKey = `c${digest(`${author ?? ''}\n${text}`)}-${n}`;
    seen.add(commentKey);
    result.push({ element, commentKey, text, authorName: author });
  }
  return result;
}

/**
 * In a comment's thread below `stopAt`: some ancestor of `element` holds a
 * comment other than `except` as a direct child (the reply composer a
 * comment's Reply opens sits there, next to the comment).
 */
export function inThreadBelow(element: Element, stopAt: Element, except?: Element): boolean {
  for (let node = element.parentElement; node && node !== stopAt; node = node.parentElement) {
    for (const child of node.children) {
      if (child !== except && matchesAny(child, 'comment')) return true;
    }
  }
  return false;
}

/** The comment's own "Reply" control. */
export function findReplyButton(comment: Element): HTMLElement | null {
  for (const selector of SELECTORS.replyButton) {
    for (const button of comment.querySelectorAll<HTMLElement>(selector)) {
      if (commentOf(button) !== comment) continue;
      const label = (button.getAttribute('aria-label') ?? button.textContent ?? '')
        .trim()
        .toLowerCase();
      if ((REPLY_LABELS as readonly string[]).includes(label)) return button;
    }
  }
  return null;
}

/** The comment's thread: its wrapper, which holds its replies and, once opened, the reply composer. */
function threadOf(comment: Element): Element {
  return comment.parentElement ?? comment;
}

/**
 * The open reply box for this comment: one labelled with the commenter's
 * name, else the box in this comment's thread that no nested comment's
 * thread holds.
 */
export function findReplyBox(comment: Element): HTMLElement | null {
  const thread = threadOf(comment);
  const author = authorOf(comment);
  for (const selector of SELECTORS.replyBox) {
    const boxes = [...thread.querySelectorAll<HTMLElement>(selector)].filter(
      (box) => !commentOf(box),
    );
    const named =
      author !== null
        ? boxes.find((box) => box.getAttribute('aria-label')?.includes(author))
        : undefined;
    if (named) return named;
    // Not a box in a nested comment's thread: that comment's box.
    const own = boxes.find((box) => !inThreadBelow(box, thread, comment));
    if (own) return own;
  }
  return null;
}

/** Where a comment's flag goes: right after the comment, inside its thread. */
export function commentFlagAnchor(comment: Element): { parent: Element; before: Element | null } {
  return comment.parentElement
    ? { parent: comment.parentElement, before: comment.nextElementSibling }
    : { parent: comment, before: null };
}
