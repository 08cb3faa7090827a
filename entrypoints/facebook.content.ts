import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '../lib/content/start';

/**
 * Runs on Facebook only (the test build adds localhost in wxt.config.ts).
 * Never opens IndexedDB here: that would land in facebook.com's storage.
 *
 * WXT's "script started" window message would tell the page this
 * extension's id (security review finding 3), so it is switched off; the
 * context WXT hands in is not used either, because the page can end it with
 * a forged DOM event (lib/content/lifetime.ts).
 */
export default defineContentScript({
  matches: ['https://www.facebook.com/*', 'https://web.facebook.com/*'],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main() {
    startContentScript().catch((error: unknown) => {
      console.error('Outreach Advisor: the content script could not start', error);
    });
  },
});
