import type { Locator, Page } from '@playwright/test';

/**
 * One post's suggestion panel, inside its overlay's open shadow root
 * (Playwright's locators pierce open shadow roots). Selectors stay here.
 */
export class SuggestionPanel {
  readonly overlay: Locator;

  constructor(
    readonly page: Page,
    readonly postKey: string,
  ) {
    this.overlay = page.locator(`outreach-advisor-overlay[data-post-key="${postKey}"]`);
  }

  async open(): Promise<void> {
    const toggle = this.overlay.getByTestId('overlay-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await this.panel.waitFor();
  }

  get panel(): Locator {
    return this.overlay.getByTestId('suggestions-panel');
  }

  get summary(): Locator {
    return this.overlay.getByTestId('suggestions-summary');
  }

  get suggestions(): Locator {
    return this.overlay.getByTestId('suggestion');
  }

  get none(): Locator {
    return this.overlay.getByTestId('suggestions-none');
  }

  suggestion(answerId: string): Locator {
    return this.overlay.locator(`[data-testid="suggestion"][data-answer-id="${answerId}"]`);
  }

  /** Answer ids the host advertises (`data-suggestions`). */
  async advertisedAnswerIds(): Promise<string[]> {
    const value = await this.overlay.getAttribute('data-suggestions');
    return (value ?? '').split(',').filter(Boolean);
  }

  async openSuggestion(answerId: string): Promise<Locator> {
    const card = this.suggestion(answerId);
    const toggle = card.getByTestId('suggestion-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    return card;
  }

  reply(card: Locator): Locator {
    return card.getByTestId('suggestion-reply');
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
    return card.getByTestId('suggestion-warnings');
  }

  warningKinds(card: Locator): Locator {
    return card.locator('[data-testid="suggestion-warnings"] [data-warning]');
  }

  confirm(card: Locator): Locator {
    return card.getByTestId('suggestion-confirm');
  }

  status(card: Locator): Locator {
    return card.getByTestId('suggestion-status');
  }

  notRelevant(card: Locator): Locator {
    return card.getByTestId('suggestion-not-relevant');
  }

  async markHandled(): Promise<void> {
    await this.overlay.getByTestId('suggestions-handled').click();
  }

  async markReferred(to: string): Promise<void> {
    await this.overlay.getByTestId('suggestions-referred-to').fill(to);
    await this.overlay.getByTestId('suggestions-referred').click();
  }

  get caseStatus(): Locator {
    return this.overlay.getByTestId('suggestions-case-status');
  }
}
