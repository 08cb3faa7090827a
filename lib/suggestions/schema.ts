/**
 * What travels between the background's matcher and the overlay's
 * suggestion panel (`suggestForPosts`), the advisor's search over the active
 * packs (`searchAnswers`), and the advisor's feedback on
 * suggestions (`recordSuggestionFeedback`, `getSuggestionFeedback`,
 * `resetSuggestionFeedback`). Listed in lib/messaging/protocol.ts.
 *
 * A suggestion carries everything the panel renders, so the page's main
 * thread never touches a pack: the reply in the post's language (or the
 * visible fallback), the same answer in the advisor's UI language, the legal
 * review record, and the pack's signature status as of now. `zod/mini` and
 * no import of the pack schema keep the content script small.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema';
import { POST_LANGUAGES, UI_LANGUAGES } from '../domain/languages';
import { LIMITS } from '../domain/limits';
import { ANSWER_TOPICS, TOPICS } from '../domain/topics';

/** Posts per `suggestForPosts` request; the content side batches up to this. */
export const MAX_POSTS_PER_SUGGESTION_REQUEST = 20;
/** Suggestions per post the panel asks for (up to three: docs/PRODUCT.md#users-and-roles). */
export const SUGGESTIONS_PER_POST = 3;
/** Most suggestions one post's result may carry on the wire. */
const MAX_SUGGESTIONS_PER_RESULT = 5;

const text = (max: number) => z.string().check(z.maxLength(max));
const postKeySchema = lazySchema(() =>
  z.string().check(z.minLength(1), z.maxLength(LIMITS.postKey)),
);
const packIdSchema = text(LIMITS.packId);
const answerIdSchema = text(LIMITS.answerId);

export const suggestionTextSchema = lazySchema(() =>
  z.object({
    language: z.enum(POST_LANGUAGES),
    title: text(LIMITS.title),
    body: text(LIMITS.body),
  }),
);
export type SuggestionText = z.infer<typeof suggestionTextSchema>;

/**
 * How sure the matcher is (lib/matching/matcher.ts `SuggestionLevel`): only
 * `likely` counts as a match; `possible` is offered without a claim, and
 * every search hit is `possible`.
 */
export const SUGGESTION_LEVELS = ['likely', 'possible'] as const;
export type SuggestionLevel = (typeof SUGGESTION_LEVELS)[number];

/** Most topics offered as "possible topics" when nothing is likely. */
export const MAX_POSSIBLE_TOPICS = 3;

export const SIGNATURE_STATUSES = ['trusted', 'unknown-signer', 'unsigned'] as const;
export type SignatureStatus = (typeof SIGNATURE_STATUSES)[number];

