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

  async waitForAnalysed(count: number): Promise<void> {
    await this.page.waitForFunction(
      (expected) =>
        document.querySelectorAll('outreach-advisor-overlay[data-language]').length >= expected,
      count,
    );
  }

  /** Types a reply in the overlay's own-reply box and inserts it. */
  async insertOwnReply(postKey: string, text: string): Promise<string> {
    const overlay = this.overlay(postKey);
    await overlay.getByTestId('overlay-toggle').click();
    await overlay.getByTestId('own-reply').fill(text);
    await overlay.getByTestId('insert-reply').click();
    const status = overlay.getByTestId('reply-status');
    await status.filter({ hasText: /./ }).waitFor();
    return (await status.textContent()) ?? '';
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

  /** The comment as Lexical itself holds it (fixture script). */
  async lexicalText(postKey: string): Promise<string | null> {
    return this.page.evaluate((key) => {
      const root = document.querySelector(`[data-oa-post="${key}"]`);
      return root && window.oaFixture?.readComment ? window.oaFixture.readComment(root) : null;
    }, postKey);
  }
}
