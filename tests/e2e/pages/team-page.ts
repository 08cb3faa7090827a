import type { Locator, Page } from '@playwright/test';

/** The dashboard's Team section (components/dashboard/team/): selectors stay here. */
export class TeamPage {
  constructor(
    readonly page: Page,
    private readonly extensionId: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`chrome-extension://${this.extensionId}/options.html#team`);
    await this.section.waitFor();
  }

  /** Loads the page afresh (opening the same address again would keep the page's state). */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.section.waitFor();
  }

  get section(): Locator {
    return this.page.getByTestId('section-team');
  }

  get connectForm(): Locator {
    return this.page.getByTestId('team-connect-form');
  }

  get connectError(): Locator {
    return this.page.getByTestId('team-connect-error');
  }

  async connect(code: string, user: string, password: string): Promise<void> {
    await this.page.getByTestId('team-code').fill(code);
    await this.page.getByTestId('team-user').fill(user);
    await this.page.getByTestId('team-password').fill(password);
    await this.page.getByTestId('team-connect').click();
  }

  /** The same, by keyboard only: Tab between the fields, Enter in the password field. */
  async connectByKeyboard(code: string, user: string, password: string): Promise<void> {
    await this.page.getByTestId('team-code').focus();
    await this.page.keyboard.insertText(code);
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.type(user);
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.type(password);
    await this.page.keyboard.press('Enter');
  }

  get connectedUser(): Locator {
    return this.page.getByTestId('team-connected-user');
  }

  get connectedRoles(): Locator {
    return this.page.getByTestId('team-connected-roles');
  }

  /** "n events not yet shared". */
  get unshared(): Locator {
    return this.page.getByTestId('team-unshared');
  }

  async unsharedCount(): Promise<number> {
    const text = (await this.unshared.textContent()) ?? '';
    const match = /\d+/.exec(text.replace(/[,.]/g, ''));
    if (!match) throw new Error(`no count in "${text}"`);
    return Number(match[0]);
  }

  get shareNow(): Locator {
    return this.page.getByTestId('team-share-now');
  }

  get shareSuccess(): Locator {
    return this.page.getByTestId('team-share-success');
  }

  get shareError(): Locator {
    return this.page.getByTestId('team-share-error');
  }

  get lastPushError(): Locator {
    return this.page.getByTestId('team-last-push-error');
  }

  get fetchNow(): Locator {
    return this.page.getByTestId('team-fetch-now');
  }

  /** Fetches the team's records and waits for the result line (success or "not counted"). */
  async fetchRecords(): Promise<string> {
    await this.fetchNow.click();
    const result = this.page.locator(
      '[data-testid="team-fetch-success"], [data-testid="team-fetch-warning"], [data-testid="team-fetch-error"]',
    );
    await result.first().waitFor({ timeout: 60_000 });
    return (await result.first().textContent()) ?? '';
  }

  get batches(): Locator {
    return this.page.getByTestId('team-batch');
  }

  batchOf(user: string): Locator {
    return this.page.locator(`[data-testid="team-batch"][data-user="${user}"]`);
  }

  get inviteCode(): Locator {
    return this.page.getByTestId('team-invite-code');
  }

  async showInviteCode(): Promise<void> {
    await this.page.getByTestId('team-invite-show').click();
    await this.inviteCode.waitFor();
  }
}
