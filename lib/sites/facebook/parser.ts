/**
 * Reads a Facebook post root into plain, validated data (never DOM nodes).
 * All selectors come from ./selectors; each lookup records which fallback
 * entry matched, for the diagnostic report.
 *
 * What is a post: a post-root candidate that is neither inside another post
 * (the inner part of a shared post), nor a comment, nor a loading
 * placeholder, and that has a message or an author. The outer post of a
 * shared post is the post; its own text is the message that is not inside
 * the shared block (the block is recognised by its own author landmark).
 */
import { LIMITS } from '../../domain/limits';
import type { KeyResolver, PageInfo, ParseResult, ParsedPost, SelectorStats } from '../types';
import { parsedPostSchema } from '../types';
import type { SelectorGroup } from './selectors';
import { GROUP_PATH, INVISIBLE_CHARACTERS, POST_ID_PATTERNS, SELECTORS } from './selectors';

const FINGERPRINT_TEXT_LENGTH = 80;

/** First element in `root` matching an entry of `group`, trying entries in order. */
export function queryFirst(
  root: ParentNode,
  group: SelectorGroup,
  stats?: SelectorStats,
  accept: (element: Element) => boolean = () => true,
): Element | null {
  const entries: readonly string[] = SELECTORS[group];
  for (const [index, selector] of entries.entries()) {
    for (const element of root.querySelectorAll(selector)) {
      if (accept(element)) {
        stats?.record(group, index);
        return element;
      }
    }
  }
  return null;
}

export function matchesAny(element: Element, group: SelectorGroup): boolean {
  return SELECTORS[group].some((selector) => element.matches(selector));
}

export function closestAny(element: Element, group: SelectorGroup): Element | null {
  let best: Element | null = null;
  for (const selector of SELECTORS[group]) {
    const found = element.closest(selector);
    // The nearest ancestor wins, whichever entry found it.
    if (found && (!best || best.contains(found))) best = found;
  }
  return best;
}

/** Removes scraper-disturbing characters and normalises spaces, keeping line breaks. */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(INVISIBLE_CHARACTERS, '')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v]+/g, ' ').trim())
    .filter((line, index, lines) => line !== '' || (index > 0 && lines[index - 1] !== ''))
    .join('\n')
    .trim();
}

/** 64-bit FNV-1a, as 16 hex digits: a stable, short, non-reversible digest for keys. */
export function digest(value: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ code ^ (h1 >>> 7), 0x01000193) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

export function describeFacebookPage(doc: Document, location: Location | URL): PageInfo {
  const groupId = GROUP_PATH.exec(location.pathname)?.[1] ?? null;
  const isPost =
    /\/(posts|permalink)\//.test(location.pathname) ||
    /[?&]multi_permalinks=/.test(location.search);
  let groupName: string | null = null;
  if (groupId) {
    const link =
      doc.querySelector(`h1 a[href*="/groups/${CSS.escape(groupId)}"]`) ??
      doc.querySelector('[role="main"] h1');
    const name = cleanText(link?.textContent ?? '');
    groupName = name ? name.slice(0, LIMITS.groupName) : null;
  }
  const lang = doc.documentElement.lang.trim();
  return {
    kind: groupId === null ? 'other' : isPost ? 'group-post' : 'group-feed',
    groupId,
    groupName,
    uiLanguage: lang ? lang.slice(0, 20) : null,
  };
}

function isInsideComment(element: Element, root: Element): boolean {
  const comment = closestAny(element, 'comment');
  return comment !== null && root.contains(comment) && comment !== root;
}

/** The shared block inside a post: the nearest ancestor below `root` with another author landmark. */
function isInsideSharedBlock(element: Element, root: Element, ownAuthor: Element | null): boolean {
  for (let node = element.parentElement; node && node !== root; node = node.parentElement) {
    const author = node.querySelector(SELECTORS.author[0]);
    if (author && author !== ownAuthor && !author.contains(element)) return true;
  }
  return false;
}

function readMessageText(message: Element): string {
  const paragraphs: string[] = [];
  for (const paragraph of message.querySelectorAll(SELECTORS.paragraph[0])) {
    // Skip nested paragraphs (counted with their parent), hidden copies and
    // machine translations shown beside the original.
    if (
      paragraph.parentElement?.closest(SELECTORS.paragraph[0]) &&
      message.contains(paragraph.parentElement.closest(SELECTORS.paragraph[0]))
    )
      continue;
    if (paragraph.closest('[aria-hidden="true"], blockquote')) continue;
    paragraphs.push(paragraph.textContent ?? '');
  }
  if (paragraphs.length > 0) return paragraphs.join('\n');
  // No paragraphs: take the text minus hidden copies, translations and "See more".
  const clone = message.cloneNode(true) as Element;
  for (const hidden of clone.querySelectorAll(
    '[aria-hidden="true"], blockquote, [role="button"]',
  )) {
    hidden.remove();
  }
  return clone.textContent ?? '';
}

