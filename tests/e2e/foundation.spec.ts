import { expect, PRODUCTION_BUILD, test } from './fixtures';
import { comesFromLocale, localeStrings } from './locale-strings';
import { DashboardPage } from './pages/dashboard-page';
import { DemoGroupPage } from './pages/demo-group-page';
import { PopupPage } from './pages/popup-page';

test.describe('test build', () => {
  test('the service worker starts and reports its status', async ({ context, extensionId }) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    const reply = await page.evaluate(() =>
      chrome.runtime.sendMessage({ oa: 1, name: 'getBackgroundStatus', payload: {} }),
    );
    expect(reply).toMatchObject({ ok: true, data: { version: '0.1.0', databaseReady: true } });
  });

  test('the content script runs on the demo group page', async ({ context, server }) => {
    const demo = new DemoGroupPage(await context.newPage(), server.origin);
    await demo.open();
    await demo.waitForContentScript();
    expect(await demo.contentScriptPresent()).toBe(true);
  });

  test('the dashboard opens, switches to German and back, with every string from locales/', async ({
    context,
    extensionId,
  }) => {
    const dashboard = new DashboardPage(await context.newPage(), extensionId);
    await dashboard.open('settings');
    await dashboard.chooseLanguage('en');
    await expect(dashboard.nav('settings')).toHaveText('Settings');

    const english = localeStrings('en');
    const german = localeStrings('de');
    for (const section of ['packs', 'log', 'stats', 'settings']) {
      await dashboard.nav(section).click();
      await expect(dashboard.section(section)).toBeVisible();
      for (const text of await dashboard.visibleTexts()) {
        expect(comesFromLocale(text, english), `"${text}" in ${section}`).toBe(true);
      }
    }

    await dashboard.chooseLanguage('de');
    await expect(dashboard.nav('settings')).toHaveText('Einstellungen');
    await expect(dashboard.page.locator('html')).toHaveAttribute('lang', 'de');
    for (const section of ['packs', 'log', 'stats', 'settings']) {
      await dashboard.nav(section).click();
      await expect(dashboard.section(section)).toBeVisible();
      for (const text of await dashboard.visibleTexts()) {
        expect(comesFromLocale(text, german), `"${text}" in ${section} (de)`).toBe(true);
      }
    }

    // The choice is stored: a fresh load comes up in German.
    await dashboard.open('settings');
    await expect(dashboard.nav('packs')).toHaveText('Antwortpakete');

    await dashboard.chooseLanguage('en');
    await expect(dashboard.nav('packs')).toHaveText('Answer packs');
    await expect(dashboard.page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('the popup renders and links to the dashboard', async ({ context, extensionId }) => {
    const popup = new PopupPage(await context.newPage(), extensionId);
    await popup.open();
    await expect(popup.heading()).toHaveText('Outreach Advisor');
    // The popup page itself is the active tab here: not a Facebook group.
    await expect(popup.notActive()).toBeVisible();
    const dashboardOpened = context.waitForEvent('page');
    await popup.openDashboardButton().click();
    const dashboard = await dashboardOpened;
    await expect(dashboard).toHaveURL(new RegExp(`chrome-extension://${extensionId}/options.html`));
  });

  test('the background rejects a malformed payload with an error and keeps working', async ({
    context,
    extensionId,
  }) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    const before = await page.evaluate(() =>
      chrome.runtime.sendMessage({ oa: 1, name: 'getBackgroundStatus', payload: {} }),
    );
    const malformed = await page.evaluate(() =>
      chrome.runtime.sendMessage({ oa: 1, name: 'getTabState', payload: { tabId: 'seven' } }),
    );
    expect(malformed).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload', message: expect.stringContaining('tabId') },
    });
    const unknown = await page.evaluate(() =>
      chrome.runtime.sendMessage({ oa: 1, name: 'wipeEverything', payload: null }),
    );
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-message' } });
    const after = await page.evaluate(() =>
      chrome.runtime.sendMessage({ oa: 1, name: 'getBackgroundStatus', payload: {} }),
    );
    // Same worker instance: the bad messages did not crash or restart it.
    expect(after).toEqual(before);
  });
});

test.describe('production build', () => {
  test.use({ extensionDir: PRODUCTION_BUILD });

  test('matches Facebook only and injects nothing on 127.0.0.1', async ({
    context,
    server,
    serviceWorker,
  }) => {
    const matches = await serviceWorker.evaluate(() =>
      chrome.runtime.getManifest().content_scripts?.flatMap((script) => script.matches ?? []),
    );
    expect(matches?.sort()).toEqual(['https://web.facebook.com/*', 'https://www.facebook.com/*']);

    const demo = new DemoGroupPage(await context.newPage(), server.origin);
    await demo.open();
    // Content scripts run at document_idle; once the page has loaded and
    // gone idle, a content script that matched would have marked it.
    await demo.page.waitForLoadState('load');
    await demo.page.evaluate(
      () => new Promise((done) => requestIdleCallback(() => done(null), { timeout: 2000 })),
    );
    expect(await demo.contentScriptPresent()).toBe(false);
    expect(await demo.page.locator('[data-oa-post], outreach-advisor-overlay').count()).toBe(0);
  });
});
