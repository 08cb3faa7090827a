/**
 * The page the extension runs on is not on its side (issue 13, security
 * review findings 1–3 and 9). A script in the page's main world:
 * - walks the whole DOM, every open shadow root included, looking for the
 *   private things that exist at that moment (a case note, a draft in the
 *   workspace, the advisor's pseudonym);
 * - dispatches synthetic clicks, key presses and input events on every
 *   element it can reach;
 * - forges WXT's location-change and script-started events with the
 *   extension's id (a store extension's id is public, so the page may
 *   know it even if nothing leaks it);
 * - listens to every `message` event for the extension id.
 * None of it may add a record to the extension's database, remove a marker
 * or reveal anything. The test build keeps shadow roots open, so the page
 * script can reach the markers' buttons here: the `isTrusted` checks are
 * what is tested, not the closed root.
 */
import type { Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures';
import { DEMO_POSTS } from '../fixtures/demo-group/posts';
import { FixtureFeedPage } from './pages/fixture-feed-page';
import { WorkspacePage } from './pages/workspace-page';

const FEED = 'groups/eu-workers-demo/';
const NOTE = 'PRIVATE-NOTE client has no papers';
const DRAFT = 'PRIVATE-DRAFT unsent reply';
const PSEUDONYM = 'PRIVATE-PSEUDONYM Advisor K';

async function eventCount(worker: Worker): Promise<number> {
  return worker.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('outreach-advisor');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result
            .transaction('events', 'readonly')
            .objectStore('events')
            .count();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** Every text, attribute and form value the page can read, open shadow roots included. */
function readEverything(page: Page): Promise<string> {
  return page.evaluate(() => {
    const out: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        for (const attribute of element.attributes) out.push(attribute.value);
        if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
          out.push(element.value);
        }
        if (element.shadowRoot) visit(element.shadowRoot);
      }
      out.push(root instanceof Document ? root.documentElement.outerHTML : root.innerHTML);
    };
    visit(document);
    out.push(JSON.stringify(localStorage), document.cookie);
    return out.join('\n');
  });
}

/** Synthetic clicks, keys and input on every reachable element (shadow roots too). */
function forgeInteractions(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const targets: Element[] = [];
    const collect = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        targets.push(element);
        if (element.shadowRoot) collect(element.shadowRoot);
      }
    };
    collect(document);
    for (const element of targets) {
      if (element.closest('form[data-oa-fixture="comment-form"]')) continue; // the comment box is Facebook's
      // Links would take the page away; the page has no reason to leave itself.
      if (element instanceof HTMLElement && !element.closest('a[href]')) element.click();
      for (const key of ['Enter', ' ', '1', '2', '5', 'Escape']) {
        element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
        element.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true }));
      }
      element.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: 'x' }));
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return targets.length;
  });
}

async function openFeed(page: Page, origin: string): Promise<FixtureFeedPage> {
  await page.addInitScript(() => {
    (window as unknown as { __seen: string[] }).__seen = [];
    window.addEventListener('message', (event) => {
      let text: string;
      try {
        text = JSON.stringify(event.data);
      } catch {
        text = String(event.data);
      }
      (window as unknown as { __seen: string[] }).__seen.push(text);
    });
  });
  const feed = new FixtureFeedPage(page, origin, FEED);
  await feed.open();
  await feed.waitForAnalysed(DEMO_POSTS.length);
  return feed;
}

test.describe('a hostile page', () => {
  test('cannot read a case note, a draft or the pseudonym', async ({
    context,
    server,
    extensionId,
  }) => {
    const page = await context.newPage();
    const feed = await openFeed(page, server.origin);
    const [documented, drafted] = await feed.postKeys();
    if (!documented || !drafted) throw new Error('the demo feed has no posts');

    const workspace = await WorkspacePage.openFor(context, extensionId, page);
    await workspace.setPseudonym(PSEUDONYM);
    await workspace.selectPost(documented);
    await workspace.documentCase('referred', { referredTo: 'Faire Mobilität', note: NOTE });
    await workspace.selectPost(drafted);
    await workspace.writeDraft(DRAFT);
    await page.bringToFront();

    const everything = await readEverything(page);
    expect(everything.length).toBeGreaterThan(10_000); // the walk did reach the page
    expect(everything).not.toContain('PRIVATE-NOTE');
    expect(everything).not.toContain('PRIVATE-DRAFT');
    expect(everything).not.toContain('PRIVATE-PSEUDONYM');
    expect(everything).not.toContain('Faire Mobilität');
  });

  test('cannot forge advisor actions, restart or stop the content script, or learn the id', async ({
    context,
    server,
    serviceWorker,
    extensionId,
  }) => {
    test.setTimeout(120_000);
    const page = await context.newPage();
    const feed = await openFeed(page, server.origin);

    // Let the post-seen events settle, then count.
    await expect.poll(() => eventCount(serviceWorker), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(1500);
    const before = await eventCount(serviceWorker);
    const markersBefore = await feed.overlays.count();

    const reached = await forgeInteractions(page);
    expect(reached).toBeGreaterThan(100);

    // Forged WXT events, with the real id.
    await page.evaluate(async (id) => {
      for (let i = 0; i < 5; i += 1) {
        window.dispatchEvent(new Event(`${id}:facebook:wxt:locationchange`));
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      document.dispatchEvent(
        new CustomEvent(`${id}:facebook:wxt:content-script-started`, {
          detail: { contentScriptName: 'facebook', messageId: 'forged' },
        }),
      );
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, extensionId);
    await page.waitForTimeout(3000);

    expect(await eventCount(serviceWorker)).toBe(before);
    expect(await feed.overlays.count()).toBe(markersBefore);
    expect(
      await page.evaluate(() => document.documentElement.hasAttribute('data-outreach-advisor')),
    ).toBe(true);
    // Still alive: a post added now is marked.
    await page.evaluate(() => {
      const feedElement = document.querySelector('[role="feed"]');
      const first = feedElement?.querySelector('[data-oa-post]');
      if (!feedElement || !first) throw new Error('no feed');
      const copy = first.cloneNode(true) as HTMLElement;
      copy.removeAttribute('data-oa-post');
      copy.querySelector('outreach-advisor-overlay')?.remove();
      for (const link of copy.querySelectorAll('a[href*="/posts/"]')) {
        const href = link.getAttribute('href') ?? '';
        link.setAttribute('href', href.replace(/\/posts\/\d+/, '/posts/999000111'));
      }
      feedElement.append(copy);
    });
    await expect(feed.overlay('fb:999000111')).toHaveCount(1);

    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    expect(seen.filter((text) => text.includes(extensionId))).toEqual([]);
  });
});
