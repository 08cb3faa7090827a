/**
 * Reads a group page's header: the group's public name and, where Facebook
 * shows it, the member count (docs/ARCHITECTURE.md#site-adapter). The
 * register stores both (lib/groups/register.ts).
 *
 * Where the header is: the group's name is the `h1` of the main column; the
 * cover photo, the "Private group · 12K members" line and the tab bar sit
 * around it, and the feed (`[role=feed]`) follows. The header region is the
 * widest ancestor of the `h1` (or the cover photo) that does not hold the
 * feed, so a post saying "our group has 5000 members" is never read; nodes
 * inside posts, dialogs and side columns are skipped as well, in case the
 * feed is not rendered yet when the header is read.
 *
 * The count is taken from the first entry of `SELECTORS.memberCount` that
 * yields one: this group's members link, then a short line holding a count
 * and a members word, then a short block (a count split across elements).
 * Facebook rounds large counts ("12K", "1,2 tys."): the register keeps the
 * rounded figure, as shown.
 *
 * Pure DOM reading, no browser globals beyond the nodes given.
 */
import { LIMITS } from '../../domain/limits';
import { MAX_MEMBER_COUNT } from '../../groups/register';
import { cleanText } from './parser';
import { INVISIBLE_CHARACTERS, SELECTORS } from './selectors';

export interface GroupHeader {
  /** The group's public name, cut to LIMITS.groupName; null when the header shows none. */
  name: string | null;
  /** Members as the header shows them (abbreviations expanded); null when not shown. */
  memberCount: number | null;
  /** Which entries matched, for the diagnostic report: `groupName[0] memberCount[1]`. */
  via: string;
}

/**
 * Thousands and millions as Facebook abbreviates them in the UI languages we
 * cover. A trailing dot matters only for `mil`: Spanish and Portuguese `mil`
 * is a thousand, Romanian, Czech, Slovak and Croatian `mil.` a million.
 */
const THOUSAND_UNITS = [
  'tūkst',
  'mila',
  'ezer',
  'tsd',
  'tys',
  'mii',
  'tis',
  'хил',
  'χιλ',
  'k',
  'e',
];
const MILLION_UNITS = ['milj', 'mio', 'mln', 'млн', 'εκ', 'mi', 'm'];
/** `mil` is listed apart: its meaning depends on the dot (see above). */
const AMBIGUOUS_UNIT = 'mil';

/**
 * The words for "member(s)" next to a count, by language: en, de, pl, ro/it/pt/fr
 * (`membr…`), es, bg, hu, cs/sk, hr, lt, lv, el. Only the forms that follow a
 * number; whole words only (`(?![\p{L}\p{N}])` below).
 */
const MEMBER_WORDS = [
  'members?',
  'mitglied(?:er)?',
  'członk(?:ów|owie|a)',
  'członek',
  'membr(?:u|i|o|os|e|es)',
  'miembros?',
  'член(?:ове|а)?',
  'tag(?:ok)?',
  'člen(?:ové|ů|y|ov|ovia)?',
  'član(?:a|ova|ovi)?',
  'nar(?:ys|iai|ių)',
  'dalībniek(?:s|i|u)',
  'μέλ(?:ος|η)',
  'μελών',
];

const UNIT_PATTERN = [...THOUSAND_UNITS, ...MILLION_UNITS, AMBIGUOUS_UNIT]
  // Longest first, so `mila` is not read as `mi` + `la`.
  .sort((a, b) => b.length - a.length)
  .join('|');

/**
 * A count, an optional abbreviation and a members word. The count does not
 * continue a longer number (`1,2 members` is not "2 members"); group
 * separators are `.`, `,`, `'`, `’` or a space (NBSP and narrow NBSP are
 * spaces after normalisation); a decimal part only counts with an abbreviation.
 * Romance languages may put "de" before the word ("12 mii de membri").
 */
const MEMBER_COUNT = new RegExp(
  String.raw`(?<![\p{N}.,'’])(?<whole>\d{1,3}(?:[.,'’ ]\d{3})+|\d+)(?:[.,](?<fraction>\d{1,2}))?(?![\p{N}]) ?` +
    String.raw`(?:(?<unit>${UNIT_PATTERN})(?![\p{L}\p{N}])(?<dot>\.)? ?)?` +
    String.raw`(?:de )?(?<word>${MEMBER_WORDS.join('|')})(?![\p{L}\p{N}])`,
  'giu',
);

