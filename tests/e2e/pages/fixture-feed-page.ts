import type { Locator, Page } from '@playwright/test';

/**
 * Any fixture group page (tests/fixtures/groups/...), seen through the DOM
 * contract: `data-oa-post` roots and `outreach-advisor-overlay` hosts.
 */
export class FixtureFeedPage {
  constructor(
    readonly page: Page,
    private readonly origin: string,
    private readonly path: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.origin}/${this.path}`);
    await this.page.waitForFunction(() =>
      document.documentElement.hasAttribute('data-outreach-advisor'),
    );
  }

  get markedPosts(): Locator {
    return this.page.locator('[data-oa-post]');
  }

  get overlays(): Locator {
    return this.page.locator('outreach-advisor-overlay');
  }

  overlay(postKey: string): Locator {
    return this.page.locator(`outreach-advisor-overlay[data-post-key="${postKey}"]`);
  }

  post(postKey: string): Locator {
    return this.page.locator(`[data-oa-post="${postKey}"]`);
  }

  /** Pairs of (post key, overlays with that key inside that post root). */
  async overlayCounts(): Promise<
    { postKey: string; inside: number; total: number; shadowOpen: boolean }[]
  > {
    return this.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-oa-post]')].map((root) => {
        const postKey = root.dataset.oaPost ?? '';
        const all = [...document.querySelectorAll<HTMLElement>('outreach-advisor-overlay')].filter(
          (host) => host.dataset.postKey === postKey,
        );
        return {
          postKey,
          inside: all.filter((host) => root.contains(host)).length,
          total: all.length,
          shadowOpen: all.every((host) => host.shadowRoot !== null),
        };
      }),
    );
  }

  /** Topic and suggestions arrived (mirrored on the marker) for this many posts. */
  async waitForSuggestions(count: number): Promise<void> {
    await this.page.waitForFunction(
      (expected) =>
        document.querySelectorAll('outreach-advisor-overlay[data-suggestions]').length >= expected,
      count,
    );
  }

  async waitForAnalysed(count: number): Promise<void> {
    await this.page.waitForFunction(
      (expected) =>
        document.querySelectorAll('outreach-advisor-overlay[data-language]').length >= expected,
      count,
    );
  }

  /**
   * What the marker shows and says about itself, read from its open shadow
   * root (test build): its visible text, whether it is outlined after the
   * workspace scrolled to it, and whether it is in the viewport.
   */
  async marker(postKey: string): Promise<{
    text: string;
    status: string | null;
    highlighted: boolean;
    inView: boolean;
  }> {
    return this.page.evaluate((key) => {
      const host = document.querySelector<HTMLElement>(
        `outreach-advisor-overlay[data-post-key="${key}"]`,
      );
      if (!host) throw new Error(`no marker for ${key}`);
      const root = host.shadowRoot;
      const box = host.getBoundingClientRect();
      return {
        text: root?.textContent ?? '',
        status: host.dataset.status ?? null,
        highlighted: root?.querySelector('.highlight') !== null && root !== null,
        inView: box.bottom > 0 && box.top < window.innerHeight,
      };
    }, postKey);
  }

  /** Takes the post's comment form away, as when the group turned comments off. */
  async removeCommentBox(postKey: string): Promise<void> {
    await this.post(postKey)
      .locator('form[data-oa-fixture="comment-form"]')
      .evaluate((form) => {
        form.remove();
      });
  }

  async clipboardText(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** Keys of the marked posts, in page order. */
  async postKeys(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-oa-post]')].map(
        (root) => root.dataset.oaPost ?? '',
      ),
    );
  }

  /** Key of the marked post whose author link shows `author`. */
  async keyOfAuthor(author: string): Promise<string> {
    const key = await this.page.evaluate(
      (name) =>
        [...document.querySelectorAll<HTMLElement>('[data-oa-post]')].find((root) =>
          [...root.querySelectorAll('[data-ad-rendering-role="profile_name"] a')].some(
            (link) => link.textContent?.trim() === name,
          ),
        )?.dataset.oaPost,
      author,
    );
    if (!key) throw new Error(`no marked post by ${author}`);
    return key;
  }

  /**
   * What the DOM contract forbids: marked comments, placeholders, or a marked
   * element inside another (a shared post's inner part, a wrapper).
   */
  async contractViolations(): Promise<{ comments: number; placeholders: number; nested: number }> {
    return this.page.evaluate(() => {
      const marked = [...document.querySelectorAll('[data-oa-post]')];
      return {
        comments: marked.filter((root) => root.closest('[role="article"][aria-label]')).length,
        placeholders: marked.filter(
          (root) => root.querySelector('[role="progressbar"]') && !root.textContent?.trim(),
        ).length,
        nested: marked.filter((root) => root.parentElement?.closest('[data-oa-post]')).length,
      };
    });
  }

  /**
   * Renders the feed again from the page's own HTML, as a framework re-render
   * does: new nodes, same posts.
   */
  async rerenderFeed(): Promise<void> {
    await this.page.evaluate(async () => {
      const html = await (await fetch(location.href)).text();
      const fresh = new DOMParser().parseFromString(html, 'text/html');
      const feed = document.querySelector('[role="feed"]');
      const source = fresh.querySelector('[role="feed"]');
      if (!feed || !source) throw new Error('no feed to re-render');
      feed.replaceChildren(
        ...[...source.children].map((child) => document.importNode(child, true)),
      );
    });
  }

  /** The comment as Lexical itself holds it (fixture script). */
  async lexicalText(postKey: string): Promise<string | null> {
    return this.page.evaluate((key) => {
      const root = document.querySelector(`[data-oa-post="${key}"]`);
      return root && window.oaFixture?.readComment ? window.oaFixture.readComment(root) : null;
    }, postKey);
  }
}
