/**
 * Playwright fixtures: a real Chromium (Debian's, or CHROMIUM_PATH) with the
 * built extension loaded, its id, and a local server for fixture pages.
 * Tests use the test build (`.output-e2e`) unless they ask for production.
 */
import { test as base, chromium, type BrowserContext, type Worker } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumArgs, findChromium, INSTALL_HINT } from '../../scripts/lib/chromium';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const TEST_BUILD = join(REPO_ROOT, '.output-e2e', 'chrome-mv3');
export const PRODUCTION_BUILD = join(REPO_ROOT, '.output', 'chrome-mv3');

interface Fixtures {
  extensionDir: string;
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  server: StaticServer;
}

export const test = base.extend<Fixtures>({
  // OA_EXTENSION_DIR runs a spec against another build (e.g. an old one, to show a regression test fails there).
  extensionDir: [process.env.OA_EXTENSION_DIR ?? TEST_BUILD, { option: true }],
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = await startStaticServer(join(REPO_ROOT, 'tests', 'fixtures'));
    await use(server);
    await server.close();
  },
  context: async ({ extensionDir }, use) => {
    const executablePath = findChromium();
    if (!executablePath) throw new Error(INSTALL_HINT);
    if (!existsSync(join(extensionDir, 'manifest.json'))) {
      throw new Error(`No built extension in ${extensionDir}; run the build first.`);
    }
    const userDataDir = await mkdtemp(join(tmpdir(), 'oa-e2e-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: chromiumArgs(extensionDir),
    });
    await use(context);
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  },
  serviceWorker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
});

export const expect = test.expect;
