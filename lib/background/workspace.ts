/**
 * The background's part of the advisor's workspace (docs/ARCHITECTURE.md#workspace):
 * post statuses from the log, opening the side panel when a post's marker
 * is pressed, and the selection a workspace picks up when it connects.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { getDatabase } from '../db/database';
import type { LogEvent } from '../log/events';
import type { PostStatus } from '../workspace/protocol';
import { storedPostKey } from './log';

/** The post last chosen on the page, per tab, until a workspace takes it. */
const selectionItem = storage.defineItem<Record<string, string>>('session:workspaceSelection', {
  fallback: {},
});
/** With it, the comment whose myth flag was pressed (same tabs; absent for a marker). */
const commentSelectionItem = storage.defineItem<Record<string, string>>(
  'session:workspaceCommentSelection',
  { fallback: {} },
);

/**
 * Where one post stands, from its events in time order: a reply marks it
 * `reply-inserted`, "not relevant" for the whole post `not-relevant`, and
 * case documentation `documented`, which later replies or marks do not undo.
 */
export function statusOf(events: readonly Pick<LogEvent, 'type' | 'at'>[]): PostStatus {
  let status: PostStatus = 'open';
  for (const event of [...events].sort((a, b) => a.at - b.at)) {
    if (status === 'documented') break;
    switch (event.type) {
      case 'reply-inserted':
      case 'reply-copied':
        status = 'reply-inserted';
        break;
      case 'not-relevant':
        if ((event as { answerId?: string | null }).answerId == null) status = 'not-relevant';
        break;
      case 'note-added':
      case 'handled':
      case 'referred':
        status = 'documented';
        break;
      default:
        break;
    }
  }
  return status;
}

/**
 * Statuses by the keys the page uses. Stored events carry the keyed form of
 * an `fbh:` key (docs/ARCHITECTURE.md#keyed-fallback-post-keys), so each key
 * is looked up in its stored form and answered under the one asked for.
 */
export async function loadPostStatuses(
  postKeys: readonly string[],
): Promise<Record<string, PostStatus>> {
  const asked = [...new Set(postKeys)];
  const storedOf = new Map<string, string>();
  for (const key of asked) storedOf.set(key, await storedPostKey(key));
  const byStored = new Map<string, LogEvent[]>([...storedOf.values()].map((key) => [key, []]));
  if (byStored.size > 0) {
    const events = await getDatabase()
      .events.where('postKey')
      .anyOf([...byStored.keys()])
      .filter((event) => event.type !== 'post-seen' && event.type !== 'suggestions-shown')
      .toArray();
    for (const event of events) byStored.get(event.postKey)?.push(event);
  }
  const statuses: Record<string, PostStatus> = {};
  for (const [key, stored] of storedOf) statuses[key] = statusOf(byStored.get(stored) ?? []);
  return statuses;
}

/**
 * The comments under these posts that an advisor answered with a myth
 * correction (`claim-corrected`), by the keys the page uses, so their flags
 * say so after a reload too.
 */
export async function loadCorrectedComments(
  postKeys: readonly string[],
): Promise<Record<string, string[]>> {
  const asked = [...new Set(postKeys)];
  const askedOf = new Map<string, string>();
  for (const key of asked) askedOf.set(await storedPostKey(key), key);
  const corrected: Record<string, string[]> = {};
  if (askedOf.size === 0) return corrected;
  const events = await getDatabase()
    .events.where('postKey')
    .anyOf([...askedOf.keys()])
    .filter((event) => event.type === 'claim-corrected')
    .toArray();
  for (const event of events) {
    if (event.type !== 'claim-corrected') continue;
    const key = askedOf.get(event.postKey);
    if (key === undefined) continue;
    const list = (corrected[key] ??= []);
    if (!list.includes(event.commentKey)) list.push(event.commentKey);
  }
  return corrected;
}

/** Chrome's side panel API; Firefox has none (its sidebar opens from the extension's own UI). */
function chromeSidePanel(): { open(options: { tabId: number }): Promise<void> } | undefined {
  return (browser as { sidePanel?: { open(options: { tabId: number }): Promise<void> } }).sidePanel;
}

/**
 * Called from the message listener with no `await` before it, so Chrome
 * still sees the advisor's click as the user gesture `sidePanel.open`
 * needs. Firefox opens its sidebar only from the extension's own buttons;
 * there the marker asks the advisor to open it.
 */
export function openWorkspace(
  tabId: number | undefined,
  postKey: string,
  commentKey?: string,
): Promise<{ opened: boolean }> {
  if (tabId === undefined) return Promise.resolve({ opened: false });
  const sidePanel = chromeSidePanel();
  let opening: Promise<boolean> = Promise.resolve(false);
  try {
    if (sidePanel) {
      opening = sidePanel.open({ tabId }).then(
        () => true,
        () => false,
      );
    }
  } catch {
    // No user gesture left, or no side panel in this browser: the marker shows a hint.
  }
  return Promise.all([opening, rememberSelection(tabId, postKey, commentKey)]).then(([opened]) => ({
    opened,
  }));
}

/** The Chrome keyboard command that opens the workspace (declared in wxt.config.ts). */
export const OPEN_WORKSPACE_COMMAND = 'open-workspace';

/**
 * Chrome: the same Alt+Shift+O that opens Firefox's sidebar
 * (`_execute_sidebar_action`) opens the side panel on the current tab, so the
 * marker's hint names one shortcut for both. A shortcut counts as the user's
 * gesture that `sidePanel.open` needs.
 */
export function registerWorkspaceCommand(): void {
  browser.commands?.onCommand.addListener((command, tab) => {
    const sidePanel = chromeSidePanel();
    if (command !== OPEN_WORKSPACE_COMMAND || !sidePanel || tab?.id === undefined) return;
    sidePanel
      .open({ tabId: tab.id })
      .catch((error: unknown) =>
        console.warn('Outreach Advisor: the workspace could not be opened', error),
      );
  });
}

async function rememberSelection(
  tabId: number,
  postKey: string,
  commentKey: string | undefined,
): Promise<void> {
  const tab = String(tabId);
  const [current, comments] = await Promise.all([
    selectionItem.getValue(),
    commentSelectionItem.getValue(),
  ]);
  const { [tab]: _old, ...otherComments } = comments;
  await Promise.all([
    selectionItem.setValue({ ...current, [tab]: postKey }),
    commentSelectionItem.setValue(
      commentKey === undefined ? otherComments : { ...otherComments, [tab]: commentKey },
    ),
  ]);
}

export async function takeSelection(
  tabId: number,
): Promise<{ postKey: string | null; commentKey: string | null }> {
  const tab = String(tabId);
  const [current, comments] = await Promise.all([
    selectionItem.getValue(),
    commentSelectionItem.getValue(),
  ]);
  const postKey = current[tab] ?? null;
  const commentKey = postKey === null ? null : (comments[tab] ?? null);
  if (postKey !== null) {
    const { [tab]: _taken, ...rest } = current;
    await selectionItem.setValue(rest);
  }
  if (tab in comments) {
    const { [tab]: _taken, ...rest } = comments;
    await commentSelectionItem.setValue(rest);
  }
  return { postKey, commentKey };
}
