import type { BrowserContext, Locator, Page } from '@playwright/test';

/**
 * The advisor's workspace (entrypoints/sidepanel), opened as a tab bound to a
 * feed's tab with `?tab=<id>`: headless Chromium has no side panel, and the
 * page is the same either way.
 */
export class WorkspacePage {
  private constructor(
    readonly page: Page,
    readonly feed: Page,
  ) {}

  static async openFor(
    context: BrowserContext,
    extensionId: string,
    feed: Page,
  ): Promise<WorkspacePage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    const feedUrl = feed.url();
    // Without the "tabs" permission tab URLs are hidden; the page state the
    // content script reported (storage.session, lib/background/tab-state.ts) names them.
    const tabId = await page.evaluate(async (url) => {
      for (let attempt = 0; attempt < 50; attempt += 1) {
        const all = (await chrome.storage.session.get(null)) as Record<
          string,
          { tabId?: number; page?: { url?: string } }
        >;
        const found = Object.values(all).find((state) => state.page?.url === url);
        if (found?.tabId !== undefined) return found.tabId;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return null;
    }, feedUrl);
    if (tabId === null) throw new Error(`no tab shows ${feedUrl}`);
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
    const workspace = new WorkspacePage(page, feed);
    await workspace.queueItems.first().waitFor();
    return workspace;
  }

  get queueItems(): Locator {
    return this.page.getByTestId('queue-item');
  }

  queueItem(postKey: string): Locator {
    return this.page.locator(`[data-testid="queue-item"][data-post-key="${postKey}"]`);
  }

  /** Shows every post in the queue, not only the open questions. */
  async showAll(): Promise<void> {
    await this.page.getByTestId('queue-filter').selectOption('all');
  }

  async selectPost(postKey: string): Promise<void> {
    const filter = this.page.getByTestId('queue-filter');
    if (!(await filter.isVisible())) await this.page.keyboard.press('Escape'); // back to the queue
    await this.showAll();
    await this.queueItem(postKey).click();
    await this.page.getByTestId('post-view').waitFor();
  }

  async setPseudonym(pseudonym: string): Promise<void> {
    await this.page.evaluate(async (value) => {
      const { settings } = (await chrome.storage.local.get('settings')) as {
        settings?: Record<string, unknown>;
      };
      await chrome.storage.local.set({ settings: { ...settings, advisorPseudonym: value } });
    }, pseudonym);
  }

  get suggestions(): Locator {
    return this.page.getByTestId('suggestion');
  }

  /** Documents the selected post without a reply. */
  async documentCase(
    outcome: string,
    options: { referredTo?: string; note?: string } = {},
  ): Promise<void> {
    const without = this.page.getByTestId('document-without-reply');
    if (await without.isVisible()) await without.click();
    await this.page.getByTestId(`outcome-${outcome}`).click();
    if (options.referredTo !== undefined) {
      await this.page.getByTestId('referred-to').fill(options.referredTo);
    }
    if (options.note !== undefined) await this.page.getByTestId('note-text').fill(options.note);
    await this.page.getByTestId('documentation-save').click();
    await this.page
      .getByTestId('documentation-status')
      .filter({ hasText: /saved|gespeichert/i })
      .waitFor();
  }

  /** Types into the open suggestion's editable reply (a draft, not inserted). */
  async writeDraft(text: string): Promise<void> {
    const first = this.suggestions.first();
    await first.waitFor();
    if (!(await first.getByTestId('reply-text').isVisible())) {
      await first.getByTestId('suggestion-toggle').click();
    }
    await first.getByTestId('reply-text').fill(text);
  }
}
