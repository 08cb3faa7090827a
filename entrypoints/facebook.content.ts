import { defineContentScript } from 'wxt/utils/define-content-script';
import { createOverlayManager } from '../components/overlay/overlay-manager';
import { OVERLAY_PANELS } from '../components/overlay/panels';
import { startContentScript } from '../lib/content/start';

/**
 * Runs on Facebook only (the test build adds localhost in wxt.config.ts).
 * Never opens IndexedDB here: that would land in facebook.com's storage.
 * The overlay UI is handed to the lifecycle here, so lib/ needs no
 * components/ import (lib/content/overlay-contract.ts).
 */
export default defineContentScript({
  matches: ['https://www.facebook.com/*', 'https://web.facebook.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    startContentScript(ctx, { panels: OVERLAY_PANELS, createOverlayManager }).catch(
      (error: unknown) => {
        console.error('Outreach Advisor: the content script could not start', error);
      },
    );
  },
});
