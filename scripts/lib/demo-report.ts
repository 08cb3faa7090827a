/**
 * Reads what the extension marked on the demo page through the public DOM
 * contract (docs/PRODUCT.md#dom-markers: `data-oa-post` on post roots, one
 * `outreach-advisor-overlay` per post with `data-post-key`) and formats it
 * for the demo's console report. Overlays describe their findings in data
 * attributes: `data-language` and `data-question` once the post is analysed,
 * `data-topic` and `data-suggestions` (answer ids) once the background has
 * answered the suggestion request — `data-topic` is set even when nothing
 * fits (`off-topic`), so its presence means "this post is finished".
 *
 * The wait is for a condition, not for quiet: on a loaded machine the
 * suggestions can come seconds after the languages, so the demo waits until
 * every expected post is recognised and finished, or its time-out runs out,
 * and then says which posts are missing what.
 */
import type { Page } from '@playwright/test';

export interface PostFinding {
  postKey: string;
  overlays: number;
  language: string | null;
  question: string | null;
  topic: string | null;
  suggestions: string[];
  excerpt: string;
}

export interface Findings {
  contentScriptPresent: boolean;
  posts: PostFinding[];
  /** Comments with a myth flag after them: the comment's author and the start of its text. */
  flaggedComments?: { author: string; excerpt: string }[];
}

/** What a human reader of the demo page sees in a post (tests/fixtures/demo-group/posts.ts). */
export interface ReferenceLabel {
  /** The key the extension gives a post with a permalink (`fb:<id>`). */
  postKey: string;
  /** The start of the post's text, for posts keyed without an id (anonymous posts). */
  textStart: string;
  language: string;
  topic: string;
  question: boolean;
}

export interface WaitOutcome {
  /** Every expected post recognised and finished before the time-out. */
  complete: boolean;
  waitedMs: number;
}

/** A post is finished when its overlay carries both the analysis and the suggestion answer. */
export const isFinished = (post: PostFinding): boolean =>
  post.language !== null && post.topic !== null;

/**
 * Polls the page until at least `expectedPosts` posts are recognised and
 * every recognised post is finished, or `timeoutMs` has passed.
 */
export async function waitForAnalysis(
  page: Page,
  expectedPosts: number,
  timeoutMs: number,
): Promise<WaitOutcome> {
  const started = Date.now();
  for (;;) {
    const findings = await collectFindings(page);
    const done =
      findings.posts.length >= expectedPosts && findings.posts.every((post) => isFinished(post));
    const waitedMs = Date.now() - started;
    if (done) return { complete: true, waitedMs };
    if (waitedMs >= timeoutMs) return { complete: false, waitedMs };
    await page.waitForTimeout(250);
  }
}

export async function collectFindings(page: Page): Promise<Findings> {
  return page.evaluate(() => {
    const posts = [...document.querySelectorAll<HTMLElement>('[data-oa-post]')].map((root) => {
      const postKey = root.dataset.oaPost ?? '';
      const overlays = [
        ...document.querySelectorAll<HTMLElement>('outreach-advisor-overlay'),
      ].filter((overlay) => overlay.dataset.postKey === postKey);
      const overlay = overlays[0];
      const message = root.querySelector('[data-ad-rendering-role="story_message"]');
      const text = (message?.textContent ?? '').replace(/\s+/g, ' ').trim();
      return {
        postKey,
        overlays: overlays.length,
        language: overlay?.dataset.language ?? null,
        question: overlay?.dataset.question ?? null,
        topic: overlay?.dataset.topic ?? null,
        suggestions: (overlay?.dataset.suggestions ?? '').split(',').filter(Boolean),
        excerpt: text.length > 60 ? `${text.slice(0, 57)}…` : text,
      };
    });
    const flaggedComments = [...document.querySelectorAll('outreach-advisor-flag')].map((flag) => {
      const comment = flag.previousElementSibling;
      const author = comment?.querySelector('a[role="link"]')?.textContent?.trim() ?? '?';
      const text = (comment?.querySelector('[dir="auto"]')?.textContent ?? '').trim();
      return { author, excerpt: text.length > 60 ? `${text.slice(0, 57)}…` : text };
    });
    return {
      contentScriptPresent:
        document.documentElement.hasAttribute('data-outreach-advisor') || posts.length > 0,
      posts,
      flaggedComments,
    };
  });
}

/**
 * Why the demo did not get a full result, one line per reason; empty when
 * every expected post was recognised once and finished.
 */
