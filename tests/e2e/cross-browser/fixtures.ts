/**
 * Fixtures for the scenarios that run in both browsers. The Playwright
 * project decides the browser ("chromium" or "firefox", see
 * playwright.config.ts); everything past `session` is browser-neutral.
 * Each test gets its own browser with the chosen build, and fails after
 * closing it if the extension reported errors.
 */
import { test as base } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startStaticServer, type StaticServer } from '../../../scripts/lib/static-server';
import { launchChromium } from '../browsers/chromium-session';
import type { BrowserName, BrowserSession } from '../browsers/driver';
import { launchFirefox } from '../browsers/firefox-session';
import { REPO_ROOT } from '../fixtures';

const OUTPUT_DIR = { test: '.output-e2e', production: '.output' } as const;
const BUILD_DIR = { chromium: 'chrome-mv3', firefox: 'firefox-mv3' } as const;
/** A tiny extension that marks local pages at document_idle: proof content scripts ran. */
export const PROBE_EXTENSION = join(import.meta.dirname, 'probe-extension');

interface Fixtures {
  /** Which build of the extension under test to load. */
  build: keyof typeof OUTPUT_DIR;
  /** Helper extensions loaded after it. */
  helperExtensions: string[];
  browserName: BrowserName;
  session: BrowserSession;
  server: StaticServer;
}

export const test = base.extend<Fixtures>({
  build: ['test', { option: true }],
  helperExtensions: [[], { option: true }],
  // eslint-disable-next-line no-empty-pattern
  browserName: async ({}, use, testInfo) => {
    const name = testInfo.project.name;
    if (name !== 'chromium' && name !== 'firefox') {
      throw new Error(`Unknown browser project "${name}" (expected chromium or firefox)`);
    }
    await use(name);
  },
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = await startStaticServer(join(REPO_ROOT, 'tests', 'fixtures'));
    await use(server);
    await server.close();
  },
  session: async ({ browserName, build, helperExtensions }, use) => {
    const extensionDir = join(REPO_ROOT, OUTPUT_DIR[build], BUILD_DIR[browserName]);
    if (!existsSync(join(extensionDir, 'manifest.json'))) {
      const command = build === 'test' ? 'npm run build:e2e' : 'npm run build';
      throw new Error(`[${browserName}] no built extension in ${extensionDir}; run ${command}.`);
    }
    const launch = browserName === 'firefox' ? launchFirefox : launchChromium;
    const session = await launch({ extensionDirs: [extensionDir, ...helperExtensions] });
    await use(session);
    await session.close();
    expect(session.errors, `[${browserName}] errors reported by the extension`).toEqual([]);
  },
});

export const expect = test.expect;
