import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // One browser at a time: each test starts its own browser with the
  // extension, and the machines this runs on have two cores.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  // The project name is the browser: it prefixes every test in the report,
  // and the cross-browser fixture launches by it (tests/e2e/cross-browser/).
  projects: [
    // Every spec: the Chromium-only ones (Playwright fixtures) and the shared scenarios.
    { name: 'chromium' },
    // The shared scenarios only, in Firefox ESR over WebDriver BiDi.
    { name: 'firefox', testMatch: 'cross-browser/**/*.spec.ts' },
  ],
});
