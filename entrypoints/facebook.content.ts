import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '../lib/content/start';

/**
 * Runs on Facebook only (the test build adds localhost in wxt.config.ts).
 * Never opens IndexedDB here: that would land in facebook.com's storage.
 */
export default defineContentScript({
  matches: ['https://www.facebook.com/*', 'https://web.facebook.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    startContentScript(ctx).catch((error: unknown) => {
      console.error('Outreach Advisor: the content script could not start', error);
    });
  },
});
