/**
 * Flags on comments that repeat a known false claim
 * (docs/PRODUCT.md#misinformation-in-comments).
 *
 * For every recognised post, the post's comments are read (the adapter's
 * `findComments`) a moment after the post appeared or changed, in slices of
 * a few milliseconds so a long thread never becomes a long task. Only
 * comments not asked about before go to the background, which matches them
 * against the active packs' claims in memory (`matchClaims`); the page
 * learns nothing of the answer except a small flag after the comment.
 *
 * The flag is a custom element with a closed shadow root (open in the test
 * build), like the post marker: it carries no post key (comments stay "not
 * posts" under the DOM contract), no claim id and nothing private. Its one
 * button opens the comment in the workspace; a click counts only when the
 * browser says a person made it (`isTrusted`).
 */
import type { ClaimMatch, MatchClaimsRequest } from '../claims/messages';
import { isPostLanguage } from '../domain/languages';
import { LIMITS } from '../domain/limits';
import type { SiteAdapter } from '../sites/types';
import type { FlaggedComment } from '../workspace/protocol';
import { MAX_FLAGGED_COMMENTS } from '../workspace/protocol';
import { TEST_BUILD } from './build-flags';
import type { Translate } from './translator';

export const FLAG_TAG = 'outreach-advisor-flag';
/** After a post appeared or changed, its comments are read this much later (they render late). */
const SCAN_DELAY_MS = 300;
/** Longest run of comment reading in one task. */
const SCAN_SLICE_MS = 6;

const CSS = `
:host { all: initial; display: block; margin: 2px 0 4px 16px; font: 12px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1c1e21; contain: layout style; }
button { display: inline-flex; align-items: center; gap: 4px; border: 1px solid #d9a400; background: #fff8e1; color: #5c4200; border-radius: 999px; padding: 1px 8px; font: inherit; cursor: pointer; }
button:hover { background: #ffefc2; }
button:focus-visible { outline: 2px solid #1b5e9b; outline-offset: 2px; }
button.done { border-color: #9ac5a5; background: #eef8f0; color: #1d5b2e; }
`;

export function isFlagHost(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && (node as Element).localName === FLAG_TAG;
}

/** A comment read for the first time, waiting for the background's answer. */
interface Fresh {
  postKey: string;
  commentKey: string;
  state: CommentState;
}

interface CommentState {
  element: Element;
  text: string;
  /** Undefined while the background has not answered. */
  matches?: ClaimMatch[];
  host?: HTMLElement;
  button?: HTMLButtonElement;
  /** An advisor answered it with the correction (the log says so, or the workspace just did). */
  corrected?: boolean;
}

export interface ClaimFlagOptions {
  adapter: SiteAdapter;
  t(): Translate;
  rootOf(postKey: string): Element | undefined;
  /** The post's language, when known: its patterns are tried first. */
  languageOf(postKey: string): string | null;
  match(request: MatchClaimsRequest): Promise<ClaimMatch[]>;
  /** Comments of these posts already answered with a correction, by post. */
  corrected(postKeys: string[]): Promise<Record<string, string[]>>;
  /** A comment was found repeating a claim (once per comment and claim in this session). */
  onFound(postKey: string, match: ClaimMatch): void;
  /** A person pressed a comment's flag. */
  onOpen(postKey: string, commentKey: string): void;
  /** The flagged comments changed (the workspace's snapshot follows). */
  onChanged(): void;
  signal: AbortSignal;
}

export interface ClaimFlags {
  /** Reads the post's comments soon (after it appeared or changed). */
  scan(postKey: string): void;
  /** The post's comments that repeat a claim, in page order. */
  flagged(postKey: string): FlaggedComment[];
  /** The comment's element, while it is in the page. */
  commentElement(postKey: string, commentKey: string): Element | null;
  /** The post left the page: its flags go, what was found stays for a remount. */
  release(postKey: string): void;
  /** The advisor answered this comment with its correction. */
  markCorrected(postKey: string, commentKey: string): void;
  /** Strings changed (UI language setting). */
  refresh(): void;
}

