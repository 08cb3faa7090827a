/**
 * The Firefox side of the seam (driver.ts): Debian's firefox-esr driven by
 * puppeteer-core over WebDriver BiDi, extensions installed as temporary
 * add-ons.
 *
 * Firefox quirks handled here and nowhere else:
 * - moz-extension:// pages open only with `-remote-allow-system-access`, and
 *   their load event never reaches BiDi: navigation is started, not awaited.
 * - The extension origin is fixed through `extensions.webextensions.uuids`,
 *   keyed by the gecko id in each built manifest.
 * - Errors in extension contexts (background, pages, content scripts) do not
 *   reach BiDi's console events; Firefox prints uncaught ones to its own
 *   output as `JavaScript error: moz-extension://<uuid>/…`, which is read here.
 *   (`console.error` calls inside the extension are not printed, so they are
 *   not caught in Firefox; Chromium catches them.)
 * - During a navigation, puppeteer's waitForFunction can fail on an internal
 *   Firefox error instead of retrying; waits are polled from Node instead.
 * - puppeteer's Locator never acts on moz-extension:// pages in Firefox 140
 *   ESR (click and fill time out on a visible, stable element), so clicks,
 *   fills and reads go through waitForSelector and element handles.
 */
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import puppeteer, { type Page } from 'puppeteer-core';
import {
  FIREFOX_ARGS,
  FIREFOX_INSTALL_HINT,
  findFirefox,
  firefoxPrefs,
} from '../../../scripts/lib/firefox';
import {
  chain,
  fetchFromServer,
  isNoise,
  tabIdShowing,
  type BrowserSession,
  type DownloadedFile,
  type E2EPage,
  type LaunchOptions,
  type Selector,
} from './driver';

const DOWNLOAD_TIMEOUT_MS = 15_000;
const DOWNLOAD_POLL_MS = 100;
const WAIT_TIMEOUT_MS = 30_000;
const WAIT_POLL_MS = 50;

class FirefoxPage implements E2EPage {
  readonly browser = 'firefox';

  constructor(
    private readonly page: Page,
    private readonly downloadDir: string,
  ) {}

  private css(selector: Selector): string {
    return chain(selector, ' >>> ');
  }

  async goto(url: string): Promise<void> {
    if (url.startsWith('moz-extension:')) {
      // Its load event never arrives; the caller waits for content instead.
      void this.page.goto(url).catch(() => undefined);
      return;
    }
    await this.page.goto(url);
  }

  async waitFor(selector: Selector): Promise<void> {
    await this.page.waitForSelector(this.css(selector), { visible: true });
  }

  /**
   * Polled from here, not with puppeteer's waitForFunction: while a page
   * navigates, Firefox can answer puppeteer's script injection into the
   * departing realm with "unknown error … right-hand side of 'in' should be
   * an object", which puppeteer does not treat as a navigation and so fails
   * the wait (seen in CI on the workspace's second load). Any error counts as
   * "not yet" until the deadline; the last one is reported.
   */
  async waitForFunction<A>(predicate: (arg: A) => boolean, arg: A): Promise<void> {
    const deadline = Date.now() + WAIT_TIMEOUT_MS;
    let lastError: unknown;
    while (Date.now() < deadline) {
      try {
        if (await this.page.evaluate(predicate as (arg: unknown) => boolean, arg)) return;
        lastError = undefined;
      } catch (error) {
        lastError = error;
      }
      await new Promise((done) => setTimeout(done, WAIT_POLL_MS));
    }
    throw new Error(
      `[firefox] waited ${WAIT_TIMEOUT_MS} ms for ${predicate.toString().slice(0, 120)}` +
        (lastError === undefined ? '' : `; last error: ${String(lastError)}`),
    );
  }

  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return this.page.evaluate(fn as (arg: unknown) => R, arg) as Promise<R>;
  }

  async click(selector: Selector): Promise<void> {
    const css = this.css(selector);
    await this.page.waitForSelector(css, { visible: true });
    await this.page.click(css);
  }

  /** Replaces the field's text by typing, so the page's own input handlers see every change. */
  async fill(selector: Selector, value: string): Promise<void> {
    const handle = await this.page.waitForSelector(this.css(selector), { visible: true });
    if (!handle) throw new Error(`[firefox] ${this.css(selector)} is gone`);
    try {
      await handle.evaluate((element) => {
        (element as HTMLElement).focus();
        if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
          element.select();
        }
      });
      if (value === '') await this.page.keyboard.press('Backspace');
      else await handle.type(value);
    } finally {
      await handle.dispose();
    }
  }

  async count(selector: Selector): Promise<number> {
    const handles = await this.page.$$(this.css(selector));
    await Promise.all(handles.map((handle) => handle.dispose()));
    return handles.length;
  }

  async text(selector: Selector): Promise<string> {
    const handle = await this.page.waitForSelector(this.css(selector));
    if (!handle) throw new Error(`[firefox] ${this.css(selector)} is gone`);
    try {
      return await handle.evaluate((element) => element.textContent ?? '');
    } finally {
      await handle.dispose();
    }
  }

  /** Firefox saves silently into downloadDir (see firefoxPrefs); wait for the finished file. */
  async captureDownload(action: () => Promise<void>): Promise<DownloadedFile> {
    const before = new Set(await readdir(this.downloadDir));
    await action();
    const deadline = Date.now() + DOWNLOAD_TIMEOUT_MS;
    while (Date.now() < deadline) {
      const names = await readdir(this.downloadDir);
      const inProgress = names.some((name) => name.endsWith('.part'));
      const fileName = names.find((name) => !before.has(name) && !name.endsWith('.part'));
      if (fileName && !inProgress) {
        return { fileName, data: await readFile(join(this.downloadDir, fileName)) };
      }
      await new Promise((done) => setTimeout(done, DOWNLOAD_POLL_MS));
    }
    throw new Error(`[firefox] no download arrived in ${this.downloadDir}`);
  }
}

