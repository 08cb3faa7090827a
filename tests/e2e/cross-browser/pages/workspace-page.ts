import type { BrowserSession, E2EPage } from '../../browsers/driver';

const testId = (id: string) => `[data-testid="${id}"]`;
const SUGGESTED = '[data-testid="suggestion"][data-via="suggestion"]';

/**
 * The workspace in either browser, opened by the session as a tab bound to a
 * feed tab (BrowserSession.openWorkspace). Posts are picked from the queue's
 * default view, the open questions.
 */
export class WorkspacePage {
  private constructor(readonly page: E2EPage) {}

  static async openFor(session: BrowserSession, feed: E2EPage): Promise<WorkspacePage> {
    const workspace = new WorkspacePage(await session.openWorkspace(feed));
    await workspace.page.waitFor(testId('queue-list'));
    return workspace;
  }

  /** Opens an open question from the queue and waits for its suggestions. */
  async selectPost(postKey: string): Promise<void> {
    await this.page.click(`${testId('queue-item')}[data-post-key="${postKey}"]`);
    await this.page.waitFor(testId('post-view'));
    await this.page.waitForFunction(
      () =>
        document.querySelector('[data-testid="suggestion-list"], [data-testid="suggestions-none"]')
          ?.isConnected === true,
      null,
    );
  }

  /**
   * Replaces the reply of the post's first likely answer (open by default)
   * with `text`, inserts it, confirms the warnings (the default pack is
   * example content) and returns the result the workspace shows.
   */
  async insertReply(postKey: string, text: string): Promise<string> {
    await this.selectPost(postKey);
    // One CSS selector: puppeteer's `>>>` chain does not fill a textarea (nothing here is in a shadow root).
    await this.page.fill(`${SUGGESTED} ${testId('reply-text')}`, text);
    await this.page.click(testId('suggestion-insert'));
    await this.page.click(testId('insert-confirm'));
    await this.page.waitFor(testId('insert-result'));
    return this.page.text(testId('insert-result'));
  }

  /**
   * Opens the correction of the comment under `postKey` that repeats
   * `claimId`, inserts it as a reply (confirming the example-content
   * warning) and returns the result the workspace shows.
   */
  async correctClaim(postKey: string, claimId: string): Promise<string> {
    await this.selectPost(postKey);
    const item = `${testId('flagged-comment')}[data-claim="${claimId}"]`;
    await this.page.waitFor(`${item} ${testId('suggestion-toggle')}`);
    await this.page.click(`${item} ${testId('suggestion-toggle')}`);
    await this.page.click(`${item} ${testId('suggestion-insert')}`);
    await this.page.click(`${item} ${testId('insert-confirm')}`);
    await this.page.waitFor(`${item} ${testId('claim-correction-result')}`);
    return this.page.text(`${item} ${testId('claim-correction-result')}`);
  }

  /** The reply text of the correction card (as the advisor would post it). */
  async correctionText(claimId: string): Promise<string> {
    return this.page.evaluate(
      (claim) =>
        document.querySelector<HTMLTextAreaElement>(
          `[data-testid="flagged-comment"][data-claim="${claim}"] [data-testid="reply-text"]`,
        )?.value ?? '',
      claimId,
    );
  }

  /** Documents the selected post without a reply and returns the status once saved. */
  async documentCase(
    postKey: string,
    outcome: string,
    options: { referredTo?: string; note?: string } = {},
  ): Promise<string> {
    await this.selectPost(postKey);
    await this.page.click(testId('document-without-reply'));
    await this.page.click(testId(`outcome-${outcome}`));
    if (options.referredTo !== undefined) {
      await this.page.fill(testId('referred-to'), options.referredTo);
    }
    if (options.note !== undefined) await this.page.fill(testId('note-text'), options.note);
    await this.page.click(testId('documentation-save'));
    await this.page.waitFor(`${testId('documentation-next')}`);
    return this.page.text(testId('documentation-status'));
  }
}
