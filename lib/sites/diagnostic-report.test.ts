import { describe, expect, it } from 'vitest';
import type { TabState } from '../messaging/protocol';
import { buildDiagnosticReport } from './diagnostic-report';

const state: TabState = {
  tabId: 4,
  updatedAt: 0,
  page: {
    url: 'https://www.facebook.com/groups/551200300400/?ref=Jan%20Kowalski',
    pageKind: 'group-feed',
    groupId: '551200300400',
    groupName: 'Polacy w Niemczech',
    feedFound: true,
    postsRecognised: 0,
    groupIncluded: true,
    contentScriptVersion: '0.1.0',
    diagnostics: {
      adapter: 'facebook',
      selectorHits: { feed: [1], postRoot: [0, 3], 'postRoot:matched': [2, 3] },
      candidates: 5,
      rejected: { placeholder: 2 },
      overlays: 0,
      nodeReuses: 0,
      uiLanguage: 'pl',
    },
  },
};
const catalogue = {
  feed: ['[role="feed"]'],
  postRoot: ['div[aria-posinset]', 'div[aria-describedby]'],
};
const env = { extensionVersion: '0.1.0', userAgent: 'Chromium', now: new Date(0) };

describe('buildDiagnosticReport', () => {
  it('pairs each selector with its hit count and how often it matched, fallbacks included', () => {
    const report = buildDiagnosticReport(state, catalogue, env);
    expect(report.selectors).toEqual({
      feed: [{ selector: '[role="feed"]', hits: 1, matched: 0 }],
      postRoot: [
        { selector: 'div[aria-posinset]', hits: 0, matched: 2 },
        { selector: 'div[aria-describedby]', hits: 3, matched: 3 },
      ],
    });
    expect(report).toMatchObject({
      candidates: 5,
      rejected: { placeholder: 2 },
      adapter: 'facebook',
    });
    expect(report.page).toEqual({
      kind: 'group-feed',
      feedFound: true,
      postsRecognised: 0,
      groupIncluded: true,
      facebookUiLanguage: 'pl',
    });
  });

  it('leaks no group, URL or name', () => {
    const text = JSON.stringify(buildDiagnosticReport(state, catalogue, env));
    for (const secret of ['551200300400', 'Polacy', 'Kowalski', 'facebook.com/groups']) {
      expect(text).not.toContain(secret);
    }
  });

  it('reports zero hits when the content script sent no diagnostics', () => {
    const { diagnostics: _omitted, ...page } = state.page;
    const report = buildDiagnosticReport({ ...state, page }, catalogue, env);
    expect(report.selectors.feed).toEqual([{ selector: '[role="feed"]', hits: 0, matched: 0 }]);
    expect(report.adapter).toBeNull();
  });
});
