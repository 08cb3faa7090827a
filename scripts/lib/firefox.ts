/**
 * Finding a Firefox to drive, and the preferences that make it run headless
 * on a closed network with a known extension origin and silent downloads.
 * The counterpart of chromium.ts, for the Firefox end-to-end tests.
 */
import { existsSync } from 'node:fs';

const CANDIDATES = [
  process.env.FIREFOX_PATH,
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

export function findFirefox(): string | undefined {
  return CANDIDATES.find((path): path is string => Boolean(path) && existsSync(path as string));
}

export const FIREFOX_INSTALL_HINT = [
  'No Firefox was found (the Firefox end-to-end tests need 140 or later; ESR is fine).',
  'Install one, for example:',
  '  Debian/Ubuntu:  sudo apt-get install firefox-esr',
  '  Fedora:         sudo dnf install firefox',
  '  macOS:          brew install --cask firefox',
  'or point FIREFOX_PATH at a Firefox executable,',
  'or run only Chromium: npm run test:e2e -- --project=chromium',
].join('\n');

/**
 * `-remote-allow-system-access` lets the remote protocol open moz-extension://
 * pages (dashboard, popup); without it they never load under automation.
 */
export const FIREFOX_ARGS = ['-remote-allow-system-access'];

export function firefoxPrefs(options: {
  /** Gecko add-on id → fixed moz-extension:// UUID, so tests know each origin. */
  extensionUuids: Record<string, string>;
  downloadDir: string;
}): Record<string, unknown> {
  return {
    'extensions.webextensions.uuids': JSON.stringify(options.extensionUuids),
    // Save every download to downloadDir without asking.
    'browser.download.dir': options.downloadDir,
    'browser.download.folderList': 2,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.start_downloads_in_tmp_dir': false,
    // Closed network: no update checks, telemetry or first-run pages.
    'app.update.enabled': false,
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
  };
}