function multiplierOf(unit: string | undefined, dot: boolean): number | null {
  if (unit === undefined) return 1;
  const lower = unit.toLowerCase();
  if (lower === AMBIGUOUS_UNIT) return dot ? 1_000_000 : 1000;
  if (THOUSAND_UNITS.includes(lower)) return 1000;
  if (MILLION_UNITS.includes(lower)) return 1_000_000;
  return null;
}

/**
 * The member count a header text shows, as an integer: "12K members" → 12000,
 * "1,2 tys. członków" → 1200, "12.345 Mitglieder" → 12345. Null when the text
 * holds no count next to a members word, or the count is implausible (over
 * MAX_MEMBER_COUNT). Other numbers in the text ("3 posts a day") are ignored.
 */
export function parseMemberCount(text: string): number | null {
  const normalised = text.normalize('NFC').replace(INVISIBLE_CHARACTERS, '').replace(/\s+/g, ' ');
  for (const match of normalised.matchAll(MEMBER_COUNT)) {
    const { whole = '', fraction, unit, dot, word = '' } = match.groups ?? {};
    // Hungarian "tag" is lowercase; German "vor 1 Tag" (a day ago) is not a count.
    if (/^tag/i.test(word) && !/^tag/.test(word)) continue;
    const grouped = /\D/.test(whole);
    // "1,2 members" and "1.234K members" are not counts Facebook writes.
    if (unit === undefined ? fraction !== undefined : grouped) continue;
    const multiplier = multiplierOf(unit, dot !== undefined);
    if (multiplier === null) continue;
    const value = Number(`${whole.replace(/\D/g, '')}.${fraction ?? '0'}`) * multiplier;
    const count = Math.round(value);
    if (!Number.isSafeInteger(count) || count > MAX_MEMBER_COUNT) return null;
    return count;
  }
  return null;
}

/** Page regions that are never the header: posts, dialogs, side columns, the top bar. */
const NOT_HEADER =
  '[role="feed"], [role="article"], [role="dialog"], [role="complementary"], [role="navigation"], [role="banner"]';
const FEED = SELECTORS.feed.join(', ');
/** Lines and blocks longer than this are descriptions or posts, not the header's count line. */
const MAX_LINE_LENGTH = 200;

function isOutsideHeaderChrome(element: Element): boolean {
  return element.closest(NOT_HEADER) === null;
}

