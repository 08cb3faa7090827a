import type { E2EPage } from '../../browsers/driver';
import '../../../fixtures/src/fixture-api';

/**
 * A fixture group page (tests/fixtures/groups/...) in either browser, seen
 * through the DOM contract: `data-oa-post` roots and one
 * `outreach-advisor-overlay` marker per post (open shadow root in the test
 * build). The advisor works in the workspace (workspace-page.ts).
 */
export class FeedPage {
  constructor(
    readonly page: E2EPage,
    private readonly origin: string,
    private readonly path: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.origin}/${this.path}`);
    await this.page.waitForFunction(
      () => document.documentElement.hasAttribute('data-outreach-advisor'),
      null,
    );
  }

  markedPostCount(): Promise<number> {
    return this.page.count('[data-oa-post]');
  }

  /** Marks on comments (articles with an aria-label), which are never posts. */
  markedCommentCount(): Promise<number> {
    return this.page.count(
      '[role="article"][aria-label] [data-oa-post], [role="article"][aria-label][data-oa-post]',
    );
  }

  overlayCount(): Promise<number> {
    return this.page.count('outreach-advisor-overlay');
  }

  /** Waits until `count` overlays carry the background's topic and suggestions. */
  async waitForSuggestions(count: number): Promise<void> {
    await this.page.waitForFunction(
      (expected) =>
        document.querySelectorAll('outreach-advisor-overlay[data-suggestions]').length >= expected,
      count,
    );
  }

  /** Per marked post: its overlays (inside the post, anywhere), shadow root, language, topic. */
  async posts(): Promise<
    {
      postKey: string;
      inside: number;
      total: number;
      shadowOpen: boolean;
      language: string | null;
      topic: string | null;
      question: string | null;
    }[]
  > {
    return this.page.evaluate(
      () =>
        [...document.querySelectorAll<HTMLElement>('[data-oa-post]')].map((root) => {
          const postKey = root.dataset.oaPost ?? '';
          const hosts = [
            ...document.querySelectorAll<HTMLElement>('outreach-advisor-overlay'),
          ].filter((host) => host.dataset.postKey === postKey);
          const own = hosts.find((host) => root.contains(host));
          return {
            postKey,
            inside: hosts.filter((host) => root.contains(host)).length,
            total: hosts.length,
            shadowOpen: hosts.every((host) => host.shadowRoot !== null),
            language: own?.dataset.language ?? null,
            topic: own?.dataset.topic ?? null,
            question: own?.dataset.question ?? null,
          };
        }),
      null,
    );
  }

  /** The comment as Lexical itself holds it (fixture script); null while the box is closed. */
  lexicalText(postKey: string): Promise<string | null> {
    return this.page.evaluate((key) => {
      const root = document.querySelector(`[data-oa-post="${key}"]`);
      return root && window.oaFixture?.readComment ? window.oaFixture.readComment(root) : null;
    }, postKey);
  }

  /** The reply box of `author`'s comment as Lexical holds it; null while closed. */
  replyText(author: string): Promise<string | null> {
    return this.page.evaluate((name) => {
      const comment = [...document.querySelectorAll('[role="article"][aria-label]')].find(
        (element) => element.getAttribute('aria-label')?.includes(name),
      );
      return comment && window.oaFixture?.readReply ? window.oaFixture.readReply(comment) : null;
    }, author);
  }

  /** Authors of the comments with a myth flag right after them, in page order. */
  flaggedCommentAuthors(): Promise<string[]> {
    return this.page.evaluate(
      () =>
        [...document.querySelectorAll('outreach-advisor-flag')].map(
          (flag) =>
            flag.previousElementSibling?.querySelector('a[role="link"]')?.textContent?.trim() ??
            '?',
        ),
      null,
    );
  }

  /** Whether this extension's content script, and the probe extension's, marked the page. */
  marks(): Promise<{ extension: boolean; probe: boolean; posts: number }> {
    return this.page.evaluate(
      () => ({
        extension: document.documentElement.hasAttribute('data-outreach-advisor'),
        probe: document.documentElement.getAttribute('data-oa-probe') === 'ran',
        posts: document.querySelectorAll('[data-oa-post], outreach-advisor-overlay').length,
      }),
      null,
    );
  }

  /**
   * What the page can learn about the extension once `count` markers are in
   * place: whether any marker's shadow root is reachable, which data
   * attributes the markers carry, and whether `<html>` says an advisor is here.
   */
  async markerExposure(count: number): Promise<{
    markers: number;
    openShadowRoots: number;
    dataAttributes: string[];
    presenceAttribute: boolean;
  }> {
    await this.page.waitForFunction(
      (expected) => document.querySelectorAll('outreach-advisor-overlay').length >= expected,
      count,
    );
    return this.page.evaluate(() => {
      const hosts = [...document.querySelectorAll<HTMLElement>('outreach-advisor-overlay')];
      return {
        markers: hosts.length,
        openShadowRoots: hosts.filter((host) => host.shadowRoot !== null).length,
        dataAttributes: [
          ...new Set(
            hosts.flatMap((host) =>
              host.getAttributeNames().filter((name) => name.startsWith('data-')),
            ),
          ),
        ].sort(),
        presenceAttribute: document.documentElement.hasAttribute('data-outreach-advisor'),
      };
    }, null);
  }

  /** Opens the page without waiting for the content script, then waits for the probe's mark. */
  async openUntilProbe(): Promise<void> {
    await this.page.goto(`${this.origin}/${this.path}`);
    await this.page.waitForFunction(
      () => document.documentElement.getAttribute('data-oa-probe') === 'ran',
      null,
    );
  }
}