export const suggestionPayloadSchema = lazySchema(() =>
  z.object({
    answerId: answerIdSchema,
    packId: packIdSchema,
    packVersion: text(LIMITS.packVersion),
    packTitle: text(LIMITS.title),
    topic: z.enum(TOPICS),
    /** `answer`, `myth-correction`, `campaign`, `referral` or `handover` (pack format). */
    kind: text(30),
    /**
     * Ranking number 0..1 (relevance after the advisor's feedback; for search
     * hits, the search score scaled to the best hit). Orders the list; not a
     * probability, so never shown as a percentage.
     */
    score: z.number().check(z.gte(0), z.lte(1)),
    /** `likely` (counts as a match) or `possible` (offered without a claim). */
    level: z.enum(SUGGESTION_LEVELS),
    /** Words of the post that matched, for the explanation. */
    matchedTerms: z.array(text(100)).check(z.maxLength(30)),
    /** True when the answer lacks the post's language and `reply` is in another one. */
    fallback: z.boolean(),
    /** The reply as it would be posted (`{name}` marks placeholders). */
    reply: suggestionTextSchema,
    /** The same answer in the advisor's UI language; null when `reply` already is in it. */
    translation: z.nullable(suggestionTextSchema),
    placeholders: z
      .array(text(LIMITS.placeholderName))
      .check(z.maxLength(LIMITS.placeholdersPerAnswer)),
    links: z
      .array(
        z.object({
          url: z.string().check(z.maxLength(LIMITS.linkUrl), z.regex(/^https:\/\/\S+$/)),
          label: text(LIMITS.linkLabel),
          /** The label per language (pack format); `composeReply` picks the reply's. */
          labels: z.optional(z.partialRecord(z.enum(POST_LANGUAGES), text(LIMITS.linkLabel))),
        }),
      )
      .check(z.maxLength(LIMITS.linksPerAnswer)),
    review: z.object({
      /** `pending`, `in-review`, `approved` or `withdrawn` (pack format). */
      status: text(30),
      reviewer: z.nullable(text(200)),
      reviewedAt: z.nullable(text(10)),
      validUntil: z.nullable(text(10)),
      legalBasis: z.array(text(300)).check(z.maxLength(30)),
    }),
    /** The pack says its content is an example nobody has legally reviewed. */
    exampleContent: z.boolean(),
    /** Approved, in a pack that is not example content. */
    reviewed: z.boolean(),
    /** The review's valid-until date has passed. */
    expired: z.boolean(),
    signature: z.object({
      status: z.enum(SIGNATURE_STATUSES),
      signer: z.nullable(text(LIMITS.signer)),
    }),
  }),
);
export type SuggestionPayload = z.infer<typeof suggestionPayloadSchema>;

export const postSuggestionsSchema = lazySchema(() =>
  z.object({
    postKey: postKeySchema,
    /** The language the matcher worked with (the analysis', or detected). */
    language: z.enum([...POST_LANGUAGES, 'und']),
    /**
     * The post's topic when at least one suggestion is `likely`; `off-topic`
     * otherwise (then `suggestions` holds only `possible` ones, or nothing).
     */
    topic: z.enum(TOPICS),
    /** The topic's name in the advisor's UI language (keeps topic names out of the content script). */
    topicLabel: text(100),
    suggestions: z.array(suggestionPayloadSchema).check(z.maxLength(MAX_SUGGESTIONS_PER_RESULT)),
    /**
     * When nothing is likely: up to three topics with the most evidence, best
     * first, for "possible topics"; empty (or absent, from an older background)
     * otherwise.
     */
    possibleTopics: z.optional(
      z.array(z.enum(ANSWER_TOPICS)).check(z.maxLength(MAX_POSSIBLE_TOPICS)),
    ),
  }),
);
export type PostSuggestions = z.infer<typeof postSuggestionsSchema>;

export const suggestForPostsRequestSchema = lazySchema(() =>
  z.object({
    /** The advisor's UI language, for the side-by-side rendering. */
    uiLanguage: z.enum(UI_LANGUAGES),
    posts: z
      .array(
        z.object({
          postKey: postKeySchema,
          text: text(LIMITS.postTextForAnalysis),
          /** The analysis' language; detected again when absent. */
          language: z.optional(z.enum([...POST_LANGUAGES, 'und'])),
        }),
      )
      .check(z.maxLength(MAX_POSTS_PER_SUGGESTION_REQUEST)),
  }),
);
export type SuggestForPostsRequest = z.infer<typeof suggestForPostsRequestSchema>;

/**
 * What a post's marker shows of its suggestions (`topicsForPosts`, the content
 * script's question): the topic, how many suggestions are likely and which
 * answers they are. No reply texts: a screenful of posts is a few kilobytes,
 * where their full suggestions were up to 250 KB for the page to parse
 * (BENCHMARKS.md, "Content script").
 */
export const postTopicSchema = lazySchema(() =>
  z.object({
    postKey: postKeySchema,
    topic: z.enum(TOPICS),
    topicLabel: text(100),
    /** Suggestions at level `likely`; the marker counts only these. */
    likely: z.int().check(z.gte(0), z.lte(MAX_SUGGESTIONS_PER_RESULT)),
    answerIds: z.array(answerIdSchema).check(z.maxLength(MAX_SUGGESTIONS_PER_RESULT)),
  }),
);
export type PostTopic = z.infer<typeof postTopicSchema>;

