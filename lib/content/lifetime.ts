/**
 * The content script's own lifetime and navigation watch, independent of
 * anything the page can send (security review findings 2–3,
 * docs/ARCHITECTURE.md#content-script-lifecycle).
 *
 * WXT's context ends when a DOM event named after the extension id arrives
 * and restarts sessions on a `wxt:locationchange` window event; a page
 * script can dispatch both. So the script ignores them: it ends only when
 * the extension itself is gone (`runtime.id` disappears after an update or
 * removal), and it starts a new page session only when `location.href`
 * really changed — a forged event cannot change the address.
 */
import { browser } from 'wxt/browser';

const CHECK_MS = 2000;
const URL_POLL_MS = 500;

export interface Lifetime {
  readonly signal: AbortSignal;
  /** True while the extension is installed and this script is current. */
  alive(): boolean;
}

export function createLifetime(checkMs = CHECK_MS): Lifetime {
  const controller = new AbortController();
  const alive = () => {
    if (controller.signal.aborted) return false;
    let id: string | undefined;
    try {
      id = browser.runtime?.id;
    } catch {
      id = undefined;
    }
    if (id) return true;
    controller.abort();
    return false;
  };
  const timer = setInterval(() => {
    if (!alive()) clearInterval(timer);
  }, checkMs);
  controller.signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  return { signal: controller.signal, alive };
}

/**
 * Calls `onChange(url)` when the page's address changes (Facebook navigates
 * with the History API). Trusted `popstate` and Navigation API events make
 * it check at once; a short poll catches `pushState`, which fires no event.
 * Whatever the trigger, it acts only on a real change of `location.href`.
 */
export function watchLocation(
  onChange: (url: string) => void,
  signal: AbortSignal,
  pollMs = URL_POLL_MS,
): void {
  let last = location.href;
  const check = (event?: Event) => {
    if (event && !event.isTrusted) return;
    const now = location.href;
    if (now === last) return;
    last = now;
    onChange(now);
  };
  window.addEventListener('popstate', check, { signal });
  const timer = setInterval(() => check(), pollMs);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
