import { beforeEach, describe, expect, it } from 'vitest';
import { getDatabase } from '../db/database';
import { deleteAllLogData } from '../log/retention';
import type { PageState } from '../messaging/protocol';
import { noteGroupPage, resetGroupPageMemo } from './groups';

const page = (change: Partial<PageState> = {}): PageState => ({
  url: 'https://www.facebook.com/groups/4242/',
  pageKind: 'group-feed',
  groupId: '4242',
  groupName: 'Lucru în Germania',
  memberCount: 8300,
  feedFound: true,
  postsRecognised: 12,
  groupIncluded: true,
  contentScriptVersion: '0.1.0',
  ...change,
});

beforeEach(async () => {
  resetGroupPageMemo();
  await deleteAllLogData(getDatabase());
});

describe('noteGroupPage', () => {
  it('registers the group of a page the extension works on', async () => {
    expect(await noteGroupPage(page(), 1000)).toBe(true);
    const entry = await getDatabase().groups.get('facebook:4242');
    expect(entry).toMatchObject({ name: 'Lucru în Germania', memberCount: 8300, lastSeenAt: 1000 });
  });

  it('does not register excluded groups or pages outside groups', async () => {
    expect(await noteGroupPage(page({ groupIncluded: false }), 1000)).toBe(false);
    expect(await noteGroupPage(page({ pageKind: 'other', groupId: null }), 1000)).toBe(false);
    expect(await getDatabase().groups.count()).toBe(0);
  });

  it('writes again only when something changed or an hour passed', async () => {
    await noteGroupPage(page(), 1000);
    expect(await noteGroupPage(page(), 2000)).toBe(false);
    expect(await noteGroupPage(page({ memberCount: null }), 3000)).toBe(false);
    expect(await noteGroupPage(page({ memberCount: 8400 }), 4000)).toBe(true);
    expect(await noteGroupPage(page({ memberCount: 8400 }), 4000 + 3_600_000)).toBe(true);
    const entry = await getDatabase().groups.get('facebook:4242');
    expect(entry).toMatchObject({ memberCount: 8400, lastSeenAt: 4000 + 3_600_000 });
  });

  it('is what the background does with a page report', async () => {
    const { handlers } = await import('./handlers');
    await handlers.reportPageState(page({ groupId: '77' }), {
      tabId: 3,
      senderKind: 'content-script',
    } as never);
    expect(await getDatabase().groups.get('facebook:77')).toBeDefined();
  });
});
