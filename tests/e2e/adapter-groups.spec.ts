import { expect, test } from './fixtures';
import { FixtureFeedPage } from './pages/fixture-feed-page';
import { GroupsSettingsPage, PopupForTabPage } from './pages/group-controls-page';
import { MIXED_POSTS } from '../fixtures/adapter-pages';
import { SELECTORS } from '../../lib/sites/facebook/selectors';

test.describe('groups to work in (test build)', () => {
  test('the dashboard adds groups by URL or id, refuses bad input, and removes them', async ({
    context,
    extensionId,
  }) => {
    const settings = new GroupsSettingsPage(await context.newPage(), extensionId);
    await settings.open();
    await settings.chooseMode('allow-list');
    await settings.addGroup('https://www.facebook.com/groups/551200300400/posts/9001/', 'PL');
    await expect(settings.status).toContainText('551200300400');
    await settings.addGroup('eu-workers-demo');
    await settings.addGroup('https://example.com/groups/1/');
    await expect(settings.status).toContainText('not a Facebook group');
    await settings.addGroup('facebook.com/groups/551200300400');
    await expect(settings.status).toContainText('already in the list');
    expect(await settings.listedIds()).toEqual(['551200300400', 'eu-workers-demo']);

    await settings.page.reload();
    await settings.section.waitFor();
    await expect(settings.section.getByTestId('groups-mode-allow-list')).toBeChecked();
    expect(await settings.listedIds()).toEqual(['551200300400', 'eu-workers-demo']);
    await settings.removeGroup('eu-workers-demo');
    await expect.poll(() => settings.listedIds()).toEqual(['551200300400']);
  });

  test('in allow-list mode an unlisted group stays unmarked until the popup adds it', async ({
    context,
    extensionId,
    server,
  }) => {
    const settings = new GroupsSettingsPage(await context.newPage(), extensionId);
    await settings.open();
    await settings.chooseMode('allow-list');
    await expect(settings.status).toHaveText('Saved.');

    const popup = new PopupForTabPage(await context.newPage(), extensionId);
    const feed = new FixtureFeedPage(
      await context.newPage(),
      server.origin,
      'groups/551200300400/',
    );
    await feed.open();
    await popup.openFor(feed.page);
    await expect(popup.groupInclusion).toHaveAttribute('data-included', 'false');
    await expect(feed.markedPosts).toHaveCount(0);

    await popup.addGroupButton.click();
    await expect(feed.markedPosts).toHaveCount(MIXED_POSTS.length);
    await expect(popup.groupInclusion).toHaveAttribute('data-included', 'true');
    await expect(popup.addGroupButton).toHaveCount(0);
    await settings.page.reload();
    await settings.section.waitFor();
    expect(await settings.listedIds()).toEqual(['551200300400']);
  });

  test('the popup warns on an unrecognised layout and copies a report without names or text', async ({
    context,
    extensionId,
    server,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.origin,
    });
    const popup = new PopupForTabPage(await context.newPage(), extensionId);
    const feed = new FixtureFeedPage(
      await context.newPage(),
      server.origin,
      'groups/old-layout-group/',
    );
    await feed.open();
    type Report = {
      report: string;
      page: { feedFound: boolean; postsRecognised: number };
      candidates: number | null;
      rejected: Record<string, number>;
      selectors: Record<string, { selector: string; hits: number; matched: number }[]>;
    };
    let report: Report | undefined;
    // The page state reaches the popup within a report interval or two after the scan.
    await expect
      .poll(async () => {
        await popup.openFor(feed.page);
        if ((await popup.healthWarning.count()) !== 1) return 0;
        report = JSON.parse(await popup.copyDiagnosticReport(feed.page)) as Report;
        return report.candidates ?? 0;
      })
      .toBeGreaterThan(0);
    if (!report) throw new Error('no report');
    expect(report.report).toBe('outreach-advisor-diagnostics');
    expect(report.page).toMatchObject({ feedFound: true, postsRecognised: 0 });
    // The old layout has candidates, but none is a post: the report says why.
    expect(Object.values(report.rejected).reduce((sum, n) => sum + n, 0)).toBe(report.candidates);
    // Every root strategy listed, none used, none matched (fallbacks are counted too).
    expect(report.selectors.postRoot?.map((entry) => [entry.hits, entry.matched])).toEqual(
      SELECTORS.postRoot.map(() => [0, 0]),
    );
    const text = JSON.stringify(report);
    const pageText = await feed.page.evaluate(() => document.body.innerText);
    for (const word of pageText.split(/\s+/).filter((w) => w.length > 6)) {
      expect(text).not.toContain(word);
    }
    expect(text).not.toContain('old-layout-group');
  });
});
