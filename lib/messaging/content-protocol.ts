/**
 * The messages a content script sends (docs/ARCHITECTURE.md#message-protocol),
 * with the schemas they need: part of the one protocol (lib/messaging/protocol.ts
 * adds the extension pages' messages), kept in its own module so the content
 * script, which runs on every Facebook page, builds only these schemas when it
 * starts (BENCHMARKS.md, "Content script").
 */
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema';
import {
  commentKeySchema,
  matchClaimsRequestSchema,
  matchClaimsResponseSchema,
} from '../claims/messages';
import { LIMITS } from '../domain/limits';
import { MAX_MEMBER_COUNT } from '../groups/register';
import { suggestForPostsRequestSchema, topicsForPostsResponseSchema } from '../suggestions/schema';
import { MAX_SNAPSHOT_POSTS, postStatusSchema } from '../workspace/protocol';
import { defineMessage } from './envelope';

export const pageKindSchema = lazySchema(() => z.enum(['group-feed', 'group-post', 'other']));
export type PageKind = z.infer<typeof pageKindSchema>;

/** Which adapter selectors matched how often: no names, no text (popup's diagnostic report). */
export const pageDiagnosticsSchema = lazySchema(() =>
  z.object({
    adapter: z.string().check(z.maxLength(50)),
    /** Per selector group, the number of matches of each entry in its fallback list. */
    selectorHits: z.record(z.string().check(z.maxLength(50)), z.array(z.int().check(z.gte(0)))),
    candidates: z.int().check(z.gte(0)),
    /** Candidates not taken as posts, by reason (placeholder, comment, nested, ...). */
    rejected: z.record(z.string().check(z.maxLength(50)), z.int().check(z.gte(0))),
    overlays: z.int().check(z.gte(0)),
    nodeReuses: z.int().check(z.gte(0)),
    uiLanguage: z.nullable(z.string().check(z.maxLength(20))),
  }),
);
export type PageDiagnostics = z.infer<typeof pageDiagnosticsSchema>;

/** What a content script knows about its page; the popup and badge show it. */
export const pageStateSchema = lazySchema(() =>
  z.object({
    url: z.string().check(z.maxLength(LIMITS.pageUrl)),
    pageKind: pageKindSchema,
    groupId: z.nullable(z.string().check(z.maxLength(LIMITS.groupId))),
    groupName: z.nullable(z.string().check(z.maxLength(LIMITS.groupName))),
    /** Members as the group's header shows them, when it does (group register). */
    memberCount: z.optional(z.nullable(z.int().check(z.gte(0), z.lte(MAX_MEMBER_COUNT)))),
    /** True when the page's feed (or post container) has rendered. */
    feedFound: z.boolean(),
    postsRecognised: z.int().check(z.gte(0)),
    /** False when settings exclude this group; the script then stays idle. */
    groupIncluded: z.boolean(),
    contentScriptVersion: z.string().check(z.maxLength(50)),
    /** Log events this tab has not got stored yet (pending or dropped); the badge shows them. */
    unsavedEvents: z.optional(z.int().check(z.gte(0))),
    /**
     * Questions among the recognised posts, and how many of them are answered
     * (reply inserted or documented) or set aside as not relevant; the popup
     * shows open and answered.
     */
    work: z.optional(
      z.object({
        questions: z.int().check(z.gte(0)),
        answered: z.int().check(z.gte(0)),
        notRelevant: z.int().check(z.gte(0)),
      }),
    ),
    /** Selector statistics for the diagnostic report (Facebook adapter). */
    diagnostics: z.optional(pageDiagnosticsSchema),
  }),
);
export type PageState = z.infer<typeof pageStateSchema>;

export const MAX_POSTS_PER_ANALYSIS = 50;

/** The background's reading of a post: language and whether it asks something. */
export const postAnalysisSchema = lazySchema(() =>
  z.object({
    postKey: z.string().check(z.minLength(1), z.maxLength(LIMITS.postKey)),
    /** One of the 13 post languages, or `und`. */
    language: z.string().check(z.maxLength(10)),
    confidence: z.number().check(z.gte(0), z.lte(1)),
    isQuestion: z.boolean(),
  }),
);
export type PostAnalysis = z.infer<typeof postAnalysisSchema>;

