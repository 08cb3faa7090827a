/**
 * Every Facebook selector the extension uses, in one place (only the adapter
 * knows the site's DOM: docs/ARCHITECTURE.md#site-adapter). Each group is an
 * ordered fallback list: the parser tries the entries in order and takes the
 * first that matches, and counts which entry matched for the diagnostic
 * report, so when Facebook changes its markup the report says which landmark
 * stopped matching.
 *
 * Generated class names (`x1yztbdb` ...) are never used: they change weekly.
 * Entries rely on roles, aria attributes, `data-ad-*` landmarks and structure,
 * as open-source tools that parse Facebook group feeds report them (2024–2026).
 */

export const SELECTORS = {
  /** The container of the group's posts. */
  feed: [
    // Group and news feeds since the 2020 redesign ("Comet"): one `role=feed` list.
    '[role="feed"]',
  ],
  /** The column that holds a single post (permalink pages) when there is no feed. */
  main: [
    // A post opened as a dialog over the feed (2023–2026).
    '[role="dialog"]',
    // Permalink page `/groups/<gid>/posts/<id>/`: the post sits in the main column.
    '[role="main"]',
  ],
  /** Elements that may be a post's root. */
  postRoot: [
    // Group-feed posts 2024–2026: the feed child's inner div carries aria-posinset.
    'div[aria-posinset]',
    // Feed posts rendered without aria-posinset (seen 2025): the describedby wrapper.
    '[role="feed"] div[aria-describedby]',
    // Permalink pages and dialogs; group-feed posts lost this in August 2026.
    // Comments are also role=article but always carry an aria-label ("Comment by ...").
    'div[role="article"]:not([aria-label])',
  ],
  /** Loading stubs that precede real posts and fill in later. */
  placeholder: [
    // Shimmer stub inside an empty aria-posinset node (2024–2026).
    '[role="progressbar"]',
    // Older stubs that only say they are busy.
    '[aria-busy="true"]',
  ],
  /** A comment (never a post), also when nested replies are rendered inside a post. */
  comment: [
    // role=article with a localised aria-label "Comment by …" / "Kommentar von …" (2021–2026).
    '[role="article"][aria-label]',
  ],
  /** The message text container; the first match inside the post root is the post's text. */
  message: [
    // Current: story_message wraps the comet preview message (2023–2026).
    '[data-ad-rendering-role="story_message"] [data-ad-comet-preview="message"]',
    // Older comet markup without the rendering-role wrapper (2021–2024).
    '[data-ad-comet-preview="message"]',
    // Pre-comet data attribute, still present next to the comet one in 2025.
    '[data-ad-preview="message"]',
    // The wrapper alone, e.g. for coloured-background posts without a preview child.
    '[data-ad-rendering-role="story_message"]',
  ],
  /** Paragraphs inside the message container. */
  paragraph: [
    // Each paragraph is a `div[dir=auto]` (2020–2026).
    'div[dir="auto"]',
  ],
  /** The localised "See more" control that ends a truncated message. */
  seeMore: [
    // A div with role=button directly in the message (2020–2026).
    'div[role="button"]',
  ],
  /** Author display name. */
  author: [
    // Rendering-role landmark around the header's name (2023–2026).
    '[data-ad-rendering-role="profile_name"]',
    // Header headings with the name in bold (2020–2025).
    'h2 strong, h3 strong, h4 strong',
    // The group-member profile link.
    'a[href*="/groups/"][href*="/user/"]',
  ],
  /** Links that may hold the post's id. */
  permalink: [
    // The time link: `/groups/<gid>/posts/<id>/` (href is "#" until hovered).
    'a[href*="/posts/"]',
    'a[href*="/permalink/"]',
    'a[href*="multi_permalinks="]',
    // Photo posts: `set=gm.<id>` / `pcb.<id>` in photo links.
    'a[href*="set=gm."], a[href*="pcb."]',
  ],
  /** The bit of text in the header that is the post's time. */
  timeLabel: [
    // The time link's aria-label, or its text.
    'a[href*="/posts/"][aria-label], a[href*="/permalink/"][aria-label]',
    'a[role="link"][href="#"][aria-label]',
  ],
  /** The header row (avatar, name, time): the overlay goes right after it. */
  header: [
    // The element that holds the profile_name landmark and the time.
    '[data-ad-rendering-role="profile_name"]',
    'h2, h3, h4',
  ],
  /** The post's comment box. */
  commentBox: [
    // Lexical editor in the post's comment form (2022–2026).
    'form div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
    // The same without the Lexical marker.
    'form div[contenteditable="true"][role="textbox"]',
  ],
  /** The button that opens the comment box (its aria-label is localised). */
  commentButton: [
    // Action-bar button labelled "Leave a comment"/"Write a comment…"/"Kommentieren".
    'div[role="button"][aria-label*="omment"]',
    'div[role="button"][aria-label*="ommentar"]',
    'div[role="button"][aria-label*="omentarz"]',
    'div[role="button"][aria-label*="omentariu"]',
  ],
} as const;

export type SelectorGroup = keyof typeof SELECTORS;

/** Zero-width and other invisible characters Facebook inserts to disturb scrapers. */
export const INVISIBLE_CHARACTERS = /[\u034f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

/** Where group pages live. */
export const GROUP_PATH = /^\/groups\/([^/?#]+)/;

/** Post ids in links, in order of reliability. */
export const POST_ID_PATTERNS: readonly RegExp[] = [
  /\/groups\/[^/]+\/posts\/((?:pfbid)?[A-Za-z0-9]+)/,
  /\/groups\/[^/]+\/permalink\/(\d+)/,
  /[?&]multi_permalinks=(\d+)/,
  /[?&]set=gm\.(\d+)/,
  /[?&]set=pcb\.(\d+)/,
  /\/posts\/(pfbid[A-Za-z0-9]+)/,
];
