/**
 * Opens the port to a tab's content script. A tab without one (not a
 * Facebook page, or loaded before the extension) ends the port at once with
 * `runtime.lastError` set; reading it here keeps Chrome from reporting an
 * "unchecked" error, and the port client simply tries again later.
 */
import { browser } from 'wxt/browser';
import type { ConnectPort } from './port-client';

export const connectToTab: ConnectPort = (tabId, options) => {
  const port = browser.tabs.connect(tabId, options);
  port.onDisconnect.addListener(() => {
    void browser.runtime.lastError;
  });
  return port;
};
