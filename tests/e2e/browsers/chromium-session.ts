/**
 * The Chromium side of the seam (driver.ts), over Playwright: the same
 * launch as the Chromium-only fixtures (scripts/lib/chromium.ts).
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, findChromium, INSTALL_HINT } from '../../../scripts/lib/chromium';
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

class ChromiumPage implements E2EPage {
  readonly browser = 'chromium';

  constructor(private readonly page: Page) {}

  private locator(selector: Selector) {
    return this.page.locator(chain(selector, ' >> '));
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
  }

  async waitFor(selector: Selector): Promise<void> {
    await this.locator(selector).waitFor();
  }

  async waitForFunction<A>(predicate: (arg: A) => boolean, arg: A): Promise<void> {
    // Arguments are plain serialisable data (driver.ts), so Playwright's unboxing is the identity.
    await this.page.waitForFunction(predicate as (arg: unknown) => boolean, arg);
  }

  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return this.page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg);
  }

  async click(selector: Selector): Promise<void> {
    await this.locator(selector).click();
  }

  async fill(selector: Selector, value: string): Promise<void> {
    await this.locator(selector).fill(value);
  }

  count(selector: Selector): Promise<number> {
    return this.locator(selector).count();
  }

  async text(selector: Selector): Promise<string> {
    return (await this.locator(selector).textContent()) ?? '';
  }

  async captureDownload(action: () => Promise<void>): Promise<DownloadedFile> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), action()]);
    return { fileName: download.suggestedFilename(), data: await readFile(await download.path()) };
  }
}

export async function launchChromium({ extensionDirs }: LaunchOptions): Promise<BrowserSession> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT);
  const userDataDir = await mkdtemp(join(tmpdir(), 'oa-e2e-'));
  const context: BrowserContext = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: chromiumArgs(extensionDirs.join(',')),
  });
  const errors: string[] = [];
  let closing = false;
  const report = (where: string, text: string) => {
    if (!isNoise(text, closing)) errors.push(`${where}: ${text}`);
  };
  // Content scripts log into their tab's console, so a page's errors include the extension's.
  context.on('console', (message) => {
    if (message.type() === 'error') report(message.page()?.url() ?? 'page', message.text());
  });
  context.on('weberror', (error) => report('uncaught', error.error().message));
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
  worker.on('console', (message) => {
    if (message.type() === 'error') report('service worker', message.text());
  });
  // Node's URL gives non-special schemes a "null" origin: build it from the host.
  const origin = `chrome-extension://${new URL(worker.url()).host}`;

  return {
    browser: 'chromium',
    errors,
    async newPage() {
      return new ChromiumPage(await context.newPage());
    },
    extensionUrl: (path) => `${origin}/${path}`,
    async openWorkspace(tab) {
      const url = await tab.evaluate(() => location.href, null);
      const page = new ChromiumPage(await context.newPage());
      await page.goto(`${origin}/sidepanel.html`);
      const tabId = await tabIdShowing(page, url);
      await page.goto(`${origin}/sidepanel.html?tab=${tabId}`);
      return page;
    },
    async routeToServer(from, target) {
      await context.route(`${from}/**`, async (route) => {
        const { status, contentType, body } = await fetchFromServer(route.request().url(), target);
        await route.fulfill({ status, contentType, body });
      });
    },
    async close() {
      closing = true;
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