export const topicsForPostsResponseSchema = lazySchema(() =>
  z.object({
    results: z.array(postTopicSchema).check(z.maxLength(MAX_POSTS_PER_SUGGESTION_REQUEST)),
  }),
);
export type TopicsForPostsResponse = z.infer<typeof topicsForPostsResponseSchema>;

/** The marker's view of a post's suggestions. */
export function topicOfSuggestions(result: PostSuggestions): PostTopic {
  return {
    postKey: result.postKey,
    topic: result.topic,
    topicLabel: result.topicLabel,
    likely: result.suggestions.filter((suggestion) => suggestion.level === 'likely').length,
    answerIds: result.suggestions.map((suggestion) => suggestion.answerId),
  };
}

export const suggestForPostsResponseSchema = lazySchema(() =>
  z.object({
    results: z.array(postSuggestionsSchema),
    /** Answers in the active packs (0: no pack active, so nothing can be suggested). */
    answerCount: z.int().check(z.gte(0)),
  }),
);
export type SuggestForPostsResponse = z.infer<typeof suggestForPostsResponseSchema>;

/** `searchAnswers`: the advisor's search over the whole active pack (lib/matching/search.ts). */
export const searchAnswersRequestSchema = lazySchema(() =>
  z.object({
    query: z.string().check(z.minLength(1), z.maxLength(LIMITS.searchQuery)),
    /** The advisor's UI language: ranked higher, and the reply's fallback. */
    uiLanguage: z.enum(UI_LANGUAGES),
    /** The post's language, when the search is for a post: ranked highest, and the reply's language. */
    postLanguage: z.optional(z.enum([...POST_LANGUAGES, 'und'])),
    /** Most hits (default 10). */
    limit: z.optional(z.int().check(z.gte(1), z.lte(LIMITS.searchResults))),
  }),
);
export type SearchAnswersRequest = z.infer<typeof searchAnswersRequestSchema>;

export const searchAnswersResponseSchema = lazySchema(() =>
  z.object({
    /** Best first, rendered like suggestions; every hit is `possible`. */
    results: z.array(suggestionPayloadSchema).check(z.maxLength(LIMITS.searchResults)),
    /** Answers in the active packs (0: nothing to search). */
    answerCount: z.int().check(z.gte(0)),
  }),
);
export type SearchAnswersResponse = z.infer<typeof searchAnswersResponseSchema>;

export const FEEDBACK_KINDS = ['not-relevant', 'used'] as const;
export type SuggestionFeedbackKind = (typeof FEEDBACK_KINDS)[number];

export const recordFeedbackRequestSchema = lazySchema(() =>
  z.object({
    packId: packIdSchema,
    answerId: answerIdSchema,
    kind: z.enum(FEEDBACK_KINDS),
  }),
);

/** One adjusted answer as the dashboard lists it. */
export const feedbackEntrySchema = lazySchema(() =>
  z.object({
    packId: packIdSchema,
    answerId: answerIdSchema,
    /** The ranking adjustment, bounded by the matcher (±0.3). */
    adjustment: z.number().check(z.gte(-1), z.lte(1)),
    notRelevant: z.int().check(z.gte(0)),
    used: z.int().check(z.gte(0)),
    updatedAt: z.number(),
    /** Title in the UI language, when the answer is in an installed pack. */
    title: z.nullable(text(200)),
    topic: z.nullable(z.enum(TOPICS)),
  }),
);
export type FeedbackEntry = z.infer<typeof feedbackEntrySchema>;

export const feedbackListSchema = lazySchema(() =>
  z.object({ entries: z.array(feedbackEntrySchema) }),
);

export const resetFeedbackRequestSchema = lazySchema(() =>
  z.object({
    uiLanguage: z.enum(UI_LANGUAGES),
    /** One answer, or everything when absent. */
    answer: z.optional(z.object({ packId: packIdSchema, answerId: answerIdSchema })),
  }),
);
