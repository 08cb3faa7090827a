/**
 * What kind of Facebook page this is (group feed, single group post, other)
 * and which group, from the URL and the group header.
 */
import type { PageInfo } from '../types';
import { readGroupName } from './group-header';
import { GROUP_PATH } from './selectors';

export function describeFacebookPage(doc: Document, location: Location | URL): PageInfo {
  const groupId = GROUP_PATH.exec(location.pathname)?.[1] ?? null;
  const isPost =
    /\/(posts|permalink)\//.test(location.pathname) ||
    /[?&]multi_permalinks=/.test(location.search);
  // The header reader's name entries (SELECTORS.groupName), without its member-count search.
  const groupName = groupId ? readGroupName(doc, groupId) : null;
  const lang = doc.documentElement.lang.trim();
  return {
    kind: groupId === null ? 'other' : isPost ? 'group-post' : 'group-feed',
    groupId,
    groupName,
    uiLanguage: lang ? lang.slice(0, 20) : null,
  };
}
