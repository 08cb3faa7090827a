/**
 * The one seam between the end-to-end scenarios and the browser that runs
 * them. Scenarios in `tests/e2e/cross-browser/` and their page objects see
 * only these interfaces; `chromium-session.ts` implements them with
 * Playwright, `firefox-session.ts` with puppeteer-core over WebDriver BiDi
 * (Playwright's Firefox is a patched build it downloads; Debian's firefox-esr
 * has no geckodriver). Keep it small: a method belongs here only when a
 * shared page object needs it.
 *
 * Lifecycle: the fixture (`cross-browser/fixtures.ts`) launches one session
 * per test with one build loaded, hands out pages, closes the browser, then
 * fails the test if the extension reported errors (closing noise excepted by
 * the named rules below).
 */

export type BrowserName = 'chromium' | 'firefox';

/**
 * A CSS selector, or a chain of them: each step is looked up inside the
 * previous step's element, its open shadow root included (overlays live in
 * one). Playwright joins steps with `>>`, puppeteer with `>>>`.
 */
export type Selector = string | readonly string[];

export interface DownloadedFile {
  fileName: string;
  data: Buffer;
}

/** A tab, as the shared page objects drive it. Arguments passed into the page are plain JSON data. */
export interface E2EPage {
  readonly browser: BrowserName;
  /**
   * Starts loading `url`. Web pages are awaited to their load event;
   * extension pages are not (Firefox never reports their load over BiDi), so
   * callers always wait for content afterwards.
   */
  goto(url: string): Promise<void>;
  /** Waits until the selector matches a visible element. */
  waitFor(selector: Selector): Promise<void>;
  waitForFunction<A>(predicate: (arg: A) => boolean, arg: A): Promise<void>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  click(selector: Selector): Promise<void>;
  fill(selector: Selector, value: string): Promise<void>;
  count(selector: Selector): Promise<number>;
  /** Text of the single matching element, once it exists. */
  text(selector: Selector): Promise<string>;
  /** Runs `action` (a click) and returns the file the browser saved because of it. */
  captureDownload(action: () => Promise<void>): Promise<DownloadedFile>;
}

/**
 * One browser with the extension (and any helper extensions) loaded.
 *
 * The workspace (side panel in Chromium, `sidebar_action` in Firefox) is the
 * one place the two browsers' UIs differ, so it has a method here,
 * `openWorkspace(tab)`, implemented per browser; the workspace page object
 * stays shared.
 */
export interface BrowserSession {
  readonly browser: BrowserName;
  newPage(): Promise<E2EPage>;
  /** `chrome-extension://<id>/<path>` or `moz-extension://<uuid>/<path>`. */
  extensionUrl(path: string): string;
  /**
   * Opens the workspace in a new tab bound to `tab` (`sidepanel.html?tab=<id>`):
   * headless browsers show no side panel or sidebar, and the page is the same.
   */
  openWorkspace(tab: E2EPage): Promise<E2EPage>;
  /**
   * Answers every request to `origin` (e.g. `https://www.facebook.com`) from
   * the local server at `target`, for pages opened afterwards: the production
   * build matches Facebook only, so this is how it meets a fixture page, and
   * nothing reaches the network.
   */
  routeToServer(origin: string, target: string): Promise<void>;
  /** Closes the browser; afterwards `errors` is complete. */
  close(): Promise<void>;
  /** Errors the extension (or a test page) reported, noise already removed. */
  readonly errors: readonly string[];
}

export interface LaunchOptions {
  /** Unpacked extension folders; the first is the extension under test. */
  extensionDirs: readonly string[];
}

/**
 * Messages that are not failures, each with the reason. A rule matches by
 * text and may be limited to what arrives while the browser is closing.
 */
export interface NoiseRule {
  name: string;
  pattern: RegExp;
  onlyWhileClosing: boolean;
}

export const NOISE_RULES: readonly NoiseRule[] = [
  {
    // The fixture server has no favicon.ico; the 404 is the server's, not the extension's.
    name: 'favicon 404 from the fixture server',
    pattern: /^Failed to load resource: .*404/,
    onlyWhileClosing: false,
  },
  {
    // Closing Chromium cuts off storage calls still running (e.g. the first-run
    // settings migration of a test that ends quickly); they reject with this.
    name: 'Chromium "The browser is shutting down" while closing',
    pattern: /The browser is shutting down/,
    onlyWhileClosing: true,
  },
  {
    // Firefox gives pagehide handlers a short budget while it shuts down; the log
    // queue's flush (and Dexie's own pagehide handler) can overrun it. That is the
    // browser shutting down, not the extension failing: whatever a scenario needs
    // logged it has already awaited in the dashboard.
    name: 'Firefox pagehide "Script terminated by timeout" while closing',
    pattern: /Script terminated by timeout/,
    onlyWhileClosing: true,
  },
];

export function isNoise(message: string, closing: boolean): NoiseRule | undefined {
  return NOISE_RULES.find(
    (rule) => rule.pattern.test(message) && (closing || !rule.onlyWhileClosing),
  );
}

export function chain(selector: Selector, separator: string): string {
  return typeof selector === 'string' ? selector : selector.join(separator);
}

/** Where the background keeps each tab's reported page state (lib/background/tab-state.ts). */
const TAB_STATE_PREFIX = 'tab-state:';

/**
 * The id of the tab that shows `url`, read in an extension page. Without the
 * "tabs" permission tab URLs are hidden from the extension, but the content
 * script reports its page state, which the background keeps in
 * `storage.session` under `tab-state:<id>`.
 */
export async function tabIdShowing(extensionPage: E2EPage, url: string): Promise<number> {
  const tabId = await extensionPage.evaluate(
    async ({ url, prefix }) => {
      for (let attempt = 0; attempt < 100; attempt += 1) {
        const all = (await chrome.storage.session.get(null)) as Record<
          string,
          { tabId?: number; page?: { url?: string } }
        >;
        const found = Object.entries(all).find(
          ([key, state]) => key.startsWith(prefix) && state.page?.url === url,
        );
        if (found?.[1].tabId !== undefined) return found[1].tabId;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return null;
    },
    { url, prefix: TAB_STATE_PREFIX },
  );
  if (tabId === null) throw new Error(`no tab reported ${url}`);
  return tabId;
}

/** The response the local server gives for `url` with its origin replaced by `target`. */
export async function fetchFromServer(
  url: string,
  target: string,
): Promise<{ status: number; contentType: string; body: Buffer }> {
  const { pathname, search } = new URL(url);
  const response = await fetch(`${target}${pathname}${search}`);
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? 'application/octet-stream',
    body: Buffer.from(await response.arrayBuffer()),
  };
}
