import type { Locator, Page } from '@playwright/test';

/**
 * The popup as it shows for a group page in another tab. Playwright cannot
 * click the toolbar, so the popup is loaded in a background tab while the
 * group page is the window's active tab, which is the tab the popup asks
 * about.
 */
export class PopupForTabPage {
  constructor(
    readonly page: Page,
    private readonly extensionId: string,
  ) {}

  async openFor(target: Page): Promise<void> {
    await target.bringToFront();
    await this.page.goto(`chrome-extension://${this.extensionId}/popup.html`);
    await this.page.getByTestId('tab-status').waitFor();
  }

  get groupInclusion(): Locator {
    return this.page.getByTestId('group-inclusion');
  }

  get addGroupButton(): Locator {
    return this.page.getByTestId('add-group');
  }

  get healthWarning(): Locator {
    return this.page.getByTestId('health-warning');
  }

  /**
   * Copies the report and reads the system clipboard back through `reader`, a
   * web page granted clipboard-read (an extension origin cannot be granted it).
   */
  async copyDiagnosticReport(reader: Page): Promise<string> {
    // The popup has focus when it is open; clipboard writes need a focused document.
    await this.page.bringToFront();
    await this.page.getByTestId('copy-diagnostics').click();
    await this.page.getByTestId('diagnostics-status').filter({ hasText: /./ }).waitFor();
    await reader.bringToFront();
    return reader.evaluate(() => navigator.clipboard.readText());
  }
}

/** Settings → "Groups to work in" in the dashboard. */
export class GroupsSettingsPage {
  constructor(
    readonly page: Page,
    private readonly extensionId: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`chrome-extension://${this.extensionId}/options.html#settings`);
    await this.section.waitFor();
  }

  get section(): Locator {
    return this.page.getByTestId('groups-settings');
  }

  get status(): Locator {
    return this.section.getByTestId('groups-status');
  }

  async chooseMode(mode: 'all' | 'allow-list'): Promise<void> {
    await this.section.getByTestId(`groups-mode-${mode}`).check();
  }

  async addGroup(reference: string, label = ''): Promise<void> {
    await this.section.getByTestId('group-reference').fill(reference);
    await this.section.getByTestId('group-label').fill(label);
    await this.section.getByTestId('add-group').click();
  }

  async listedIds(): Promise<string[]> {
    return this.section
      .locator('[data-testid="allowed-groups"] li')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-group-id') ?? ''));
  }

  async removeGroup(id: string): Promise<void> {
    await this.section
      .locator(`[data-testid="allowed-groups"] li[data-group-id="${id}"]`)
      .getByTestId('remove-group')
      .click();
  }
}
