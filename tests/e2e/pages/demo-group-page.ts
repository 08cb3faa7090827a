import type { Page } from '@playwright/test';
import { DEMO_GROUP } from '../../fixtures/demo-group/posts';

/** The demo group page served from tests/fixtures. */
export class DemoGroupPage {
  constructor(
    readonly page: Page,
    private readonly origin: string,
  ) {}

  get url(): string {
    return `${this.origin}/groups/${DEMO_GROUP.id}/`;
  }

  async open(): Promise<void> {
    await this.page.goto(this.url);
    await this.page.locator('[role="feed"]').waitFor();
  }

  /** The content script marks the document element when it runs. */
  async contentScriptPresent(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.hasAttribute('data-outreach-advisor'));
  }

  async waitForContentScript(): Promise<void> {
    await this.page.waitForFunction(() =>
      document.documentElement.hasAttribute('data-outreach-advisor'),
    );
  }
}
