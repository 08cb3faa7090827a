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
 * Adding a message: add an entry here (or, if a content script sends it, in
 * content-protocol.ts), a handler in the background's handler table (the
 * compiler insists), and call it with `sendMessage` (content scripts:
 * lib/messaging/send-content.ts).
 */
import * as z from 'zod/mini';
import {
  claimCorrectionRequestSchema,
  claimCorrectionResponseSchema,
  commentKeySchema,
} from '../claims/messages';
import { caseOutcomeSchema, escalationKindSchema } from '../log/events';
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
import { groupSpikesRequestSchema, groupSpikesResponseSchema } from '../log/group-spikes';
import { listReferralsRequestSchema, listReferralsResponseSchema } from '../referrals/messages';
import { LIMITS } from '../domain/limits';
import {
  colleagueMarksRequestSchema,
  colleagueMarksResponseSchema,
  teamShareResponseSchema,
  teamShareStatusSchema,
} from '../team/messages';
import { contentProtocol, pageStateSchema } from './content-protocol';
import { defineMessage, type SenderKind } from './envelope';

export * from './envelope';
export * from './content-protocol';

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

export const protocol = {
  ...contentProtocol,
  getBackgroundStatus: defineMessage({
    request: z.object({}),
    response: backgroundStatusSchema,
    senders: ['extension-page', 'content-script'],
  }),
  getTabState: defineMessage({
    request: z.object({ tabId: z.int() }),
    response: z.nullable(tabStateSchema),
    senders: ['extension-page'],
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
    senders: ['extension-page'],
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
  /** Spikes of questions in a group this week or last, for the workspace's hint. */
  getGroupSpikes: defineMessage({
    request: groupSpikesRequestSchema,
    response: groupSpikesResponseSchema,
    senders: ['extension-page'],
  }),
  /** Shares own events with the team database now (docs/TEAM-SYNC.md#advisors-push). */
  teamShareNow: defineMessage({
    request: z.object({}),
    response: teamShareResponseSchema,
    senders: ['extension-page'],
  }),
  /** How many own events the team database has not confirmed, for the popup's line. */
  getTeamShareStatus: defineMessage({
    request: z.object({}),
    response: teamShareStatusSchema,
    senders: ['extension-page'],
  }),
  /** Colleagues who documented these posts (docs/TEAM-SYNC.md#colleagues). */
  getColleagueMarks: defineMessage({
    request: colleagueMarksRequestSchema,
    response: colleagueMarksResponseSchema,
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
} as const satisfies Record<string, { senders: readonly SenderKind[] }>;

export type Protocol = typeof protocol;
export type MessageName = keyof Protocol;
export type RequestOf<Name extends MessageName> = z.infer<Protocol[Name]['request']>;
export type ResponseOf<Name extends MessageName> = z.infer<Protocol[Name]['response']>;

export function isMessageName(name: string): name is MessageName {
  return Object.hasOwn(protocol, name);
}
