import type { Download, Locator, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/** The dashboard's Log & export and Statistics sections. */
export class LogDashboardPage {
  constructor(
    readonly page: Page,
    private readonly extensionId: string,
  ) {}

  async open(section: 'log' | 'stats' | 'settings' = 'log'): Promise<void> {
    await this.page.goto(`chrome-extension://${this.extensionId}/options.html#${section}`);
    await this.page.getByTestId(`section-${section}`).waitFor();
  }

  get rows(): Locator {
    return this.page.getByTestId('log-row');
  }

  rowsOfType(type: string): Locator {
    return this.page.locator(`[data-testid="log-row"][data-type="${type}"]`);
  }

  /** Chooses exactly `types` in the event-type filter (a disclosure of checkbox chips). */
  async filterTypes(types: string[]): Promise<void> {
    const filter = this.page.getByTestId('filter-types');
    if ((await filter.getAttribute('open')) === null) await filter.locator('summary').click();
    for (const box of await filter.locator('input[type="checkbox"]').all()) {
      await box.setChecked(types.includes((await box.getAttribute('value')) ?? ''));
    }
  }

  /** The table leaves "Post seen" entries out by default; this shows them. */
  async showPostsOnlySeen(): Promise<void> {
    await this.page.getByTestId('log-show-seen').check();
  }

  get count(): Locator {
    return this.page.getByTestId('log-count');
  }

  /** Clicks an export button and returns the downloaded file's bytes. */
  async export(format: 'csv' | 'json' | 'xlsx'): Promise<{ download: Download; data: Buffer }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId(`export-${format}`).click(),
    ]);
    const path = await download.path();
    return { download, data: await readFile(path) };
  }

  async setPseudonym(name: string): Promise<void> {
    const input = this.page.getByTestId('advisor-pseudonym');
    await input.fill(name);
    await input.blur();
    await this.page.getByTestId('privacy-status').filter({ hasText: /\S/ }).waitFor();
  }

  /** Downloads this installation's advisor public key file (Statistics → Advisor keys). */
  async exportAdvisorKey(): Promise<Buffer> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('export-advisor-key').click(),
    ]);
    return readFile(await download.path());
  }

  async trustAdvisorKey(buffer: Buffer): Promise<void> {
    await this.page
      .getByTestId('trust-advisor-key')
      .setInputFiles({ name: 'advisor.public-key.json', mimeType: 'application/json', buffer });
    await this.page.getByTestId('trusted-advisor-keys').waitFor();
  }

  /** How each merged file of the last import was verified, in order. */
  async importVerifications(): Promise<(string | null)[]> {
    return this.page
      .getByTestId('import-report')
      .locator('li')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-verification')));
  }

  async importFiles(files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
    await this.page.getByTestId('import-files').setInputFiles(files);
    await this.page.getByTestId('import-report').waitFor();
  }
}