export function findProblems(
  findings: Findings,
  expectedPosts: number,
  outcome: WaitOutcome,
): string[] {
  const seconds = Math.round(outcome.waitedMs / 1000);
  if (!findings.contentScriptPresent) {
    return ['The extension did not run on the page (is this the test build, E2E=1?).'];
  }
  const problems: string[] = [];
  if (findings.posts.length < expectedPosts) {
    problems.push(
      `Only ${findings.posts.length} of ${expectedPosts} posts were recognised after ${seconds} s.`,
    );
  }
  const noAnalysis = findings.posts.filter((post) => post.language === null);
  if (noAnalysis.length > 0) {
    problems.push(
      `${noAnalysis.length} post(s) got no language analysis after ${seconds} s ` +
        `(is the background service worker running?): ${noAnalysis.map((post) => post.postKey).join(', ')}`,
    );
  }
  const noSuggestions = findings.posts.filter(
    (post) => post.language !== null && post.topic === null,
  );
  if (noSuggestions.length > 0) {
    problems.push(
      `${noSuggestions.length} post(s) got no topic or suggestions after ${seconds} s ` +
        `(did the answer pack load?): ${noSuggestions.map((post) => post.postKey).join(', ')}`,
    );
  }
  const notOnce = findings.posts.filter((post) => post.overlays !== 1);
  if (notOnce.length > 0) {
    problems.push(`${notOnce.length} post(s) do not have exactly one overlay.`);
  }
  return problems;
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

function findReferenced(findings: Findings, label: ReferenceLabel): PostFinding | undefined {
  const start = normalise(label.textStart).slice(0, 40);
  return (
    findings.posts.find((post) => post.postKey === label.postKey) ??
    findings.posts.find((post) => start.length > 0 && post.excerpt.startsWith(start))
  );
}

export interface ReferenceComparison {
  language: number;
  topic: number;
  question: number;
  total: number;
  /** One line per post that differs from its label, e.g. `fb:1 topic taxes (page: housing)`. */
  differences: string[];
}

/** How many posts agree with the page's reference labels, per field, and where they differ. */
export function compareWithReference(
  findings: Findings,
  reference: readonly ReferenceLabel[],
): ReferenceComparison {
  const result: ReferenceComparison = {
    language: 0,
    topic: 0,
    question: 0,
    total: reference.length,
    differences: [],
  };
  for (const label of reference) {
    const found = findReferenced(findings, label);
    if (!found) {
      result.differences.push(`${label.postKey} not recognised`);
      continue;
    }
    const differs: string[] = [];
    if (found.language === label.language) result.language += 1;
    else differs.push(`language ${found.language ?? '–'} (page: ${label.language})`);
    if (found.question === String(label.question)) result.question += 1;
    else differs.push(`question ${found.question ?? '–'} (page: ${String(label.question)})`);
    if (found.topic === label.topic) result.topic += 1;
    else differs.push(`topic ${found.topic ?? '–'} (page: ${label.topic})`);
    if (differs.length > 0) result.differences.push(`${found.postKey} ${differs.join(', ')}`);
  }
  return result;
}

export function formatFindings(
  findings: Findings,
  reference: readonly ReferenceLabel[] = [],
): string {
  const lines: string[] = [];
  lines.push(
    findings.contentScriptPresent
      ? 'The extension is running on the page.'
      : 'The extension did NOT run on the page (is this the test build?).',
  );
  lines.push(`Posts recognised: ${findings.posts.length}`);
  if (findings.posts.length === 0) return lines.join('\n');

  const byLanguage = new Map<string, number>();
  for (const post of findings.posts) {
    const language = post.language ?? '?';
    byLanguage.set(language, (byLanguage.get(language) ?? 0) + 1);
  }
  lines.push(
    `Languages: ${[...byLanguage].map(([language, count]) => `${language} ${count}`).join(', ')}`,
  );
  lines.push('');
  lines.push(
    `  ${'post'.padEnd(22)} ${'lang'} ${'question'} ${'topic'.padEnd(26)} suggested answers`,
  );
  for (const post of findings.posts) {
    const parts = [
      post.postKey.padEnd(22),
      (post.language ?? '–').padEnd(4),
      post.question === 'true' ? 'question' : post.question === 'false' ? 'no      ' : '?       ',
      (post.topic ?? '(none yet)').padEnd(26),
      post.topic === null ? '' : post.suggestions.length > 0 ? post.suggestions.join(', ') : '–',
    ];
    lines.push(`  ${parts.join(' ')}`.trimEnd());
    lines.push(`      ${post.excerpt}`);
  }
  const flagged = findings.flaggedComments ?? [];
  lines.push('');
  lines.push(`Comments flagged as repeating a known myth: ${flagged.length}`);
  for (const comment of flagged) lines.push(`  ⚑ ${comment.author}: ${comment.excerpt}`);
  // Labels are worth comparing only once something was analysed; missing analysis is a problem
  // the caller reports on its own.
  if (reference.length > 0 && findings.posts.some((post) => isFinished(post))) {
    const agreed = compareWithReference(findings, reference);
    lines.push('');
    lines.push(
      `Agreement with the demo page's own reference labels (written with the page, not a benchmark): ` +
        `language ${agreed.language}/${agreed.total}, question ${agreed.question}/${agreed.total}, ` +
        `topic ${agreed.topic}/${agreed.total}.`,
    );
    for (const difference of agreed.differences) lines.push(`  ≠ ${difference}`);
  }
  return lines.join('\n');
}