/** The group id in a link's path (`/groups/<id>/…`), decoded; null for other links. */
function groupIdOfLink(link: Element, tail: RegExp): string | null {
  const href = link.getAttribute('href');
  if (!href) return null;
  let path: string;
  try {
    path = new URL(href, 'https://www.facebook.com/').pathname;
  } catch {
    return null;
  }
  const match = /^\/groups\/([^/]+)(\/.*)?$/.exec(path);
  if (!match?.[1] || !tail.test(match[2] ?? '/')) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

const GROUP_HOME_TAIL = /^\/?$/;
const MEMBERS_TAIL = /^\/members\/?$/;

function isSameGroup(id: string | null, groupId: string): boolean {
  if (id === null) return false;
  let wanted = groupId;
  try {
    wanted = decodeURIComponent(groupId);
  } catch {
    // The id as given.
  }
  return id.toLowerCase() === wanted.toLowerCase();
}

/** Whether an element found by `SELECTORS.groupName[index]` is this group's name. */
function acceptsName(element: Element, index: number, groupId: string): boolean {
  if (!isOutsideHeaderChrome(element) || cleanText(element.textContent ?? '') === '') return false;
  // Entry 0 is the name's link; it must point at this group's own page.
  return index !== 0 || isSameGroup(groupIdOfLink(element, GROUP_HOME_TAIL), groupId);
}

/** The element carrying the group's name: the h1 link to this group, else the main column's h1. */
function findName(root: ParentNode, groupId: string): { element: Element; index: number } | null {
  for (const [index, selector] of SELECTORS.groupName.entries()) {
    for (const element of root.querySelectorAll(selector)) {
      if (acceptsName(element, index, groupId)) return { element, index };
    }
  }
  return null;
}

/**
 * The header region around `anchor`: its widest ancestor that still does not
 * hold the feed, stopping below the main column (and never leaving `root`).
 */
function headerRegion(anchor: Element, root: ParentNode): Element {
  let region = anchor;
  for (;;) {
    const parent = region.parentElement;
    if (!parent || parent === root || !(root as Node).contains(parent)) return region;
    if (parent.matches('[role="main"], body') || parent.querySelector(FEED)) return region;
    region = parent;
  }
}

/** The header region of the page, from the name or, without one, the cover photo. */
function findHeader(
  root: ParentNode,
  name: Element | null,
): { region: Element; anchorIndex: number } | null {
  for (const [index, selector] of SELECTORS.groupHeader.entries()) {
    const anchor =
      index === 0 && name
        ? (name.closest(selector) ?? name)
        : [...root.querySelectorAll(selector)].find(isOutsideHeaderChrome);
    if (anchor) return { region: headerRegion(anchor, root), anchorIndex: index };
  }
  return null;
}

/**
 * The elements `SELECTORS.memberCount[index]` accepts inside `region`, each
 * with its count, in document order. Exported for the evidence test
 * (selectors.test.ts), which proves every entry still matches its fixtures.
 */
export function memberCountMatches(
  region: Element,
  index: number,
  groupId: string,
): { element: Element; count: number }[] {
  const selector = SELECTORS.memberCount[index];
  if (selector === undefined) return [];
  const found: { element: Element; count: number }[] = [];
  for (const element of region.querySelectorAll(selector)) {
    if (!isOutsideHeaderChrome(element)) continue;
    // Entry 0 is this group's members link; other groups' links never count.
    if (index === 0 && !isSameGroup(groupIdOfLink(element, MEMBERS_TAIL), groupId)) continue;
    const text = element.textContent ?? '';
    if (index !== 0 && text.length > MAX_LINE_LENGTH) continue;
    const count = parseMemberCount(text);
    if (count !== null) found.push({ element, count });
  }
  // A line nested in a larger matching block is the match, not the block around it.
  return found.filter(
    ({ element }) =>
      !found.some((other) => other.element !== element && element.contains(other.element)),
  );
}

/** The header region `readGroupHeader` reads, or null before the header is rendered. */
export function findGroupHeaderRegion(root: ParentNode, groupId: string): Element | null {
  return findHeader(root, findName(root, groupId)?.element ?? null)?.region ?? null;
}

export type GroupHeaderSelectorGroup = 'groupName' | 'groupHeader' | 'memberCount';

/**
 * Every element entry `index` of `group` accepts on the page, with the checks
 * the reader makes (this group's links, text, outside posts and side columns;
 * counts only inside the header region). For the evidence test
 * (selectors.test.ts) and the diagnostic report, not for reading.
 */
export function headerEntryMatches(
  root: ParentNode,
  group: GroupHeaderSelectorGroup,
  index: number,
  groupId: string,
): Element[] {
  if (group === 'memberCount') {
    const region = findGroupHeaderRegion(root, groupId);
    return region ? memberCountMatches(region, index, groupId).map(({ element }) => element) : [];
  }
  const selector = SELECTORS[group][index];
  if (selector === undefined) return [];
  const elements = [...root.querySelectorAll(selector)];
  return group === 'groupName'
    ? elements.filter((element) => acceptsName(element, index, groupId))
    : elements.filter(isOutsideHeaderChrome);
}

/**
 * Only the group's name, as the header shows it (cleaned, cut to
 * LIMITS.groupName); without the member-count search of `readGroupHeader`.
 */
export function readGroupName(root: ParentNode, groupId: string): string | null {
  const name = findName(root, groupId);
  return name ? nameText(name.element) : null;
}

function nameText(element: Element): string | null {
  const text = cleanText(element.textContent ?? '').replace(/\s+/g, ' ');
  return text ? text.slice(0, LIMITS.groupName) : null;
}

/**
 * Reads the group's name and member count from the page header. `root` is
 * the document (or a subtree holding the main column); `groupId` is the id
 * or vanity name from the URL (`GROUP_PATH`). Returns null while no header
 * is rendered (no name `h1` and no cover photo yet): read again later.
 */
export function readGroupHeader(root: ParentNode, groupId: string): GroupHeader | null {
  const name = findName(root, groupId);
  const header = findHeader(root, name?.element ?? null);
  if (!header) return null;
  let memberCount: number | null = null;
  let countIndex: number | null = null;
  for (const index of SELECTORS.memberCount.keys()) {
    const first = memberCountMatches(header.region, index, groupId)[0];
    if (first) {
      memberCount = first.count;
      countIndex = index;
      break;
    }
  }
  return {
    name: name ? nameText(name.element) : null,
    memberCount,
    via:
      `groupName[${name ? String(name.index) : '-'}] ` +
      `memberCount[${countIndex === null ? '-' : String(countIndex)}]`,
  };
}
