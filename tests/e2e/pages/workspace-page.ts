import type { BrowserContext, Locator, Page } from '@playwright/test';

/**
 * The advisor's workspace (entrypoints/sidepanel), opened as a tab bound to a
 * feed's tab with `?tab=<id>`: headless Chromium has no side panel, and the
 * page is the same either way. Selectors stay here (test ids in
 * components/workspace/*.tsx).
 */
export class WorkspacePage {
  private constructor(
    readonly page: Page,
    readonly feed: Page,
    readonly tabId: number,
  ) {}

  static async openFor(
    context: BrowserContext,
    extensionId: string,
    feed: Page,
  ): Promise<WorkspacePage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    const tabId = await tabIdOf(page, feed.url());
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
    const workspace = new WorkspacePage(page, feed, tabId);
    await workspace.queueItems.first().waitFor();
    return workspace;
  }

  get queueItems(): Locator {
    return this.page.getByTestId('queue-item');
  }

  queueItem(postKey: string): Locator {
    return this.page.locator(`[data-testid="queue-item"][data-post-key="${postKey}"]`);
  }

  /**
   * Waits until the queue's order has not changed for `quietMs`: it sorts open
   * questions first as the suggestions for each post arrive, and a test that
   * acts on a row while it moves races the background.
   */
  async waitForQueueSettled(quietMs = 1500): Promise<void> {
    const order = () =>
      this.page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-testid="queue-item"]')]
          .map((row) => `${row.dataset.postKey ?? ''}:${row.textContent ?? ''}`)
          .join('|'),
      );
    let last = await order();
    let since = Date.now();
    const deadline = Date.now() + 30_000;
    while (Date.now() - since < quietMs) {
      if (Date.now() > deadline) throw new Error('the queue kept changing for 30 s');
      await this.page.waitForTimeout(250);
      const now = await order();
      if (now !== last) {
        last = now;
        since = Date.now();
      }
    }
  }

  get queueFilter(): Locator {
    return this.page.getByTestId('queue-filter');
  }

  /** Shows every post in the queue, not only the open questions. */
  async showAll(): Promise<void> {
    await this.queueFilter.selectOption('all');
  }

  async selectPost(postKey: string): Promise<void> {
    if (!(await this.queueFilter.isVisible())) await this.page.keyboard.press('Escape'); // back to the queue
    await this.showAll();
    await this.queueItem(postKey).click();
    await this.postView.waitFor();
  }

  get postView(): Locator {
    return this.page.getByTestId('post-view');
  }

  get postHeading(): Locator {
    return this.page.getByTestId('post-heading');
  }

  async setPseudonym(pseudonym: string): Promise<void> {
    await this.page.evaluate(async (value) => {
      const { settings } = (await chrome.storage.local.get('settings')) as {
        settings?: Record<string, unknown>;
      };
      await chrome.storage.local.set({ settings: { ...settings, advisorPseudonym: value } });
    }, pseudonym);
  }

  /** Every answer card: suggestions and search results. */
  get suggestions(): Locator {
    return this.page.getByTestId('suggestion');
  }

  /** The cards the matcher suggested for the selected post (not search results). */
  /** The suggestion cards (not the corrections of myths in the comments, which are cards too). */
  get suggested(): Locator {
    return this.page.locator(
      '[data-testid="suggestion-list"] [data-testid="suggestion"][data-via="suggestion"]',
    );
  }

  get suggestionsNone(): Locator {
    return this.page.getByTestId('suggestions-none');
  }

  /** Waits until the selected post's suggestions arrived (some, or the "none" note). */
  async waitForSuggestions(): Promise<void> {
    await this.page
      .locator('[data-testid="suggestion-list"], [data-testid="suggestions-none"]')
      .first()
      .waitFor();
  }

  /** Answer ids of the suggested cards, in the order shown. */
  async suggestedAnswerIds(): Promise<string[]> {
    await this.waitForSuggestions();
    return this.suggested.evaluateAll((cards) =>
      cards.map((card) => card.getAttribute('data-answer-id') ?? ''),
    );
  }

  card(answerId: string, via: 'suggestion' | 'search' = 'suggestion'): Locator {
    const list = via === 'suggestion' ? 'suggestion-list' : 'search-results';
    return this.page.locator(
      `[data-testid="${list}"] [data-testid="suggestion"][data-via="${via}"][data-answer-id="${answerId}"]`,
    );
  }

  /** Opens the card (its reply, placeholders and buttons) unless it is open already. */
  async openCard(answerId: string, via: 'suggestion' | 'search' = 'suggestion'): Promise<Locator> {
    const card = this.card(answerId, via);
    const toggle = card.getByTestId('suggestion-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await card.getByTestId('reply-text').waitFor();
    return card;
  }

  reply(card: Locator): Locator {
    return card.getByTestId('reply-text');
  }

  async fillPlaceholder(card: Locator, name: string, value: string): Promise<void> {
    await card.getByTestId(`placeholder-${name}`).fill(value);
  }

  insert(card: Locator): Locator {
    return card.getByTestId('suggestion-insert');
  }

  copy(card: Locator): Locator {
    return card.getByTestId('suggestion-copy');
  }

  warnings(card: Locator): Locator {
    return card.getByTestId('insert-warnings');
  }

  /** The kinds of the warnings shown (`data-warning`), in order. */
  warningKinds(card: Locator): Promise<string[]> {
    return card
      .locator('[data-testid="insert-warnings"] [data-warning]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-warning') ?? ''));
  }

  confirm(card: Locator): Locator {
    return card.getByTestId('insert-confirm');
  }

  cancel(card: Locator): Locator {
    return card.getByTestId('insert-cancel');
  }

  /** What happened to the reply (inserted, copied, on the clipboard …). */
  result(card: Locator): Locator {
    return card.getByTestId('insert-result');
  }

  notRelevant(card: Locator): Locator {
    return card.getByTestId('suggestion-not-relevant');
  }

  get postNotRelevant(): Locator {
    return this.page.getByTestId('post-not-relevant');
  }

  get searchInput(): Locator {
    return this.page.getByTestId('search-input');
  }

  get searchResults(): Locator {
    return this.page.getByTestId('search-results');
  }

  get documentation(): Locator {
    return this.page.getByTestId('documentation');
  }

  get documentationStatus(): Locator {
    return this.page.getByTestId('documentation-status');
  }

  /** Documents the selected post (without a reply unless one was used) and waits until saved. */
  async documentCase(
    outcome: string,
    options: { referredTo?: string; note?: string } = {},
  ): Promise<void> {
    await this.fillDocumentation(outcome, options);
    await this.page.getByTestId('documentation-save').click();
    await this.documentationStatus.filter({ hasText: /saved|gespeichert/i }).waitFor();
  }

  /** Chooses the outcome and fills the fields, without saving. */
  async fillDocumentation(
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

  /**
   * Inserts `text` as the reply to a post: selects it, opens its first
   * suggested answer (or the first search result for `search` when nothing
   * is suggested), replaces the reply with `text`, inserts, confirms the
   * warnings the card asks about, and returns the result it shows.
   */
  async insertReply(postKey: string, text: string, search = 'Arbeit'): Promise<string> {
    await this.selectPost(postKey);
    await this.waitForSuggestions();
    let via: 'suggestion' | 'search' = 'suggestion';
    if ((await this.suggested.count()) === 0) {
      await this.searchInput.fill(search);
      await this.searchResults.getByTestId('suggestion').first().waitFor();
      via = 'search';
    }
    const answerId = await this.page
      .locator(`[data-testid="suggestion"][data-via="${via}"]`)
      .first()
      .getAttribute('data-answer-id');
    if (!answerId) throw new Error(`no answer to use for ${postKey}`);
    const card = await this.openCard(answerId, via);
    await this.reply(card).fill(text);
    await this.insert(card).click();
    const confirm = this.confirm(card);
    const result = this.result(card);
    await confirm.or(result).first().waitFor();
    if (await confirm.isVisible()) await confirm.click();
    await result.waitFor();
    return (await result.textContent()) ?? '';
  }

  /** Whether focus fell to the body (it never may, UX review finding 8). */
  focusOnBody(): Promise<boolean> {
    return this.page.evaluate(
      () => document.activeElement === null || document.activeElement === document.body,
    );
  }

  /** The focused element's test id (or tag name), to say where focus is. */
  focused(): Promise<string> {
    return this.page.evaluate(() => {
      const active = document.activeElement;
      if (!active) return 'none';
      return active.getAttribute('data-testid') ?? active.localName;
    });
  }
}

/**
 * The feed's tab id. Without the "tabs" permission tab URLs are hidden; the
 * page state the content script reported (storage.session, `tab-state:<id>`,
 * lib/background/tab-state.ts) names them.
 */
async function tabIdOf(extensionPage: Page, feedUrl: string): Promise<number> {
  const tabId = await extensionPage.evaluate(async (url) => {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const all = (await chrome.storage.session.get(null)) as Record<
        string,
        { tabId?: number; page?: { url?: string } }
      >;
      const found = Object.entries(all).find(
        ([key, state]) => key.startsWith('tab-state:') && state.page?.url === url,
      );
      if (found?.[1].tabId !== undefined) return found[1].tabId;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return null;
  }, feedUrl);
  if (tabId === null) throw new Error(`no tab shows ${feedUrl}`);
  return tabId;
}