function findPostId(
  root: Element,
  stats?: SelectorStats,
): { postId: string; permalink: string } | null {
  const entries: readonly string[] = SELECTORS.permalink;
  for (const [index, selector] of entries.entries()) {
    for (const link of root.querySelectorAll<HTMLAnchorElement>(selector)) {
      if (isInsideComment(link, root)) continue;
      const href = link.getAttribute('href') ?? '';
      for (const pattern of POST_ID_PATTERNS) {
        const id = pattern.exec(href)?.[1];
        if (id) {
          stats?.record('permalink', index);
          let permalink = href;
          try {
            const url = new URL(href, 'https://www.facebook.com/');
            permalink = `${url.origin}${url.pathname}`;
          } catch {
            // keep the raw href
          }
          return { postId: id, permalink };
        }
      }
    }
  }
  return null;
}

export function parseFacebookPost(
  root: Element,
  page: PageInfo,
  keys: KeyResolver,
  stats?: SelectorStats,
): ParseResult {
  const outer = root.parentElement ? closestAny(root.parentElement, 'postRoot') : null;
  if (outer) return { kind: 'rejected', reason: 'nested' };
  if (matchesAny(root, 'comment') || closestAny(root, 'comment')) {
    return { kind: 'rejected', reason: 'comment' };
  }
  const notInComment = (element: Element) => !isInsideComment(element, root);
  const author = queryFirst(root, 'author', stats, notInComment);
  const message = queryFirst(
    root,
    'message',
    stats,
    (element) => notInComment(element) && !isInsideSharedBlock(element, root, author),
  );
  if (!author && !message) {
    const placeholder = queryFirst(root, 'placeholder', stats);
    return { kind: 'rejected', reason: placeholder ? 'placeholder' : 'no-content' };
  }

  const text = message ? cleanText(readMessageText(message)).slice(0, 20_000) : '';
  const seeMore = message ? queryFirst(message, 'seeMore', stats) : null;
  const authorLink = author?.querySelector('a') ?? (author?.matches('a') ? author : null);
  const anonymous = author !== null && authorLink === null;
  const authorName =
    author && !anonymous ? cleanText(author.textContent ?? '').slice(0, 500) || null : null;
  const ids = findPostId(root, stats);
  const timeLink = queryFirst(root, 'timeLabel', stats, notInComment);
  const timeLabel =
    cleanText(timeLink?.getAttribute('aria-label') ?? timeLink?.textContent ?? '') || null;

  const fingerprint = digest(
    `${anonymous ? '(anonymous)' : (authorName ?? '')}\n${text.slice(0, FINGERPRINT_TEXT_LENGTH)}`,
  );
  const candidateKey = ids ? `fb:${ids.postId}` : `fbh:${fingerprint}`;
  const post: ParsedPost = {
    postKey: keys.resolve(candidateKey, fingerprint),
    postId: ids?.postId ?? null,
    groupId: page.groupId,
    groupName: page.groupName,
    authorName,
    anonymous,
    text,
    truncated: seeMore !== null,
    permalink: ids?.permalink ?? null,
    timeLabel: timeLabel ? timeLabel.slice(0, 200) : null,
    uiLanguage: page.uiLanguage,
    fingerprint,
  };
  const parsed = parsedPostSchema.safeParse(post);
  return parsed.success
    ? { kind: 'post', post: parsed.data }
    : { kind: 'rejected', reason: 'invalid' };
}

/**
 * Remembers which key a post got, by fingerprint, so a post keeps its key
 * when its permalink only appears later (hover) or it is remounted.
 */
export function createKeyResolver(limit = 5000): KeyResolver & { size(): number } {
  const byFingerprint = new Map<string, string>();
  return {
    resolve(candidateKey, fingerprint) {
      const known = byFingerprint.get(fingerprint);
      if (known) return known;
      byFingerprint.set(fingerprint, candidateKey);
      if (byFingerprint.size > limit) {
        const oldest = byFingerprint.keys().next().value;
        if (oldest !== undefined) byFingerprint.delete(oldest);
      }
      return candidateKey;
    },
    size: () => byFingerprint.size,
  };
}
