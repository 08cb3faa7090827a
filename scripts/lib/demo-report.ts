/**
 * Reads what the extension marked on a page through the public DOM contract
 * (SPEC.md: `data-oa-post` on post roots, one `outreach-advisor-overlay` per
 * post with `data-post-key`) and formats it for the demo's console report.
 * Overlays describe their findings in data attributes: `data-language`,
 * `data-question`, `data-topic` and `data-suggestions` (answer ids).
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
}

export async function waitForFindings(page: Page, timeoutMs = 15_000): Promise<void> {
  await page
    .waitForFunction(() => document.documentElement.hasAttribute('data-outreach-advisor'), null, {
      timeout: timeoutMs,
    })
    .catch(() => undefined);
  // Wait until the number of marked posts and analysed overlays stops changing.
  const started = Date.now();
  let last = '';
  let stableSince = Date.now();
  while (Date.now() - started < timeoutMs) {
    const snapshot = await page.evaluate(
      () =>
        `${document.querySelectorAll('[data-oa-post]').length}/${document.querySelectorAll('outreach-advisor-overlay[data-language]').length}/${document.querySelectorAll('outreach-advisor-overlay[data-suggestions]').length}`,
    );
    if (snapshot !== last) {
      last = snapshot;
      stableSince = Date.now();
    } else if (Date.now() - stableSince > 1500) {
      return;
    }
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
    return {
      contentScriptPresent: document.documentElement.hasAttribute('data-outreach-advisor'),
      posts,
    };
  });
}

export function formatFindings(findings: Findings): string {
  const lines: string[] = [];
  lines.push(
    findings.contentScriptPresent
      ? 'The extension is running on the page.'
      : 'The extension did NOT run on the page (is this the test build?).',
  );
  lines.push(`Posts recognised: ${findings.posts.length}`);
  const byLanguage = new Map<string, number>();
  for (const post of findings.posts) {
    const language = post.language ?? '?';
    byLanguage.set(language, (byLanguage.get(language) ?? 0) + 1);
  }
  if (findings.posts.length > 0) {
    lines.push(
      `Languages: ${[...byLanguage].map(([language, count]) => `${language} ${count}`).join(', ')}`,
    );
    lines.push('');
    for (const post of findings.posts) {
      const parts = [
        post.postKey.padEnd(22),
        (post.language ?? '–').padEnd(4),
        post.question === 'true' ? 'question' : post.question === 'false' ? '        ' : '?       ',
        (post.topic ?? '').padEnd(26),
        post.suggestions.length > 0 ? `→ ${post.suggestions.join(', ')}` : '',
      ];
      lines.push(`  ${parts.join(' ')}`.trimEnd());
      lines.push(`      ${post.excerpt}`);
    }
    const multiple = findings.posts.filter((post) => post.overlays !== 1);
    if (multiple.length > 0) {
      lines.push(`WARNING: ${multiple.length} post(s) without exactly one overlay.`);
    }
  }
  return lines.join('\n');
}
