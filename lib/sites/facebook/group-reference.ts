/**
 * Reads what an advisor pastes to name a group: a group URL (any Facebook
 * host, with or without scheme, also a post's permalink inside the group),
 * a numeric group id or a vanity name. Returns the id as the page's URL
 * shows it (`/groups/<id>/`), which is what `isGroupIncluded` compares.
 */
import { GROUP_PATH } from './selectors';

const FACEBOOK_HOST = /^(?:[a-z0-9-]+\.)*facebook\.com$/i;
/** Numeric ids and vanity names: letters, digits, dots, dashes, underscores. */
const GROUP_ID = /^[\p{L}\p{N}._-]{1,200}$/u;

export type GroupReference =
  { ok: true; id: string } | { ok: false; reason: 'empty' | 'not-a-group' };

export function parseGroupReference(input: string): GroupReference {
  const value = input.trim();
  if (!value) return { ok: false, reason: 'empty' };
  if (/[/:]/.test(value)) {
    let url: URL;
    try {
      url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`);
    } catch {
      return { ok: false, reason: 'not-a-group' };
    }
    if (!FACEBOOK_HOST.test(url.hostname)) return { ok: false, reason: 'not-a-group' };
    const id = GROUP_PATH.exec(url.pathname)?.[1];
    return id && GROUP_ID.test(decodeURIComponent(id))
      ? { ok: true, id: decodeURIComponent(id) }
      : { ok: false, reason: 'not-a-group' };
  }
  return GROUP_ID.test(value) ? { ok: true, id: value } : { ok: false, reason: 'not-a-group' };
}