async function geckoId(extensionDir: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`[firefox] ${extensionDir}/manifest.json has no gecko id`);
  return id;
}

export async function launchFirefox({ extensionDirs }: LaunchOptions): Promise<BrowserSession> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(FIREFOX_INSTALL_HINT);
  const ids = await Promise.all(extensionDirs.map(geckoId));
  const uuids = Object.fromEntries(ids.map((id) => [id, randomUUID()]));
  const origin = `moz-extension://${uuids[ids[0] ?? ''] ?? ''}`;
  const downloadDir = await mkdtemp(join(tmpdir(), 'oa-e2e-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    protocol: 'webDriverBiDi',
    args: FIREFOX_ARGS,
    extraPrefsFirefox: firefoxPrefs({ extensionUuids: uuids, downloadDir }),
  });

  const errors: string[] = [];
  let closing = false;
  const report = (where: string, text: string) => {
    if (!isNoise(text, closing)) errors.push(`${where}: ${text}`);
  };
  // Firefox's own output: uncaught errors of every extension context.
  const extensionLine = new RegExp(`^JavaScript (?:error|warning): ${origin}/`);
  const output = [browser.process()?.stdout, browser.process()?.stderr].filter(
    (stream) => stream != null,
  );
  for (const stream of output) {
    let partial = '';
    stream.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (extensionLine.test(line)) report('extension', line);
    });
  }

  try {
    for (const dir of extensionDirs) await browser.installExtension(dir);
  } catch (error) {
    await browser.close();
    throw new Error(`[firefox] could not install ${extensionDirs.join(', ')}: ${String(error)}`);
  }

  /** Origins answered by a local server (routeToServer), for every page opened after. */
  const routes = new Map<string, string>();
  const newPage = async () => {
    const page = await browser.newPage();
    if (routes.size > 0) {
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        const target = routes.get(new URL(request.url()).origin);
        if (!target) {
          void request.continue();
          return;
        }
        fetchFromServer(request.url(), target).then(
          ({ status, contentType, body }) => request.respond({ status, contentType, body }),
          () => request.abort(),
        );
      });
    }
    // Web pages' own errors (BiDi reports those, not the extension's).
    page.on('console', (message) => {
      if (message.type() === 'error') report(page.url(), message.text());
    });
    page.on('pageerror', (error) => report(`uncaught in ${page.url()}`, String(error)));
    return new FirefoxPage(page, downloadDir);
  };
  /** moz-extension loads are never awaited (see above): wait until the page is that one. */
  const openExtensionPage = async (page: FirefoxPage, url: string) => {
    await page.goto(url);
    await page.waitForFunction(
      (expected) => location.href === expected && document.readyState === 'complete',
      url,
    );
  };

  return {
    browser: 'firefox',
    errors,
    newPage,
    extensionUrl: (path) => `${origin}/${path}`,
    async routeToServer(from, target) {
      routes.set(from, target);
      await Promise.resolve();
    },
    async openWorkspace(tab) {
      const url = await tab.evaluate(() => location.href, null);
      const page = await newPage();
      await openExtensionPage(page, `${origin}/sidepanel.html`);
      const tabId = await tabIdShowing(page, url);
      await openExtensionPage(page, `${origin}/sidepanel.html?tab=${tabId}`);
      return page;
    },
    async close() {
      closing = true;
      const ended = output.map((stream) => once(stream, 'close').catch(() => undefined));
      await browser.close();
      await Promise.all(ended);
      await rm(downloadDir, { recursive: true, force: true });
    },
  };
}
