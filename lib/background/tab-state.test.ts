import { describe, expect, it } from 'vitest';
import type { PageState } from '../messaging/protocol';
import { badgeFor } from './tab-state';

const page: PageState = {
  url: 'https://www.facebook.com/groups/1/',
  pageKind: 'group-feed',
  groupId: '1',
  groupName: 'G',
  feedFound: true,
  postsRecognised: 12,
  groupIncluded: true,
  contentScriptVersion: '1.0.0',
};

describe('badgeFor', () => {
  it('shows recognised posts when every event got stored', () => {
    expect(badgeFor(page).text).toBe('12');
    expect(badgeFor({ ...page, unsavedEvents: 0 }).text).toBe('12');
  });

  it('shows unsaved log events first, with a tooltip (finding 16)', () => {
    expect(badgeFor({ ...page, unsavedEvents: 3 })).toMatchObject({
      text: '+3',
      title: '3 log events not saved yet',
    });
    expect(badgeFor({ ...page, unsavedEvents: 1234 }).text).toBe('+99');
  });
});
