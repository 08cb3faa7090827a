import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDatabase } from '../db/database';
import { sampleEvent } from '../../tests/fixtures/sample-events';
import { deleteAllLogData } from '../log/retention';
import { resetAuthorHashCache } from '../privacy/author-hash';
import { logEventsChecked, resetLogCaches } from './log';
import { browser, type Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  loadPostStatuses,
  OPEN_WORKSPACE_COMMAND,
  openWorkspace,
  registerWorkspaceCommand,
  statusOf,
  takeSelection,
} from './workspace';

beforeEach(async () => {
  resetAuthorHashCache();
  resetLogCaches();
  await deleteAllLogData(getDatabase());
});

describe('what a content script may log', () => {
  // Before the workspace, a page script clicking the overlay's buttons made the
  // content script send these; the background stored them (security review finding 2).
  it.each([
    'reply-inserted',
    'not-relevant',
    'handled',
    'referred',
    'note-added',
    'suggestions-shown',
  ] as const)('refuses "%s" from a content script and names it', async (type) => {
    const event = sampleEvent(type);
    const result = await logEventsChecked([event], { contentScript: true });
    expect(result.added).toBe(0);
    expect(result.rejected).toEqual([
      { id: event.id, reason: `"${type}" is logged by the workspace only` },
    ]);
    expect(await getDatabase().events.count()).toBe(0);
  });

  it('takes the same events from an extension page', async () => {
    const result = await logEventsChecked([sampleEvent('note-added'), sampleEvent('handled')], {
      contentScript: false,
    });
    expect(result.added).toBe(2);
  });

  it('counts a post as seen at most once per day, across batches and restarts', async () => {
    const at = new Date(2026, 11, 4, 10).getTime();
    const first = sampleEvent('post-seen', { postKey: 'fb:1', at });
    const again = sampleEvent('post-seen', { postKey: 'fb:1', at: at + 60_000 });
    const sameBatch = sampleEvent('post-seen', { postKey: 'fb:1', at: at + 120_000 });
    const nextDay = sampleEvent('post-seen', { postKey: 'fb:1', at: at + 24 * 3600_000 });
    const other = sampleEvent('post-seen', { postKey: 'fb:2', at });
    expect((await logEventsChecked([first], { contentScript: true })).added).toBe(1);
    const second = await logEventsChecked([again, sameBatch, nextDay, other], {
      contentScript: true,
    });
    expect(second.added).toBe(2);
    expect(second.duplicates).toBe(2);
    expect(second.acknowledged).toEqual(
      expect.arrayContaining([again.id, sameBatch.id, nextDay.id, other.id]),
    );
    // A resent batch (lost acknowledgement) is acknowledged, not stored twice.
    expect((await logEventsChecked([first], { contentScript: true })).added).toBe(0);
    expect(await getDatabase().events.where('type').equals('post-seen').count()).toBe(3);
  });

  it('stores a comment seen repeating a claim at most once per day and claim', async () => {
    const at = new Date(2026, 11, 4, 10).getTime();
    const seen = (minutes: number, overrides: Record<string, unknown> = {}) =>
      sampleEvent('claim-seen', {
        postKey: 'fb:1',
        commentKey: 'c0000000000000001',
        claimId: 'piecework-no-minimum-wage',
        at: at + minutes * 60_000,
        ...overrides,
      });
    expect((await logEventsChecked([seen(0)], { contentScript: true })).added).toBe(1);
    // The page navigated and the content script started again: the same comment.
    const again = await logEventsChecked(
      [
        seen(5),
        seen(6, { commentKey: 'c0000000000000002' }),
        seen(7, { claimId: 'sick-leave-no-dismissal' }),
        seen(8, { postKey: 'fb:2' }),
        seen(24 * 60),
      ],
      { contentScript: true },
    );
    expect(again.added).toBe(4);
    expect(again.duplicates).toBe(1);
    // A post-seen of the same post is not a repeat of a claim-seen.
    expect(
      (
        await logEventsChecked([sampleEvent('post-seen', { postKey: 'fb:1', at })], {
          contentScript: true,
        })
      ).added,
    ).toBe(1);
  });

  it('counts a post seen in two tabs at once only once', async () => {
    // Two content scripts send their batches of the same posts at the same moment.
    const at = new Date(2026, 11, 4, 10).getTime();
    const tab = () =>
      ['fb:1', 'fb:2', 'fb:3'].map((postKey) => sampleEvent('post-seen', { postKey, at }));
    const [one, two] = await Promise.all([
      logEventsChecked(tab(), { contentScript: true }),
      logEventsChecked(tab(), { contentScript: true }),
    ]);
    expect(one.added + two.added).toBe(3);
    expect(one.acknowledged).toHaveLength(3);
    expect(two.acknowledged).toHaveLength(3);
    expect(await getDatabase().events.where('type').equals('post-seen').count()).toBe(3);
  });
});

