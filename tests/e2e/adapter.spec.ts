// The demo feed's marking and a multi-line reply into Lexical run in both
// browsers: tests/e2e/cross-browser/feed.spec.ts (the production build's
// inertness too: cross-browser/production.spec.ts).
import { expect, test } from './fixtures';
import { MIXED_POSTS } from '../fixtures/adapter-pages';
import { FixtureFeedPage } from './pages/fixture-feed-page';
import { WorkspacePage } from './pages/workspace-page';
import '../fixtures/src/fixture-api';

test.describe('Facebook adapter (test build)', () => {
  test('recognises the mixed feed: shared, anonymous, coloured, translated, U+034F, no aria-posinset', async ({
    context,
    server,
  }) => {
    const feed = new FixtureFeedPage(
      await context.newPage(),
      server.origin,
      'groups/551200300400/',
    );
    await feed.open();
    await expect(feed.markedPosts).toHaveCount(MIXED_POSTS.length);
    await feed.waitForAnalysed(MIXED_POSTS.length);
    await expect(feed.overlay('fb:9005')).toHaveAttribute('data-language', 'ro');
    for (const count of await feed.overlayCounts())
      expect(count).toMatchObject({ inside: 1, total: 1 });
  });

  test('a reply is inserted once into a comment box that is already open', async ({
    context,
    server,
    extensionId,
  }) => {
    const feed = new FixtureFeedPage(
      await context.newPage(),
      server.origin,
      'groups/eu-workers-demo/',
    );
    await feed.open();
    await feed.waitForAnalysed(1);
    await feed.post('fb:7301003').locator('[data-oa-fixture="comment-button"]').click();
    expect(await feed.lexicalText('fb:7301003')).toBe('');
    const workspace = await WorkspacePage.openFor(context, extensionId, feed.page);
    const reply = 'Bonjour,\nvoici la réponse.';
    expect(await workspace.insertReply('fb:7301003', reply)).toContain('Inserted');
    expect(await feed.lexicalText('fb:7301003')).toBe(reply);
  });

  test('without a comment box the reply goes to the clipboard and the advisor is told', async ({
    context,
    server,
    extensionId,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.origin,
    });
    const feed = new FixtureFeedPage(
      await context.newPage(),
      server.origin,
      'groups/eu-workers-demo/',
    );
    await feed.open();
    await feed.waitForAnalysed(1);
    await feed.removeCommentBox('fb:7301004');
    const workspace = await WorkspacePage.openFor(context, extensionId, feed.page);
    const reply = 'Hallo,\ndas steht im Arbeitsvertrag.';
    const status = await workspace.insertReply('fb:7301004', reply);
    expect(status).toContain('comment box was not found, so the reply is on your clipboard');
    expect(await feed.clipboardText()).toBe(reply);
    // The reply reached the advisor's clipboard: it counts as used, and documentation follows.
    await expect(workspace.documentation).toBeVisible();
  });

  test('the React feed that recycles nodes keeps one overlay per post and logs no errors', async ({
    context,
    server,
  }) => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      // The fixture server has no favicon; that 404 is not the page's error.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        errors.push(message.text());
      }
    });
    page.on('pageerror', (error) => errors.push(error.message));
    const feed = new FixtureFeedPage(page, server.origin, 'groups/react-feed/');
    await feed.open();
    // The fixture's feed: 40 posts from 8800100, six slots, scrolled by offset.
    let offset = 0;
    for (let step = 0; step < 12; step += 1) {
      const by = step % 4 === 3 ? -2 : 3;
      offset = Math.max(0, Math.min(40 - 6, offset + by));
      await page.evaluate((delta) => window.oaFixture?.scrollFeed?.(delta), by);
      const expected = Array.from({ length: 6 }, (_, slot) => `fb:${8800100 + offset + slot}`);
      // React commits the scroll in its own time: read the page and the
      // overlays afresh on every poll until both show this step's posts.
      await expect
        .poll(async () => ({
          page: await page.evaluate(() => window.oaFixture?.visiblePostIds?.() ?? []),
          overlays: (await feed.overlayCounts()).map((count) => count.postKey).sort(),
        }))
        .toEqual({ page: expected.map((key) => key.slice(3)), overlays: expected });
      for (const count of await feed.overlayCounts())
        expect(count).toMatchObject({ inside: 1, total: 1 });
      await expect(feed.overlays).toHaveCount(expected.length);
    }
    expect(await page.evaluate(() => window.oaFixture?.errors ?? -1)).toBe(0);
    expect(errors).toEqual([]);
  });

  test('the old layout gets no overlay, stays intact, and the badge warns', async ({
    context,
    server,
    serviceWorker,
  }) => {
    const page = await context.newPage();
    const feed = new FixtureFeedPage(page, server.origin, 'groups/old-layout-group/');
    await feed.open();
    await expect
      .poll(() =>
        serviceWorker.evaluate(async () => {
          // The background keeps each tab's state in storage.session (no tabs permission needed).
          const stored = await chrome.storage.session.get(null);
          const entry = Object.values(stored).find((value) =>
            String((value as { page?: { url?: string } }).page?.url).includes('old-layout-group'),
          ) as { tabId: number } | undefined;
          return entry ? chrome.action.getBadgeText({ tabId: entry.tabId }) : null;
        }),
      )
      .toBe('!');
    await expect(feed.overlays).toHaveCount(0);
    await expect(feed.markedPosts).toHaveCount(0);
    expect(
      await page.evaluate(() => document.getElementById('pagelet_group_mall')?.innerHTML.length),
    ).toBe(
      await page.evaluate(
        () => (window as unknown as { oldLayoutChecksum: number }).oldLayoutChecksum,
      ),
    );
  });

  test('a post opened in a dialog on a permalink URL gets its overlay', async ({
    context,
    server,
  }) => {
    const feed = new FixtureFeedPage(
      await context.newPage(),
      server.origin,
      'groups/pracownicy-de/posts/9100002/',
    );
    await feed.open();
    await expect(feed.overlay('fb:9100002')).toHaveCount(1);
    await expect(feed.page.locator('[role="dialog"] outreach-advisor-overlay')).toHaveCount(1);
  });
});
