/**
 * What each tab's content script last reported, kept in `storage.session` so
 * it survives the service worker being stopped between events (MV3), and
 * the toolbar badge that summarises it.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { PageState, TabState } from '../messaging/protocol';
import { tabStateSchema } from '../messaging/protocol';

function tabKey(tabId: number): `session:tab-state:${number}` {
  return `session:tab-state:${tabId}`;
}

export async function saveTabState(tabId: number, page: PageState): Promise<void> {
  const state: TabState = { tabId, updatedAt: Date.now(), page };
  await storage.setItem(tabKey(tabId), state);
  await updateBadge(tabId, page);
}

export async function loadTabState(tabId: number): Promise<TabState | null> {
  const parsed = tabStateSchema.safeParse(await storage.getItem(tabKey(tabId)));
  return parsed.success ? parsed.data : null;
}

export async function forgetTabState(tabId: number): Promise<void> {
  await storage.removeItem(tabKey(tabId));
}

/**
 * Badge: the number of recognised posts, or "!" when a feed shows none. Log
 * events the tab could not get stored come first, in amber with a leading
 * "+" ("+3": three unsaved), since they are lost if the tab closes.
 */
export function badgeFor(
  page: PageState,
  unsavedTitle: (count: number) => string = (count) => `${String(count)} log events not saved yet`,
): { text: string; color: string; title?: string } {
  const unsaved = page.unsavedEvents ?? 0;
  if (unsaved > 0)
    return {
      text: unsaved > 99 ? '+99' : `+${String(unsaved)}`,
      color: '#b06000',
      title: unsavedTitle(unsaved),
    };
  if (!page.groupIncluded || page.pageKind === 'other') return { text: '', color: '#5f6368' };
  if (page.feedFound && page.postsRecognised === 0) return { text: '!', color: '#b3261e' };
  if (page.postsRecognised === 0) return { text: '', color: '#5f6368' };
  const text = page.postsRecognised > 999 ? '999+' : String(page.postsRecognised);
  return { text, color: '#1b5e9b' };
}

async function updateBadge(tabId: number, page: PageState): Promise<void> {
  // The tooltip in the browser's language (public/_locales), English if the message is missing.
  const badge = badgeFor(
    page,
    (count) =>
      browser.i18n.getMessage('badgeUnsaved', [String(count)]) ||
      `${String(count)} log events not saved yet`,
  );
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: badge.color });
    await browser.action.setBadgeText({ tabId, text: badge.text });
    const manifest = browser.runtime.getManifest();
    await browser.action.setTitle({
      tabId,
      title: badge.title ?? manifest.action?.default_title ?? manifest.name,
    });
  } catch {
    // The tab may have closed between the report and now; nothing to show.
  }
}