/** A question about some of the posts on the page (statuses, corrected comments). */
const postKeysRequestSchema = lazySchema(() =>
  z.object({
    postKeys: z
      .array(z.string().check(z.minLength(1), z.maxLength(LIMITS.postKey)))
      .check(z.maxLength(MAX_SNAPSHOT_POSTS)),
  }),
);

export const contentProtocol = {
  reportPageState: defineMessage({
    request: pageStateSchema,
    response: lazySchema(() => z.object({ accepted: z.boolean() })),
    senders: ['content-script'],
  }),
  analysePosts: defineMessage({
    request: lazySchema(() =>
      z.object({
        posts: z
          .array(
            z.object({
              postKey: z.string().check(z.minLength(1), z.maxLength(LIMITS.postKey)),
              text: z.string().check(z.maxLength(LIMITS.postTextForAnalysis)),
            }),
          )
          .check(z.maxLength(MAX_POSTS_PER_ANALYSIS)),
      }),
    ),
    response: lazySchema(() => z.object({ results: z.array(postAnalysisSchema) })),
    senders: ['content-script'],
  }),
  /**
   * A batch of interaction events; the answer acknowledges ids stored now or
   * before, and names each event it refused with the reason. Events are
   * checked one at a time by the handler (`splitEventBatch`), not here, so one
   * invalid event never refuses the batch (security review finding 4).
   */
  logEvents: defineMessage({
    request: lazySchema(() =>
      z.object({
        events: z.array(z.unknown()).check(z.minLength(1), z.maxLength(LIMITS.eventsPerBatch)),
      }),
    ),
    response: lazySchema(() =>
      z.object({
        acknowledged: z.array(z.string()),
        added: z.int(),
        duplicates: z.int(),
        rejected: z.array(z.object({ id: z.string(), reason: z.string() })),
      }),
    ),
    // Content scripts may only send `post-seen` and `claim-seen` (checked per event by the
    // handler): everything an advisor does is logged by the workspace page.
    senders: ['content-script', 'extension-page'],
  }),
  /** Where each post stands (open, reply inserted, documented, not relevant), from the log. */
  getPostStatuses: defineMessage({
    request: postKeysRequestSchema,
    response: lazySchema(() =>
      z.object({
        statuses: z.record(z.string().check(z.maxLength(LIMITS.postKey)), postStatusSchema),
      }),
    ),
    senders: ['content-script', 'extension-page'],
  }),
  /** Comments under these posts already answered with a myth correction, for their flags. */
  getCorrectedComments: defineMessage({
    request: postKeysRequestSchema,
    response: lazySchema(() =>
      z.object({
        corrected: z.record(
          z.string().check(z.maxLength(LIMITS.postKey)),
          z.array(commentKeySchema).check(z.maxLength(500)),
        ),
      }),
    ),
    senders: ['content-script'],
  }),
  /**
   * The advisor pressed a post's marker while no workspace was connected:
   * open the side panel for this tab (Chrome; Firefox only opens its sidebar
   * from the extension's own buttons) and select the post once it connects.
   */
  openWorkspace: defineMessage({
    request: lazySchema(() =>
      z.object({
        postKey: z.string().check(z.minLength(1), z.maxLength(LIMITS.postKey)),
        /** The comment whose myth flag was pressed. */
        commentKey: z.optional(commentKeySchema),
      }),
    ),
    response: lazySchema(() => z.object({ opened: z.boolean() })),
    senders: ['content-script'],
  }),
  /**
   * Each post's topic and likely suggestions, for its marker and its "post
   * seen" entry: the content script's short form of `suggestForPosts`.
   */
  topicsForPosts: defineMessage({
    request: suggestForPostsRequestSchema,
    response: topicsForPostsResponseSchema,
    senders: ['content-script'],
  }),
  /**
   * Which of a post's comments repeat a known false claim (the active packs'
   * myth corrections, docs/PRODUCT.md#misinformation-in-comments). Comment
   * text is matched in memory and never stored.
   */
  matchClaims: defineMessage({
    request: matchClaimsRequestSchema,
    response: matchClaimsResponseSchema,
    senders: ['content-script'],
  }),
} as const;

export type ContentProtocol = typeof contentProtocol;
export type ContentMessageName = keyof ContentProtocol;
