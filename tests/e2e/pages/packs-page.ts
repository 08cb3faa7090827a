import { DashboardPage } from './dashboard-page';

/** The Answer packs section of the dashboard. */
export class PacksPage extends DashboardPage {
  async openPacks(): Promise<void> {
    await this.open('packs');
  }

  installedPack(id: string) {
    return this.page.locator(`[data-testid="installed-pack"][data-pack-id="${id}"]`);
  }

  async importFile(name: string, content: string): Promise<void> {
    await this.page.getByTestId('pack-file').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(content, 'utf8'),
    });
  }

  async addTrustedKey(name: string, content: string): Promise<void> {
    await this.page.getByTestId('trusted-key-file').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(content, 'utf8'),
    });
  }

  preview() {
    return this.page.getByTestId('import-preview');
  }

  diff(part: 'added' | 'changed' | 'removed' | 'review' | 'stale' | 'expired') {
    return this.page.getByTestId(`diff-${part}`);
  }

  confirmInstall() {
    return this.page.getByTestId('confirm-install');
  }

  errorNotice() {
    return this.page.getByTestId('notice-error');
  }

  successNotice() {
    return this.page.getByTestId('notice-success');
  }

  problems() {
    return this.page.getByTestId('import-problems').locator('li');
  }

  answerCards() {
    return this.page.getByTestId('answer-card');
  }
}
