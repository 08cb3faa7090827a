import type { DownloadedFile, E2EPage } from '../../browsers/driver';

type Section = 'packs' | 'log' | 'stats' | 'team' | 'settings';
const testId = (id: string) => `[data-testid="${id}"]`;

/** The dashboard (options page) in either browser: log, export, statistics. */
export class DashboardPage {
  constructor(
    readonly page: E2EPage,
    private readonly url: (path: string) => string,
  ) {}

  /** Extension pages are never awaited to load (Firefox): wait for the section. */
  async open(section: Section): Promise<void> {
    await this.page.goto(this.url(`options.html#${section}`));
    await this.page.waitFor(testId(`section-${section}`));
  }

  /** The table leaves "Post seen" entries out by default; this shows them. */
  async showPostsOnlySeen(): Promise<void> {
    await this.page.click(testId('log-show-seen'));
  }

  rowCount(type: string): Promise<number> {
    return this.page.count(`[data-testid="log-row"][data-type="${type}"]`);
  }

  countText(): Promise<string> {
    return this.page.text(testId('log-count'));
  }

  export(format: 'csv' | 'json' | 'xlsx'): Promise<DownloadedFile> {
    return this.page.captureDownload(() => this.page.click(testId(`export-${format}`)));
  }

  totalPosts(): Promise<string> {
    return this.page.text(testId('total-posts'));
  }

  /** Team section: connects with the supervisor's code and this person's credentials. */
  async connectTeam(code: string, user: string, password: string): Promise<void> {
    await this.page.fill(testId('team-code'), code);
    await this.page.fill(testId('team-user'), user);
    await this.page.fill(testId('team-password'), password);
    await this.page.click(testId('team-connect'));
    await this.page.waitFor(testId('team-connected-user'));
  }

  /** "n events not yet shared". */
  unsharedText(): Promise<string> {
    return this.page.text(testId('team-unshared'));
  }

  shareNow(): Promise<void> {
    return this.page.click(testId('team-share-now'));
  }
}
