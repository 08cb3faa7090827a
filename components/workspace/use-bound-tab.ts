/**
 * Which tab the workspace works for. `?tab=<id>` in the page's address binds
 * it to that tab for good (tests open the workspace as a tab beside the
 * feed); otherwise it follows the active tab of its own window, as a side
 * panel does. `navigations` goes up whenever the bound tab finished loading
 * a page, so the port can connect again at once instead of after its backoff.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

export type TabBinding =
  | { kind: 'pending' }
  | { kind: 'none' }
  | { kind: 'tab'; tabId: number; url: string | null; navigations: number };

export function tabFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return null;
  return Number(raw);
}

export function useBoundTab(search: string): TabBinding {
  const [binding, setBinding] = useState<TabBinding>({ kind: 'pending' });

  useEffect(() => {
    const fixed = tabFromSearch(search);
    let windowId: number | null = null;
    let cancelled = false;

    const bind = (tab: { id?: number; url?: string } | undefined) => {
      if (cancelled) return;
      setBinding(
        tab?.id === undefined
          ? { kind: 'none' }
          : { kind: 'tab', tabId: tab.id, url: tab.url ?? null, navigations: 0 },
      );
    };

    const start = async () => {
      if (fixed !== null) {
        bind(await browser.tabs.get(fixed).catch(() => undefined));
        return;
      }
      const current = await browser.windows.getCurrent();
      windowId = current.id ?? null;
      const [tab] = await browser.tabs.query(
        windowId === null ? { active: true, currentWindow: true } : { active: true, windowId },
      );
      bind(tab);
    };

    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (fixed !== null || (windowId !== null && info.windowId !== windowId)) return;
      void browser.tabs.get(info.tabId).then(bind, () => bind({ id: info.tabId }));
    };
    const onUpdated = (tabId: number, change: { status?: string; url?: string }) => {
      setBinding((previous) =>
        previous.kind === 'tab' && previous.tabId === tabId && change.status === 'complete'
          ? { ...previous, url: change.url ?? previous.url, navigations: previous.navigations + 1 }
          : previous,
      );
    };
    const onRemoved = (tabId: number) => {
      setBinding((previous) =>
        previous.kind === 'tab' && previous.tabId === tabId ? { kind: 'none' } : previous,
      );
    };

    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onRemoved.addListener(onRemoved);
    start().catch(() => bind(undefined));
    return () => {
      cancelled = true;
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onRemoved);
    };
  }, [search]);

  return binding;
}