export function createClaimFlags(options: ClaimFlagOptions): ClaimFlags {
  const { adapter, signal } = options;
  const posts = new Map<string, Map<string, CommentState>>();
  const wanted = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const label = (button: HTMLButtonElement, corrected: boolean) => {
    const t = options.t();
    button.textContent = corrected ? `✓ ${t('claim.corrected')}` : `⚑ ${t('claim.flag')}`;
    button.title = t('claim.title');
    button.classList.toggle('done', corrected);
  };

  /** Asks the log which of these posts' flagged comments were corrected before. */
  const askCorrected = (postKeys: string[]) => {
    options.corrected(postKeys).then(
      (corrected) => {
        if (signal.aborted) return;
        let changed = false;
        for (const [postKey, commentKeys] of Object.entries(corrected)) {
          for (const commentKey of commentKeys) {
            const state = posts.get(postKey)?.get(commentKey);
            if (!state || state.corrected) continue;
            state.corrected = true;
            changed = true;
            if (state.button) label(state.button, true);
          }
        }
        if (changed) options.onChanged();
      },
      () => undefined, // the flags simply do not say "corrected"
    );
  };

  const mountFlag = (postKey: string, commentKey: string, state: CommentState) => {
    if (state.host?.isConnected && state.host.previousElementSibling === state.element) return;
    state.host?.remove();
    const host = document.createElement(FLAG_TAG);
    const shadow = host.attachShadow({ mode: TEST_BUILD ? 'open' : 'closed' });
    const style = document.createElement('style');
    style.textContent = CSS;
    const button = document.createElement('button');
    button.type = 'button';
    label(button, state.corrected === true);
    button.addEventListener('click', (event) => {
      // Synthetic clicks from the page's scripts do nothing.
      if (!event.isTrusted) return;
      options.onOpen(postKey, commentKey);
    });
    // Facebook's keyboard shortcuts must not fire while the flag has focus.
    for (const type of ['keydown', 'keyup', 'keypress'] as const) {
      button.addEventListener(type, (event) => event.stopPropagation());
    }
    shadow.append(style, button);
    const { parent, before } = adapter.commentFlagAnchor(state.element);
    parent.insertBefore(host, before);
    state.host = host;
    state.button = button;
  };

  /**
   * One request per post language (its patterns go first) for the new
   * comments of every post read in this slice, at most 50 comments each;
   * the request names comments by their place in it.
   */
  const ask = (fresh: readonly Fresh[]) => {
    const byLanguage = new Map<string, Fresh[]>();
    for (const item of fresh) {
      const language = options.languageOf(item.postKey) ?? 'und';
      const list = byLanguage.get(language) ?? [];
      list.push(item);
      byLanguage.set(language, list);
    }
    for (const [language, items] of byLanguage) {
      for (let start = 0; start < items.length; start += LIMITS.commentsPerRequest) {
        const batch = items.slice(start, start + LIMITS.commentsPerRequest);
        const request: MatchClaimsRequest = {
          comments: batch.map((item, index) => ({
            commentKey: `q${index}`,
            text: item.state.text,
          })),
          ...(isPostLanguage(language) ? { postLanguage: language } : {}),
        };
        options.match(request).then(
          (matches) => {
            if (signal.aborted) return;
            const changedPosts = new Set<string>();
            batch.forEach(({ postKey, commentKey, state }, index) => {
              state.matches = matches
                .filter((match) => match.commentKey === `q${index}`)
                .map((match) => ({ ...match, commentKey }));
              if (state.matches.length === 0 || posts.get(postKey)?.get(commentKey) !== state)
                return;
              changedPosts.add(postKey);
              for (const match of state.matches) options.onFound(postKey, match);
              if (state.element.isConnected) mountFlag(postKey, commentKey, state);
            });
            if (changedPosts.size > 0) {
              options.onChanged();
              askCorrected([...changedPosts]);
            }
          },
          () => {
            // Asked again at the next scan of the post.
            for (const { postKey, commentKey } of batch) posts.get(postKey)?.delete(commentKey);
          },
        );
      }
    }
  };

  const scanPost = (postKey: string, fresh: Fresh[]) => {
    const root = options.rootOf(postKey);
    if (!root) return;
    let comments = posts.get(postKey);
    if (!comments) posts.set(postKey, (comments = new Map()));
    for (const comment of adapter.findComments(root)) {
      const known = comments.get(comment.commentKey);
      if (known) {
        known.element = comment.element;
        if (known.matches && known.matches.length > 0) {
          mountFlag(postKey, comment.commentKey, known);
        }
        continue;
      }
      const state: CommentState = { element: comment.element, text: comment.text };
      comments.set(comment.commentKey, state);
      fresh.push({ postKey, commentKey: comment.commentKey, state });
    }
  };

  const run = () => {
    timer = undefined;
    if (signal.aborted) return;
    const deadline = performance.now() + SCAN_SLICE_MS;
    const fresh: Fresh[] = [];
    for (const postKey of wanted) {
      if (performance.now() >= deadline) break;
      wanted.delete(postKey);
      scanPost(postKey, fresh);
    }
    if (fresh.length > 0) ask(fresh);
    if (wanted.size > 0) timer = setTimeout(run, 0);
  };

  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(timer);
      for (const comments of posts.values()) {
        for (const state of comments.values()) state.host?.remove();
      }
      posts.clear();
    },
    { once: true },
  );

  return {
    scan(postKey) {
      if (signal.aborted) return;
      wanted.add(postKey);
      timer ??= setTimeout(run, SCAN_DELAY_MS);
    },
    flagged(postKey) {
      const result: FlaggedComment[] = [];
      for (const [commentKey, state] of posts.get(postKey) ?? []) {
        for (const match of state.matches ?? []) {
          if (result.length >= MAX_FLAGGED_COMMENTS) return result;
          result.push({
            commentKey,
            claimId: match.claimId,
            packId: match.packId,
            answerId: match.answerId,
            language: match.language,
            text: state.text,
            onPage: state.element.isConnected,
            corrected: state.corrected === true,
          });
        }
      }
      return result;
    },
    commentElement(postKey, commentKey) {
      const element = posts.get(postKey)?.get(commentKey)?.element;
      return element?.isConnected ? element : null;
    },
    release(postKey) {
      wanted.delete(postKey);
      for (const state of posts.get(postKey)?.values() ?? []) {
        state.host?.remove();
        delete state.host;
      }
    },
    markCorrected(postKey, commentKey) {
      const state = posts.get(postKey)?.get(commentKey);
      if (!state) return;
      state.corrected = true;
      if (state.button) label(state.button, true);
    },
    refresh() {
      for (const comments of posts.values()) {
        for (const state of comments.values()) {
          if (state.button) label(state.button, state.corrected === true);
        }
      }
    },
  };
}
