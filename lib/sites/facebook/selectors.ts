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
  /**
   * Post-root strategies, tried in order (lib/sites/facebook/post-roots.ts):
   * for every post the first strategy that finds a root for it wins, so a
   * wrapper found by a later strategy never becomes a second root for a post
   * an earlier one found. Each entry is independent of the others, and
   * `POST_ROOT_EVIDENCE` below names the fixture pages and match counts that
   * prove it still matches something (lib/sites/facebook/selectors.test.ts).
   */
  postRoot: [
    // 0. Group-feed posts 2024–2025: the feed unit carries aria-posinset (CMS-stored
    //    post HTML, Oct 2025: tests/fixtures/real-markup/SOURCES.md #1). Gone at the
    //    post boundaries of the May 2026 feed save (issue 14).
    'div[aria-posinset]',
    // 1. Feed posts rendered without aria-posinset (seen 2025): the describedby wrapper.
    //    Holding a landmark, so a tooltip's describedby inside a post is not a root.
    '[role="feed"] div[aria-describedby]:has([data-ad-rendering-role="profile_name"], [data-ad-rendering-role="story_message"])',
    // 2. Permalink pages and dialogs; group-feed posts lost this in August 2026.
    //    Comments are also role=article but always carry an aria-label ("Comment by ...").
    'div[role="article"]:not([aria-label])',
    // 3. 2026 feed without aria-posinset (May 2026 save, issue 14; scrapers 2023–26 use
    //    `[role=feed] > div`): a direct child of the feed holding a post landmark.
    '[role="feed"] > div:has([data-ad-rendering-role="profile_name"], [data-ad-rendering-role="story_message"])',
    // 4. The virtualiser's unit around one post, `data-virtualized="false"` (CMS-stored
    //    post HTML Oct 2025, SOURCES.md #1; scrapers 2024–26, SOURCES.md #4).
    'div[data-virtualized="false"]:has([data-ad-rendering-role="profile_name"], [data-ad-rendering-role="story_message"])',
    // 5. An element whose aria-labelledby / aria-describedby names an id inside itself
    //    (the post's heading or message), 2020–2026. Checked in code: CSS cannot follow ids.
    '[aria-labelledby]:has([data-ad-rendering-role="profile_name"]), [aria-describedby]:has([data-ad-rendering-role="story_message"])',
    // 6. Climb from the author or message landmark to the element directly under the
    //    feed, dialog or main column (2023–2026). Needs no attribute on the root at all.
    '[data-ad-rendering-role="profile_name"], [data-ad-rendering-role="story_message"]',
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
  /** A comment's own text (its replies are comments of their own). */
  commentText: [
    // The comment bubble's text block (2021–2026; the demo and real-markup fixtures).
    'div[dir="auto"]',
    // Single-line comments rendered as a span (2024–2026).
    'span[dir="auto"]',
  ],
  /**
   * The "Reply" control of a comment: a role=button inside the comment whose
   * visible text is the localised word (REPLY_LABELS); Facebook gives it no
   * aria-label or landmark. Checked by text in code, not by CSS.
   */
  replyButton: [
    // Comment action row "Like · Reply · 1 h" (2021–2026).
    '[role="button"]',
  ],
  /**
   * The reply composer a comment's "Reply" opens: a Lexical textbox labelled
   * with the commenter's name ("Reply to …"), rendered after the comment's
   * replies inside the comment's thread (2022–2026).
   */
  replyBox: [
    'div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
    'div[contenteditable="true"][role="textbox"]',
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
  /**
   * Text of a post without a message container (sale listings, 2025–2026): the
   * listing's lines, else the longest block. Hidden copies and translations are
   * skipped (`hiddenText`).
   */
  fallbackText: [
    // Sale listings keep title, "price · place" and "1 bed · 1 bath" in span[dir=auto]
    // lines (2025–2026; the price span, SOURCES.md #3).
    'span[dir="auto"]',
    // Any other text block; the longest one is the post's text (scrapers 2023–2026).
    'div[dir="auto"]',
  ],
  /** Never a post's text: translations, hidden copies, measurement rows. */
  hiddenText: [
    // "See translation" renders the translation in a blockquote (2024–2026, SOURCES.md #3).
    'blockquote',
    // Coloured-background copies and screen-reader duplicates (2020–2026).
    '[aria-hidden="true"]',
    // Off-screen rows Facebook renders to measure text (2025–2026).
    '[hidden], [style*="visibility: hidden"], [style*="display: none"]',
  ],
  /** The post's first picture, for telling identical text-less listings apart. */
  media: [
    // Link-preview and listing images inside the image landmark (2025, SOURCES.md #2).
    '[data-ad-rendering-role="image"] img',
    // Feed images carry a perf-logging name (2021–2026, SOURCES.md #2).
    'img[data-imgperflogname="feedImage"]',
    // Photo links with an aria-label and attributionsrc (2025, SOURCES.md #3).
    'a[aria-label][attributionsrc] img',
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
    // Sale listings: the listing's own page (2025–2026, SOURCES.md #4).
    'a[href*="/commerce/listing/"], a[href*="/marketplace/item/"]',
    // Classic permalink.php links, still used for some shared posts (2019–2026).
    'a[href*="story_fbid="]',
  ],
  /** The bit of text in the header that is the post's time. */
  timeLabel: [
    // The time link's aria-label, or its text.
    'a[href*="/posts/"][aria-label], a[href*="/permalink/"][aria-label]',
    'a[role="link"][href="#"][aria-label]',
    // 2026: `/groups/<gid>/?__cft__…#?fhi`, no aria-label, per-letter text (issue 14, SOURCES.md #2).
    'a[role="link"][href*="#?"]',
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
  /**
   * The button that opens the comment box (its aria-label is localised). Only
   * buttons outside the comment form and outside comments count: the form's own
   * "Comment with a GIF"/"Comment with a sticker" buttons match the labels too.
   */
  commentButton: [
    // Action-bar button holding the comment_button landmark (2024–2026, SOURCES.md #5).
    '[role="button"]:has([data-ad-rendering-role="comment_button"])',
    // Action-bar button labelled "Leave a comment"/"Write a comment…"/"Kommentieren".
    'div[role="button"][aria-label*="omment"]',
    'div[role="button"][aria-label*="ommentar"]',
    'div[role="button"][aria-label*="omentarz"]',
    'div[role="button"][aria-label*="omentariu"]',
  ],
  /**
   * The group's public name in the page header (lib/sites/facebook/group-header.ts).
   * `GROUP_HEADER_EVIDENCE` below names the fixture pages each entry matches; "header
   * source #n" is a row of tests/fixtures/group-headers/SOURCES.md.
   */
  groupName: [
    // The h1's link to the group's own page `/groups/<id>/`, checked against the URL's id
    // in code (2021–2026: scrapers take `h1 a` as the group title, header sources #1, #2).
    'h1 a[href*="/groups/"]',
    // The main column's h1 without a link (logged-out and preview layouts, 2024–2026, header source #2).
    '[role="main"] h1',
  ],
  /**
   * Where the header starts. The header region is the widest ancestor of the anchor that
   * does not hold the feed (group-header.ts), so counts in posts are never read.
   */
  groupHeader: [
    // The group name's h1 (2021–2026, header sources #1, #2).
    'h1',
    // The cover photo's perf-logging name, when the h1 is not rendered yet (2021–2026, header source #1).
    'img[data-imgperflogname="profileCoverPhoto"]',
  ],
  /**
   * The member count inside the header region; the text is read by `parseMemberCount`.
   * Entries are tried in order, the first that yields a count wins.
   */
  memberCount: [
    // 0. This group's members link `/groups/<id>/members/` ("12K members"), id checked in
    //    code (2023–2026: scrapers open the members list from it, header sources #3, #4).
    'a[href*="/members"]',
    // 1. A line "Private group · 89.6K members" / "Grupa prywatna · 28 tys. członków"
    //    without a link (logged-out and non-member views, 2024–2026, header sources #5–#8).
    'span',
    // 2. A short block whose count and word sit in separate elements (a fallback of ours,
    //    not a sighting: it keeps working if Facebook splits the line).
    'div',
  ],
} as const;

export type SelectorGroup = keyof typeof SELECTORS;

/** The visible word on a comment's reply control, in Facebook's UI languages we support. */
export const REPLY_LABELS = [
  'reply',
  'antworten',
  'odpowiedz',
  'răspunde',
  'raspunde',
  'отговор',
  'отговори',
  'απάντηση',
  'odgovori',
  'válasz',
  'responder',
  'répondre',
  'rispondi',
  'odpovědět',
  'odpovedať',
] as const;

/** Post landmarks the root strategies look for (author name and message). */
export const POST_LANDMARK =
  '[data-ad-rendering-role="profile_name"], [data-ad-rendering-role="story_message"]';
/** Where the climbing strategy stops: the element right below one of these is the post. */
export const POST_CONTAINER = '[role="feed"], [role="dialog"], [role="main"], body';

/**
 * Evidence per post-root strategy, refined-github style: the generated fixture
 * pages (tests/fixtures/<page>) and how many elements the entry matches there.
 * `selectors.test.ts` fails when a count changes or an entry matches nothing
 * anywhere, so a strategy that stops matching is noticed, not silently skipped.
 * Pages under `real-markup` are built from real fragments (SOURCES.md).
 */
export interface SelectorEvidence {
  readonly page: string;
  readonly matches: number;
}
type Evidence<T extends readonly unknown[]> = {
  readonly [I in keyof T]: readonly SelectorEvidence[];
};

const DEMO = 'groups/eu-workers-demo/index.html';
const MIXED = 'groups/551200300400/index.html';
const PERMALINK = 'groups/pracownicy-de/posts/9100001/index.html';
const DIALOG = 'groups/pracownicy-de/posts/9100002/index.html';
const OLD_LAYOUT = 'groups/old-layout-group/index.html';
/** Real-markup pages (tests/fixtures/real-markup): 2026 feed, 2026 listings, Oct 2025 shape. */
const FEED_2026 = 'groups/880100200300/index.html';
const LISTINGS_2026 = 'groups/880100200400/index.html';
const CMS_2025 = 'groups/880100200500/index.html';

/** Index i is the evidence for `SELECTORS.postRoot[i]`; a zero says "must not match here". */
export const POST_ROOT_EVIDENCE: Evidence<typeof SELECTORS.postRoot> = [
  // 28 posts + 2 placeholders; 6 + 2; 2 posts + 1 placeholder; none in 2026.
  [
    { page: DEMO, matches: 30 },
    { page: MIXED, matches: 8 },
    { page: CMS_2025, matches: 3 },
    { page: FEED_2026, matches: 0 },
  ],
  [
    { page: DEMO, matches: 28 },
    { page: MIXED, matches: 7 },
    { page: FEED_2026, matches: 0 },
  ],
  // Permalink, dialog, both old-layout stories; never a 2026 comment.
  [
    { page: PERMALINK, matches: 1 },
    { page: DIALOG, matches: 1 },
    { page: OLD_LAYOUT, matches: 2 },
    { page: FEED_2026, matches: 0 },
  ],
  // Every post unit in the 2026 feed and listings (the placeholder has no landmark).
  [
    { page: FEED_2026, matches: 4 },
    { page: LISTINGS_2026, matches: 5 },
    { page: CMS_2025, matches: 2 },
    { page: DEMO, matches: 28 },
  ],
  [
    { page: LISTINGS_2026, matches: 5 },
    { page: CMS_2025, matches: 2 },
    { page: FEED_2026, matches: 0 },
  ],
  [
    { page: DEMO, matches: 28 },
    { page: MIXED, matches: 7 },
    { page: PERMALINK, matches: 1 },
  ],
  // The dialog page: the dialog's post and the feed post behind it.
  [
    { page: FEED_2026, matches: 4 },
    { page: LISTINGS_2026, matches: 5 },
    { page: DIALOG, matches: 2 },
    { page: PERMALINK, matches: 1 },
  ],
];

/**
 * Evidence per group-header entry: the static header fixtures
 * (tests/fixtures/group-headers, sources in its SOURCES.md) and how many
 * elements each entry accepts there, with the checks group-header.ts makes
 * (this group's link, a parsable count, the header region only). Index i is
 * the evidence for `SELECTORS.<group>[i]`; a zero says "must not match here".
 * selectors.test.ts fails when a count changes.
 */
const HEADER_EN = 'group-headers/en-members-link.html';
const HEADER_DE = 'group-headers/de-members-link.html';
const HEADER_PL = 'group-headers/pl-logged-out-line.html';
const HEADER_RO = 'group-headers/ro-abbreviated-link.html';
const HEADER_BG = 'group-headers/bg-no-count.html';
const HEADER_CS = 'group-headers/cs-feed-mentions-members.html';
const HEADER_HU = 'group-headers/hu-split-count.html';
const HEADER_EL = 'group-headers/el-about-tab.html';

export const GROUP_HEADER_EVIDENCE: {
  readonly groupName: Evidence<typeof SELECTORS.groupName>;
  readonly groupHeader: Evidence<typeof SELECTORS.groupHeader>;
  readonly memberCount: Evidence<typeof SELECTORS.memberCount>;
} = {
  groupName: [
    // Every page whose h1 links the group; the logged-out page's h1 has no link.
    [
      { page: HEADER_EN, matches: 1 },
      { page: HEADER_DE, matches: 1 },
      { page: HEADER_PL, matches: 0 },
      { page: HEADER_BG, matches: 1 },
    ],
    [
      { page: HEADER_PL, matches: 1 },
      { page: HEADER_EN, matches: 1 },
    ],
  ],
  groupHeader: [
    [
      { page: HEADER_EN, matches: 1 },
      { page: HEADER_PL, matches: 1 },
      { page: HEADER_HU, matches: 0 },
    ],
    // The Hungarian page renders its cover photo before the h1.
    [
      { page: HEADER_HU, matches: 1 },
      { page: HEADER_EN, matches: 1 },
    ],
  ],
  memberCount: [
    // This group's members link with a count; the tab "Members" has none, another
    // group's link in the side column is not ours.
    [
      { page: HEADER_EN, matches: 1 },
      { page: HEADER_DE, matches: 1 },
      { page: HEADER_RO, matches: 1 },
      { page: HEADER_EL, matches: 1 },
      { page: HEADER_PL, matches: 0 },
      { page: HEADER_BG, matches: 0 },
      { page: HEADER_CS, matches: 0 },
    ],
    [
      { page: HEADER_PL, matches: 1 },
      { page: HEADER_EN, matches: 1 },
      { page: HEADER_CS, matches: 0 },
      { page: HEADER_HU, matches: 0 },
    ],
    [
      { page: HEADER_HU, matches: 1 },
      { page: HEADER_BG, matches: 0 },
      { page: HEADER_CS, matches: 0 },
    ],
  ],
};

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
  /\/commerce\/listing\/(\d+)/,
  /\/marketplace\/item\/(\d+)/,
  /[?&]story_fbid=((?:pfbid)?[A-Za-z0-9]+)/,
  /\/posts\/(pfbid[A-Za-z0-9]+)/,
];
