/**
 * The one message protocol between the content script, the background and
 * the extension pages (docs/ARCHITECTURE.md#message-protocol).
 *
 * Each entry names a message by direction and intent and gives the schema of
 * its request and of its response, and which senders may send it. The
 * receiver parses every payload with these schemas and checks the sender, so
 * nothing unvalidated crosses a context boundary. `zod/mini` keeps the
 * content script small.
 *
 * Adding a message: add an entry here, a handler in the background's handler
 * table (the compiler insists), and call it with `sendMessage`.
 */
import * as z from 'zod/mini';
import {
  claimCorrectionRequestSchema,
  claimCorrectionResponseSchema,
  commentKeySchema,
  matchClaimsRequestSchema,
  matchClaimsResponseSchema,
} from '../claims/messages';
import { caseOutcomeSchema, escalationKindSchema, MAX_BATCH_SIZE } from '../log/events';
import {
  feedbackListSchema,
  recordFeedbackRequestSchema,
  resetFeedbackRequestSchema,
  searchAnswersRequestSchema,
  searchAnswersResponseSchema,
  suggestForPostsRequestSchema,
  suggestForPostsResponseSchema,
} from '../suggestions/schema';
import { UI_LANGUAGES } from '../domain/languages';
import { listReferralsRequestSchema, listReferralsResponseSchema } from '../referrals/messages';
import { LIMITS } from '../domain/limits';
import { MAX_SNAPSHOT_POSTS, postStatusSchema } from '../workspace/protocol';

/** Who may send a message: a content script in a tab, or an extension page. */
export type SenderKind = 'content-script' | 'extension-page';

export interface MessageDefinition<Request extends z.ZodMiniType, Response extends z.ZodMiniType> {
  request: Request;
  response: Response;
  senders: readonly SenderKind[];
}

function defineMessage<Request extends z.ZodMiniType, Response extends z.ZodMiniType>(
  definition: MessageDefinition<Request, Response>,
): MessageDefinition<Request, Response> {
  return definition;
}

export const pageKindSchema = z.enum(['group-feed', 'group-post', 'other']);
export type PageKind = z.infer<typeof pageKindSchema>;

/** Which adapter selectors matched how often: no names, no text (popup's diagnostic report). */
export const pageDiagnosticsSchema = z.object({
  adapter: z.string().check(z.maxLength(50)),
  /** Per selector group, the number of matches of each entry in its fallback list. */
  selectorHits: z.record(z.string().check(z.maxLength(50)), z.array(z.int().check(z.gte(0)))),
  candidates: z.int().check(z.gte(0)),
  /** Candidates not taken as posts, by reason (placeholder, comment, nested, ...). */
  rejected: z.record(z.string().check(z.maxLength(50)), z.int().check(z.gte(0))),
  overlays: z.int().check(z.gte(0)),
  nodeReuses: z.int().check(z.gte(0)),
  uiLanguage: z.nullable(z.string().check(z.maxLength(20))),
});
export type PageDiagnostics = z.infer<typeof pageDiagnosticsSchema>;

/** What a content script knows about its page; the popup and badge show it. */
export const pageStateSchema = z.object({
  url: z.string().check(z.maxLength(LIMITS.pageUrl)),
  pageKind: pageKindSchema,
  groupId: z.nullable(z.string().check(z.maxLength(LIMITS.groupId))),
  groupName: z.nullable(z.string().check(z.maxLength(LIMITS.groupName))),
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
});
export type PageState = z.infer<typeof pageStateSchema>;

export const tabStateSchema = z.object({
  tabId: z.int(),
  updatedAt: z.number(),
  page: pageStateSchema,
});
export type TabState = z.infer<typeof tabStateSchema>;

export const backgroundStatusSchema = z.object({
  version: z.string(),
  /** When this service-worker instance started (ms since epoch). */
  startedAt: z.number(),
  databaseReady: z.boolean(),
});
export type BackgroundStatus = z.infer<typeof backgroundStatusSchema>;

export const MAX_POSTS_PER_ANALYSIS = 50;

/** The background's reading of a post: language and whether it asks something. */
export const postAnalysisSchema = z.object({
  postKey: z.string().check(z.minLength(1), z.maxLength(LIMITS.postKey)),
  /** One of the 13 post languages, or `und`. */
  language: z.string().check(z.maxLength(10)),
  confidence: z.number().check(z.gte(0), z.lte(1)),
  isQuestion: z.boolean(),
});
export type PostAnalysis = z.infer<typeof postAnalysisSchema>;

