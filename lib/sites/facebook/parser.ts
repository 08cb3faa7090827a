/**
 * Reads a Facebook post root into plain, validated data (never DOM nodes).
 * All selectors come from ./selectors; each lookup records which fallback
 * entry matched, for the diagnostic report.
 *
 * What is a post: a root that ./post-roots resolves to itself (so never the
 * inner part of a shared post nor a wrapper of another root), that is neither
 * a comment nor a loading placeholder, and that has a message or an author.
 * The outer post of a shared post is the post; its own text is the message
 * that is not inside the shared block (the block is recognised by its own
 * author landmark). Posts without a message (sale listings) take their text
 * from the listing's lines, else from their longest text block.
 *
 * Keys: `fb:<id>` from any permalink-bearing link; otherwise `fbh:` and a
 * fingerprint over author, text, listing line and first picture, with a
 * disambiguator when identical posts are on the page at once (two identical
 * listings by one seller are two posts). The key resolver remembers keys by
 * fingerprint and upgrades a hash key to the id key once a hover reveals the
 * permalink.
 */
import type { KeyResolver, PageInfo, ParseResult, ParsedPost, SelectorStats } from '../types';
import { parsedPostSchema } from '../types';
import type { SelectorGroup } from './selectors';
import { INVISIBLE_CHARACTERS, POST_ID_PATTERNS, SELECTORS } from './selectors';
import { resolvePostRoot, strategyFinds } from './post-roots';

const FINGERPRINT_TEXT_LENGTH = 80;
const HIDDEN_TEXT = SELECTORS.hiddenText.join(', ');

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

/**
 * Counts, once per post root, every entry of `group` that matches something in
 * it (not only the one used), so the diagnostic report shows which fallbacks
 * would still work when the first entry breaks.
 */
