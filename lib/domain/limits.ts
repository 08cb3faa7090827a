/**
 * One set of limits (lengths, counts, sizes) for every value that crosses a
 * context boundary or is stored.
 *
 * The content side cuts what it produces to these lengths, the message
 * protocol and the log schema accept up to them, and the pack schema refuses
 * packs that exceed them. Keeping them in one place is what makes "a value the
 * content side produces is always accepted by the background" hold: before,
 * the parser cut group names to 500 characters while the log schema accepted
 * 300, and one such event blocked a tab's log queue for good (security review
 * finding 4). `limits.test.ts` walks the producers against the schemas.
 *
 * Pure: no browser globals, so the CLI, the background and tests share it.
 */
export const LIMITS = {
  /** The adapter's post key (`fb:<id>`, `fbh:<digest>`). */
  postKey: 200,
  /** Facebook's group id or vanity name from the URL. */
  groupId: 200,
  /** A group's public name as the page shows it. */
  groupName: 300,
  /** An author's display name; only travels to the background to be hashed. */
  authorName: 500,
  /** Post text the analysis and matching look at. */
  postTextForAnalysis: 20_000,
  /** Post text kept in the log when the advisor allowed it. */
  postTextStored: 10_000,
  /** A page URL reported for the popup. */
  pageUrl: 4000,
  /** A case note. */
  note: 1000,
  /** The service a post was referred to. */
  referredTo: 200,

  /** Pack ids (reverse-domain). */
  packId: 200,
  /** Pack versions (`2026.11.0`). */
  packVersion: 50,
  /** Answer ids. */
  answerId: 200,
  /** Placeholder names (`{city}` → `city`). */
  placeholderName: 50,
  /** Placeholders per answer. */
  placeholdersPerAnswer: 20,
  /** A link's address, after normalisation (`new URL().href`). */
  linkUrl: 2000,
  /** A link's label. */
  linkLabel: 200,
  /** Referral targets in one pack's directory. */
  referralsPerPack: 500,
  /** A referral target's name or city. */
  referralName: 200,
  /** One contact channel's value (a phone number, an address). */
  referralChannel: 200,
  /** Contact channels of one referral target. */
  channelsPerReferral: 10,
  /** An editor's note on a referral target. */
  referralNote: 500,
  /** Claims one myth-correction answer corrects. */
  claimsPerAnswer: 10,
  /** A claim's statement (what the myth says, one sentence). */
  claimStatement: 300,
  /** Patterns or examples per claim and language. */
  claimPatterns: 30,
  /** One claim pattern as an editor writes it. */
  claimPattern: 500,
  /** A comment's text as the content script sends it for claim matching. */
  commentText: 3000,
  /** Comments per `matchClaims` request. */
  commentsPerRequest: 50,
  /** The content script's key of a comment. */
  commentKey: 100,
  /** Links per answer. */
  linksPerAnswer: 20,
  /** Answer and pack titles. */
  title: 200,
  /** An answer's body. */
  body: 5000,
  /** A search keyword. */
  keyword: 100,
  /** A pack's signer name. */
  signer: 200,
  /** A search query typed by the advisor (`searchAnswers`). */
  searchQuery: 200,
  /** Answers one `searchAnswers` reply lists. */
  searchResults: 20,
  /** Answer ids listed in one `suggestions-shown` event. */
  answerIdsPerEvent: 20,

  /** Events per `logEvents` batch. */
  eventsPerBatch: 200,
  /** Events a tab's log queue holds before it drops the oldest. */
  queuedEvents: 2000,

  /** Pack file size, as text or bytes. */
  packBytes: 5 * 1024 * 1024,
  /** An xlsx workbook as a file (compressed). */
  xlsxBytes: 20 * 1024 * 1024,
  /** An xlsx workbook's parts once unzipped, all together. */
  xlsxUncompressedBytes: 100 * 1024 * 1024,
  /** Entries in an xlsx's zip directory. */
  xlsxEntries: 10_000,
} as const;

/** Cuts a nullable text to `max` characters (the content side's producers use it). */
export function cutText(value: string, max: number): string;
export function cutText(value: string | null, max: number): string | null;
export function cutText(value: string | null, max: number): string | null {
  return value === null ? null : value.slice(0, max);
}