export const protocol = {
  getBackgroundStatus: defineMessage({
    request: z.object({}),
    response: backgroundStatusSchema,
    senders: ['extension-page', 'content-script'],
  }),
  reportPageState: defineMessage({
    request: pageStateSchema,
    response: z.object({ accepted: z.boolean() }),
    senders: ['content-script'],
  }),
  getTabState: defineMessage({
    request: z.object({ tabId: z.int() }),
    response: z.nullable(tabStateSchema),
    senders: ['extension-page'],
  }),
  analysePosts: defineMessage({
    request: z.object({
      posts: z
        .array(
          z.object({
            postKey: z.string().check(z.minLength(1), z.maxLength(LIMITS.postKey)),
            text: z.string().check(z.maxLength(LIMITS.postTextForAnalysis)),
          }),
        )
        .check(z.maxLength(MAX_POSTS_PER_ANALYSIS)),
    }),
    response: z.object({ results: z.array(postAnalysisSchema) }),
    senders: ['content-script'],
  }),
  /**
   * A batch of interaction events; the answer acknowledges ids stored now or
   * before, and names each event it refused with the reason. Events are
   * checked one at a time by the handler (`splitEventBatch`), not here, so one
   * invalid event never refuses the batch (security review finding 4).
   */
  logEvents: defineMessage({
    request: z.object({
      events: z.array(z.unknown()).check(z.minLength(1), z.maxLength(MAX_BATCH_SIZE)),
    }),
    response: z.object({
      acknowledged: z.array(z.string()),
      added: z.int(),
      duplicates: z.int(),
      rejected: z.array(z.object({ id: z.string(), reason: z.string() })),
    }),
    // Content scripts may only send `post-seen` and `claim-seen` (checked per event by the
    // handler): everything an advisor does is logged by the workspace page.
    senders: ['content-script', 'extension-page'],
  }),
  /** The current case documentation of a post, for the workspace. */
  getCaseNote: defineMessage({
    request: z.object({ postKey: z.string().check(z.maxLength(LIMITS.postKey)) }),
    response: z.nullable(
      z.object({
        outcome: caseOutcomeSchema,
        note: z.string(),
        referredTo: z.nullable(z.string()),
        escalation: z.nullable(escalationKindSchema),
        updatedAt: z.number(),
      }),
    ),
    senders: ['extension-page'],
  }),
  /** Where each post stands (open, reply inserted, documented, not relevant), from the log. */
  getPostStatuses: defineMessage({
    request: z.object({
      postKeys: z
        .array(z.string().check(z.minLength(1), z.maxLength(LIMITS.postKey)))
        .check(z.maxLength(MAX_SNAPSHOT_POSTS)),
    }),
    response: z.object({
      statuses: z.record(z.string().check(z.maxLength(LIMITS.postKey)), postStatusSchema),
    }),
    senders: ['content-script', 'extension-page'],
  }),
  /**
   * The advisor pressed a post's marker while no workspace was connected:
   * open the side panel for this tab (Chrome; Firefox only opens its sidebar
   * from the extension's own buttons) and select the post once it connects.
   */
  openWorkspace: defineMessage({
    request: z.object({
      postKey: z.string().check(z.minLength(1), z.maxLength(LIMITS.postKey)),
      /** The comment whose myth flag was pressed. */
      commentKey: z.optional(commentKeySchema),
    }),
    response: z.object({ opened: z.boolean() }),
    senders: ['content-script'],
  }),
  /** The post the advisor last chose on the page, for a workspace that (re)connects. */
  takeWorkspaceSelection: defineMessage({
    request: z.object({ tabId: z.int() }),
    response: z.object({
      postKey: z.nullable(z.string().check(z.maxLength(LIMITS.postKey))),
      commentKey: z.nullable(commentKeySchema),
    }),
    senders: ['extension-page'],
  }),
  /** The best checked replies per post, rendered for the workspace (lib/suggestions). */
  suggestForPosts: defineMessage({
    request: suggestForPostsRequestSchema,
    response: suggestForPostsResponseSchema,
    senders: ['content-script', 'extension-page'],
  }),
  /**
   * The advisor's search over the whole active pack, for when matching misses
   * or is unsure; hits come rendered like suggestions, all `possible`.
   */
  searchAnswers: defineMessage({
    request: searchAnswersRequestSchema,
    response: searchAnswersResponseSchema,
    senders: ['extension-page'],
  }),
  /**
   * The referral directory of the active packs, filtered by the advisor's
   * federal state and the post's language (packs/FORMAT.md, "Referral directory").
   */
  listReferrals: defineMessage({
    request: listReferralsRequestSchema,
    response: listReferralsResponseSchema,
    senders: ['extension-page'],
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
  /** The correction of one flagged claim, rendered for the workspace. */
  claimCorrection: defineMessage({
    request: claimCorrectionRequestSchema,
    response: claimCorrectionResponseSchema,
    senders: ['extension-page'],
  }),
  /** "Not relevant" or "used" on a suggestion: adjusts its ranking for this advisor. */
  recordSuggestionFeedback: defineMessage({
    request: recordFeedbackRequestSchema,
    /** The answer's ranking adjustment now. */
    response: z.object({ adjustment: z.number() }),
    senders: ['extension-page'],
  }),
  /** The adjusted answers, for the dashboard's settings. */
  getSuggestionFeedback: defineMessage({
    request: z.object({ uiLanguage: z.enum(UI_LANGUAGES) }),
    response: feedbackListSchema,
    senders: ['extension-page'],
  }),
  /** Forgets the feedback on one answer, or all of it; answers the remaining list. */
  resetSuggestionFeedback: defineMessage({
    request: resetFeedbackRequestSchema,
    response: feedbackListSchema,
    senders: ['extension-page'],
  }),
} as const;

export type Protocol = typeof protocol;
export type MessageName = keyof Protocol;
export type RequestOf<Name extends MessageName> = z.infer<Protocol[Name]['request']>;
export type ResponseOf<Name extends MessageName> = z.infer<Protocol[Name]['response']>;

/** The envelope every message travels in. */
export const envelopeSchema = z.object({
  oa: z.literal(1),
  name: z.string().check(z.maxLength(100)),
  payload: z.unknown(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

export function isEnvelope(value: unknown): value is Envelope {
  return envelopeSchema.safeParse(value).success;
}

export const ERROR_CODES = [
  'unknown-message',
  'invalid-payload',
  'forbidden-sender',
  'handler-failed',
  'invalid-response',
] as const;
export type MessageErrorCode = (typeof ERROR_CODES)[number];

export const replySchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }),
  }),
]);
export type Reply = z.infer<typeof replySchema>;

export function isMessageName(name: string): name is MessageName {
  return Object.hasOwn(protocol, name);
}

/** A failed message, thrown on the sending side with the receiver's reason. */
export class MessageError extends Error {
  constructor(
    readonly code: MessageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

/** Formats the first schema problem as `path: message` for error replies. */
export function describeIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
  return `${path}: ${issue.message}`;
}