const surveyed = new WeakMap<Element, Set<string>>();
function surveyEntries(
  root: Element,
  group: SelectorGroup,
  stats: SelectorStats | undefined,
  accept: (element: Element) => boolean = () => true,
): void {
  if (!stats?.recordMatch) return;
  let groups = surveyed.get(root);
  if (!groups) surveyed.set(root, (groups = new Set()));
  if (groups.has(group)) return;
  groups.add(group);
  const entries: readonly string[] = SELECTORS[group];
  for (const [index, selector] of entries.entries()) {
    if ([...root.querySelectorAll(selector)].some(accept)) stats.recordMatch(group, index);
  }
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

/** Text of `element` without hidden copies, translations and measurement rows. */
function visibleText(element: Element): string {
  if (!element.querySelector(HIDDEN_TEXT)) return element.textContent ?? '';
  const clone = element.cloneNode(true) as Element;
  for (const hidden of clone.querySelectorAll(HIDDEN_TEXT)) hidden.remove();
  return clone.textContent ?? '';
}

interface FallbackText {
  text: string;
  /** The listing's "price · place" line, if any. */
  listingLine: string;
}

/**
 * Text of a post without a message container: a sale listing's lines
 * (`span[dir=auto]`: title, "120 € · Berlin", "1 bed · 1 bath"), else the
 * longest text block. Only innermost blocks count, outside the header,
 * links, buttons, forms, comments, the shared block and hidden rows.
 */
function readFallbackText(
  root: Element,
  author: Element | null,
  stats?: SelectorStats,
): FallbackText {
  const usable = (block: Element) => {
    for (let node: Element | null = block; node && node !== root; node = node.parentElement) {
      if (node.matches(`a, form, [role="button"], h2, h3, h4, ${HIDDEN_TEXT}`)) return false;
      if (matchesAny(node, 'author') || matchesAny(node, 'comment')) return false;
    }
    return !isInsideSharedBlock(block, root, author);
  };
  const anyBlock = SELECTORS.fallbackText.join(', ');
  const blocks = [...root.querySelectorAll(anyBlock)].filter(
    (block) => !block.querySelector(anyBlock) && usable(block),
  );
  const lines = blocks.map((block) => cleanText(visibleText(block))).filter(Boolean);
  const isListing = blocks.some((block) => block.matches(SELECTORS.fallbackText[0]));
  if (isListing) {
    stats?.record('fallbackText', 0);
    return { text: lines.join('\n'), listingLine: lines.find((line) => line.includes('·')) ?? '' };
  }
  const longest = lines.reduce((best, line) => (line.length > best.length ? line : best), '');
  if (longest) stats?.record('fallbackText', 1);
  return { text: longest, listingLine: '' };
}

/** The first picture's address without its query (signed CDN parameters change). */
function mediaKey(root: Element, stats?: SelectorStats): string {
  const image = queryFirst(root, 'media', stats, (element) => !isInsideComment(element, root));
  const src = image?.getAttribute('src') ?? '';
  return src.startsWith('data:') ? digest(src) : (src.split('?')[0] ?? '');
}

/**
 * Identical posts on one page (two listings by one seller with the same
 * title, price and photo) get 0, 1, 2 … by the order they were first seen,
 * so each keeps its own key while it stays on the page. Per document; roots
 * that left the page free their number.
 */
const numbering = new WeakMap<Document, Map<string, Element[]>>();
const numbered = new WeakMap<Element, { base: string; n: number }>();
function disambiguate(root: Element, base: string): number {
  const known = numbered.get(root);
  if (known?.base === base) return known.n;
  let byBase = numbering.get(root.ownerDocument);
  if (!byBase) numbering.set(root.ownerDocument, (byBase = new Map()));
  if (byBase.size > 2000) {
    for (const [key, holders] of byBase)
      if (!holders.some((holder) => holder.isConnected)) byBase.delete(key);
  }
  const holders = (byBase.get(base) ?? []).filter(
    (holder) => holder !== root && holder.isConnected && numbered.get(holder)?.base === base,
  );
  const used = new Set(holders.map((holder) => numbered.get(holder)?.n));
  let n = 0;
  while (used.has(n)) n += 1;
  holders.push(root);
  byBase.set(base, holders);
  numbered.set(root, { base, n });
  return n;
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
    if (paragraph.closest(HIDDEN_TEXT)) continue;
    paragraphs.push(paragraph.textContent ?? '');
  }
  if (paragraphs.length > 0) return paragraphs.join('\n');
  // No paragraphs: take the text minus hidden copies, translations and "See more".
  const clone = message.cloneNode(true) as Element;
  for (const hidden of clone.querySelectorAll(`${HIDDEN_TEXT}, [role="button"]`)) {
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
  if (matchesAny(root, 'comment') || closestAny(root, 'comment')) {
    return { kind: 'rejected', reason: 'comment' };
  }
  // Inside another post (a shared post's inner part) or a wrapper of one.
  const resolved = resolvePostRoot(root);
  if (resolved?.root !== root) return { kind: 'rejected', reason: 'nested' };
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

  const fallback = message ? null : readFallbackText(root, author, stats);
  const text = (message ? cleanText(readMessageText(message)) : (fallback?.text ?? '')).slice(
    0,
    20_000,
  );
  const seeMore = message ? queryFirst(message, 'seeMore', stats) : null;
  const authorLink = author?.querySelector('a') ?? (author?.matches('a') ? author : null);
  const anonymous = author !== null && authorLink === null;
  const authorName =
    author && !anonymous ? cleanText(author.textContent ?? '').slice(0, 500) || null : null;
  const ids = findPostId(root, stats);
  const timeLink = queryFirst(root, 'timeLabel', stats, notInComment);
  const timeLabel =
    cleanText(timeLink?.getAttribute('aria-label') ?? timeLink?.textContent ?? '') || null;

  const base = digest(
    [
      anonymous ? '(anonymous)' : (authorName ?? ''),
      text.slice(0, FINGERPRINT_TEXT_LENGTH),
      fallback?.listingLine ?? '',
      mediaKey(root, stats),
    ].join('\n'),
  );
  const n = disambiguate(root, base);
  const fingerprint = n === 0 ? base : `${base}-${n + 1}`;
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
  const result: ParseResult = parsed.success
    ? { kind: 'post', post: parsed.data }
    : { kind: 'rejected', reason: 'invalid' };
  if (result.kind === 'post' && stats) {
    stats.record('postRoot', resolved.strategy);
    if (stats.recordMatch && !surveyed.get(root)?.has('postRoot')) {
      for (let index = 0; index < SELECTORS.postRoot.length; index += 1) {
        if (strategyFinds(root, index)) stats.recordMatch('postRoot', index);
      }
      for (const group of ['author', 'message', 'permalink', 'timeLabel', 'header'] as const)
        surveyEntries(root, group, stats, notInComment);
      surveyed.get(root)?.add('postRoot');
    }
  }
  return result;
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
      // An id key, once seen, is kept (also when the link is "#" again after a
      // remount); a hash key gives way to the id key when a hover reveals it.
      if (known && (known.startsWith('fb:') || !candidateKey.startsWith('fb:'))) return known;
      if (known) byFingerprint.delete(fingerprint);
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
