/**
 * Content-script lifecycle (foundation stage). It marks the page as seen by
 * the extension and reports the page's state to the background, which feeds
 * the popup and the toolbar badge. Post recognition arrives with the
 * Facebook adapter; until then no post is reported as recognised.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageState } from '../messaging/protocol';
import { sendMessage } from '../messaging/send';

export const PRESENCE_ATTRIBUTE = 'data-outreach-advisor';

function describePage(): PageState {
  const match = /\/groups\/([^/?#]+)/.exec(location.pathname);
  const groupId = match?.[1] ?? null;
  return {
    url: location.href.slice(0, 4000),
    pageKind:
      groupId === null
        ? 'other'
        : /\/(posts|permalink)\//.test(location.pathname)
          ? 'group-post'
          : 'group-feed',
    groupId,
    groupName: null,
    feedFound: document.querySelector('[role="feed"]') !== null,
    postsRecognised: 0,
    groupIncluded: true,
    contentScriptVersion: browser.runtime.getManifest().version,
  };
}

export function startContentScript(ctx: ContentScriptContext): void {
  document.documentElement.setAttribute(PRESENCE_ATTRIBUTE, 'present');
  ctx.onInvalidated(() => document.documentElement.removeAttribute(PRESENCE_ATTRIBUTE));
  const report = () => {
    sendMessage('reportPageState', describePage()).catch(() => {
      // The background restarts on demand; the next report will get through.
    });
  };
  report();
  ctx.addEventListener(window, 'wxt:locationchange', report);
}
