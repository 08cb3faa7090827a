// @vitest-environment happy-dom
/**
 * "A colleague documented this post": the workspace asks the background once
 * for the posts on the page, marks those rows in the queue, and the opened
 * post says who and when — nothing else. Posts nobody in the team touched
 * show nothing, and a failed lookup shows nothing either.
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ColleagueMark } from './actions';
import type { FakePort } from './test-support';
import {
  byTestId,
  fakeActions,
  fakeConnect,
  renderInI18n,
  samplePost,
  settle,
} from './test-support';
import { COLLEAGUE_REFRESH_MS } from './use-colleague-marks';
import { Workspace } from './workspace';

const HOUR = 3_600_000;
const posts = [
  samplePost({ postKey: 'fb:1', order: 0 }),
  samplePost({ postKey: 'fb:2', order: 1, text: 'Czy mam prawo do urlopu?' }),
];
const snapshot = {
  type: 'snapshot',
  page: {
    url: 'https://www.facebook.com/groups/1',
    kind: 'group-feed',
    groupId: 'g1',
    groupName: 'Polacy w Niemczech',
    included: true,
  },
  posts,
};

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
  vi.restoreAllMocks();
});

async function open(actions: ReturnType<typeof fakeActions>) {
  const { connect, last } = fakeConnect();
  const view = await renderInI18n(
    <Workspace tab={{ tabId: 5, url: null, navigations: 0 }} actions={actions} connect={connect} />,
  );
  cleanup = view.unmount;
  const port = last() as FakePort;
  await act(async () => port.receive(snapshot));
  await settle();
  return { ...view, port };
}

async function openPost(container: HTMLElement, postKey: string) {
  const row = container.querySelector<HTMLButtonElement>(
    `[data-testid="queue-item"][data-post-key="${postKey}"]`,
  );
  await act(async () => row?.click());
  await settle();
}

async function backToQueue(container: HTMLElement) {
  const back = container.querySelector<HTMLButtonElement>('button.back');
  await act(async () => back?.click());
  await settle();
}

describe('colleague marks in the workspace', () => {
  it('names the colleague and when on the post they documented, and marks its queue row', async () => {
    const marks: ColleagueMark[] = [
      { postKey: 'fb:1', user: 'anna', at: Date.now() - 3 * HOUR, kind: 'documented' },
    ];
    const actions = fakeActions();
    actions.loadColleagueMarks.mockResolvedValue(marks);
    const { container } = await open(actions);

    expect(actions.loadColleagueMarks).toHaveBeenCalledTimes(1);
    expect(actions.loadColleagueMarks).toHaveBeenCalledWith(['fb:1', 'fb:2']);
    const badges = [...container.querySelectorAll('[data-testid="queue-colleague"]')];
    expect(badges.map((badge) => badge.closest('button')?.dataset.postKey)).toEqual(['fb:1']);
    expect(badges[0]?.textContent).toBe('Colleague: anna');

    await openPost(container, 'fb:1');
    const notice = byTestId(container, 'colleague-notice');
    expect(byTestId(container, 'colleague-mark')?.textContent).toBe(
      'Colleague anna documented this post 3 hours ago.',
    );
    // Who and when, and a hint what to do; nothing of the colleague's work.
    expect(notice?.querySelectorAll('[data-testid="colleague-mark"]')).toHaveLength(1);
    expect(notice?.textContent).toContain('Look at the comments on the page before you answer');

    await backToQueue(container);
    await openPost(container, 'fb:2');
    expect(byTestId(container, 'post-view')).not.toBeNull();
    expect(byTestId(container, 'colleague-notice')).toBeNull();
  });

  it('shows the latest mark per colleague, newest first, a reply in its own words', async () => {
    const now = Date.now();
    const actions = fakeActions();
    actions.loadColleagueMarks.mockResolvedValue([
      { postKey: 'fb:1', user: 'ben', at: now - 10 * 60_000, kind: 'replied' },
      { postKey: 'fb:1', user: 'anna', at: now - 2 * 24 * HOUR, kind: 'documented' },
      { postKey: 'fb:1', user: 'anna', at: now - 5 * 24 * HOUR, kind: 'replied' },
    ]);
    const { container } = await open(actions);
    await openPost(container, 'fb:1');
    const lines = [...container.querySelectorAll('[data-testid="colleague-mark"]')].map(
      (line) => line.textContent,
    );
    expect(lines).toEqual([
      'Colleague ben replied to this post 10 minutes ago.',
      'Colleague anna documented this post 2 days ago.',
    ]);
  });

  it('asks again for an opened post whose answer is more than a minute old', async () => {
    const actions = fakeActions();
    const start = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(start);
    const { container } = await open(actions);
    expect(actions.loadColleagueMarks).toHaveBeenCalledTimes(1);

    // Opened at once: the answer is fresh, nothing is asked.
    await openPost(container, 'fb:1');
    expect(actions.loadColleagueMarks).toHaveBeenCalledTimes(1);
    await backToQueue(container);

    // A colleague documents it meanwhile; opened again later, the workspace asks for it alone.
    actions.loadColleagueMarks.mockResolvedValue([
      { postKey: 'fb:1', user: 'anna', at: start, kind: 'documented' },
    ]);
    clock.mockReturnValue(start + COLLEAGUE_REFRESH_MS + 1_000);
    await openPost(container, 'fb:1');
    expect(actions.loadColleagueMarks).toHaveBeenCalledTimes(2);
    expect(actions.loadColleagueMarks).toHaveBeenLastCalledWith(['fb:1']);
    expect(byTestId(container, 'colleague-mark')?.textContent).toBe(
      'Colleague anna documented this post 1 minute ago.',
    );
  });

  it('shows nothing when the lookup fails', async () => {
    const actions = fakeActions();
    actions.loadColleagueMarks.mockRejectedValue(new Error('not connected'));
    const { container } = await open(actions);
    await openPost(container, 'fb:1');
    expect(byTestId(container, 'post-view')).not.toBeNull();
    expect(byTestId(container, 'colleague-notice')).toBeNull();
  });
});
