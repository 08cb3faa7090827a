import type { Page } from '@playwright/test';

/** The toolbar popup, opened as a page (Playwright cannot click the toolbar). */
export class PopupPage {
  constructor(
    readonly page: Page,
    private readonly extensionId: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`chrome-extension://${this.extensionId}/popup.html`);
    await this.page.locator('.popup').waitFor();
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  notActive() {
    return this.page.getByTestId('not-active');
  }

  openDashboardButton() {
    return this.page.getByTestId('open-dashboard');
  }
}