describe('post statuses', () => {
  const at = (minutes: number) => ({ at: minutes * 60_000 });

  it('follows replies, not-relevant marks and documentation in time order', () => {
    expect(statusOf([])).toBe('open');
    expect(statusOf([{ type: 'post-seen', ...at(1) }])).toBe('open');
    expect(statusOf([{ type: 'reply-inserted', ...at(1) }])).toBe('reply-inserted');
    expect(
      statusOf([
        { type: 'not-relevant', ...at(1), answerId: null } as never,
        { type: 'reply-copied', ...at(2) },
      ]),
    ).toBe('reply-inserted');
    expect(statusOf([{ type: 'not-relevant', ...at(1), answerId: 'a1' } as never])).toBe('open');
    expect(
      statusOf([
        { type: 'note-added', ...at(3) },
        { type: 'not-relevant', ...at(4), answerId: null } as never,
      ]),
    ).toBe('documented');
  });

  it('reads them from the log per post key', async () => {
    await logEventsChecked(
      [
        sampleEvent('post-seen', { postKey: 'fb:1' }),
        sampleEvent('reply-inserted', { postKey: 'fb:2' }),
        sampleEvent('note-added', { postKey: 'fb:3' }),
      ],
      { contentScript: false },
    );
    expect(await loadPostStatuses(['fb:1', 'fb:2', 'fb:3', 'fb:4'])).toEqual({
      'fb:1': 'open',
      'fb:2': 'reply-inserted',
      'fb:3': 'documented',
      'fb:4': 'open',
    });
  });
});

describe('the workspace selection', () => {
  it('keeps the post chosen on the page until the workspace takes it, per tab', async () => {
    // The fake browser has no side panel: nothing opens, the selection waits.
    expect(await openWorkspace(7, 'fb:1')).toEqual({ opened: false });
    await openWorkspace(8, 'fb:2');
    expect(await takeSelection(7)).toEqual({ postKey: 'fb:1', commentKey: null });
    expect(await takeSelection(7)).toEqual({ postKey: null, commentKey: null });
    expect(await takeSelection(8)).toEqual({ postKey: 'fb:2', commentKey: null });
  });

  it('keeps the comment whose myth flag was pressed with its post, and forgets it on a marker', async () => {
    await openWorkspace(7, 'fb:1', 'c0123456789abcdef');
    expect(await takeSelection(7)).toEqual({ postKey: 'fb:1', commentKey: 'c0123456789abcdef' });
    await openWorkspace(7, 'fb:1', 'c0123456789abcdef');
    // A marker pressed afterwards selects the post alone.
    await openWorkspace(7, 'fb:3');
    expect(await takeSelection(7)).toEqual({ postKey: 'fb:3', commentKey: null });
  });
});

describe('post statuses for fallback keys', () => {
  it('finds events stored under the keyed form of an fbh: key and answers under the page key', async () => {
    await logEventsChecked([sampleEvent('note-added', { postKey: 'fbh:1a2b3c' })], {
      contentScript: false,
    });
    const stored = await getDatabase().events.toArray();
    expect(stored[0]?.postKey).toMatch(/^fbk:/);
    expect(await loadPostStatuses(['fbh:1a2b3c'])).toEqual({ 'fbh:1a2b3c': 'documented' });
  });

  it('counts a fallback-keyed post as seen once per day', async () => {
    const at = new Date(2026, 11, 4, 10).getTime();
    await logEventsChecked([sampleEvent('post-seen', { postKey: 'fbh:77', at })], {
      contentScript: true,
    });
    const again = await logEventsChecked(
      [sampleEvent('post-seen', { postKey: 'fbh:77', at: at + 1000 })],
      { contentScript: true },
    );
    expect(again.added).toBe(0);
  });
});

describe('the keyboard command (Chrome)', () => {
  it('opens the side panel on the tab where Alt+Shift+O was pressed, and nothing else', async () => {
    const opened: number[] = [];
    const api = browser as unknown as { sidePanel?: unknown };
    api.sidePanel = {
      open: ({ tabId }: { tabId: number }) => {
        opened.push(tabId);
        return Promise.resolve();
      },
    };
    // wxt's fake browser has no in-memory commands API: keep the listener it is given.
    let listener: ((command: string, tab?: Browser.tabs.Tab) => void) | undefined;
    const addListener = vi
      .spyOn(fakeBrowser.commands.onCommand, 'addListener')
      .mockImplementation((callback) => {
        listener = callback as typeof listener;
      });
    try {
      registerWorkspaceCommand();
      expect(listener).toBeDefined();
      listener?.(OPEN_WORKSPACE_COMMAND, { id: 42 } as Browser.tabs.Tab);
      listener?.('some-other-command', { id: 43 } as Browser.tabs.Tab);
      listener?.(OPEN_WORKSPACE_COMMAND, undefined);
      await Promise.resolve();
      expect(opened).toEqual([42]);
    } finally {
      addListener.mockRestore();
      delete api.sidePanel;
    }
  });
});
