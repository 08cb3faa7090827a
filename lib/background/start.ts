/**
 * The background service worker's lifecycle. MV3 stops the worker whenever
 * it is idle, so every listener is registered synchronously here, on each
 * start, and no state lives in memory: what must survive is in storage.
 */
import { browser } from 'wxt/browser';
import { getDatabase } from '../db/database';
import { isEnvelope } from '../messaging/protocol';
import { receiveMessage, type ReceiverOptions } from '../messaging/receive';
import { installBundledPack } from './bundled-pack';
import { forgetTabState } from './tab-state';
import { handlers } from './handlers';
import { registerLogMaintenance } from './log';
import { registerTeamSync } from './team';
import { registerWorkspaceCommand } from './workspace';

export function startBackground(): void {
  const options: ReceiverOptions = {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    onHandlerError: (name, error) => console.error(`Outreach Advisor: "${name}" failed`, error),
  };

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (!isEnvelope(message)) return false; // not ours: leave it to other listeners
    // sendResponse + `return true` answers asynchronously in Chrome and Firefox alike.
    void receiveMessage(message, sender, handlers, options).then(sendResponse);
    return true;
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTabState(tabId);
  });

  registerLogMaintenance();

  registerTeamSync();

  registerWorkspaceCommand();

  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') {
      void getDatabase().meta.put({ key: 'installedAt', value: new Date().toISOString() });
    }
    if (reason === 'install' || reason === 'update') {
      installBundledPack().catch((error: unknown) =>
        console.error('Outreach Advisor: the bundled answer pack could not be installed', error),
      );
    }
  });
}
