/**
 * Files that ship next to the worker (the default pack, the topic
 * classifier) are read on demand through Vite's `?url` imports rather than
 * evaluated as modules on every wake-up.
 */
import { browser } from 'wxt/browser';

/** A file of the extension's own package; `what` names it in the error. */
export async function fetchPackagedFile(url: string, what: string): Promise<Response> {
  const response = await fetch(
    browser.runtime.getURL(url as Parameters<typeof browser.runtime.getURL>[0]),
  );
  if (!response.ok) throw new Error(`${what} could not be read (${response.status})`);
  return response;
}
