/**
 * The channel between the advisor's workspace (the extension page in the
 * browser's side panel, components/workspace) and the content script of the
 * tab it is bound to (docs/ARCHITECTURE.md#workspace).
 *
 * The workspace opens a port with `tabs.connect(tabId, { name: WORKSPACE_PORT })`.
 * Only extension contexts can open a port to a content script, so a page
 * script can neither read this channel nor speak on it. Both sides still
 * parse every message with these schemas and drop what does not fit.
 *
 * Content script → workspace: a full `snapshot` of the recognised posts
 * (debounced, after every change), `select` when the advisor pressed a
 * post's marker button or a comment's myth flag, and `result` for each command.
 * Workspace → content script: `focus` (scroll to the post and highlight it),
 * `insert` (put a reply into that post's comment box, or into a comment's
 * reply box), `statuses` (what
 * the markers should show). Commands carry a `requestId`; the answer is a
 * `result` with the same id.
 *
 * Post text and the author's name travel here because the workspace is a
 * private extension page; neither ever goes into the page's DOM.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema';
import { commentKeySchema } from '../claims/messages';
import { POST_LANGUAGES } from '../domain/languages';
import { LIMITS } from '../domain/limits';

export const WORKSPACE_PORT = 'oa-workspace';
/** Posts a snapshot carries at most (a long scrolled feed keeps the newest). */
export const MAX_SNAPSHOT_POSTS = 300;

const postKeySchema = lazySchema(() =>
  z.string().check(z.minLength(1), z.maxLength(LIMITS.postKey)),
);
const requestIdSchema = lazySchema(() => z.int().check(z.gte(0)));

/** Where a post stands in the advisor's work (derived from the log). */
export const POST_STATUSES = ['open', 'reply-inserted', 'documented', 'not-relevant'] as const;
export const postStatusSchema = lazySchema(() => z.enum(POST_STATUSES));
export type PostStatus = z.infer<typeof postStatusSchema>;

/** Comments a post holds at most in a snapshot's `claims`. */
export const MAX_FLAGGED_COMMENTS = 20;

/** A comment under the post that repeats a known claim (docs/PRODUCT.md#misinformation-in-comments). */
export const flaggedCommentSchema = lazySchema(() =>
  z.object({
    commentKey: commentKeySchema,
    claimId: z.string().check(z.maxLength(LIMITS.answerId)),
    packId: z.string().check(z.maxLength(LIMITS.packId)),
    answerId: z.string().check(z.maxLength(LIMITS.answerId)),
    /** The language of the pattern that found it: the correction's language. */
    language: z.enum(POST_LANGUAGES),
    /** The comment's text, for the advisor to read before replying; never logged. */
    text: z.string().check(z.maxLength(LIMITS.commentText)),
    /** The comment is in the page right now (a reply can be inserted). */
    onPage: z.boolean(),
    /** An advisor answered it with the correction already (this log). */
    corrected: z.boolean(),
  }),
);
export type FlaggedComment = z.infer<typeof flaggedCommentSchema>;

export const workspacePostSchema = lazySchema(() =>
  z.object({
    postKey: postKeySchema,
    groupId: z.nullable(z.string().check(z.maxLength(LIMITS.groupId))),
    groupName: z.nullable(z.string().check(z.maxLength(LIMITS.groupName))),
    /** Display name in clear, for the log's keyed hash only; never shown in exports. */
    authorName: z.nullable(z.string().check(z.maxLength(LIMITS.authorName))),
    anonymous: z.boolean(),
    text: z.string().check(z.maxLength(LIMITS.postTextForAnalysis)),
    truncated: z.boolean(),
    /** As the page shows it ("3 h"); the log turns it into a time. */
    timeLabel: z.nullable(z.string().check(z.maxLength(200))),
    /** Null until the background's analysis arrived. */
    analysis: z.nullable(
      z.object({
        language: z.enum([...POST_LANGUAGES, 'und']),
        confidence: z.number().check(z.gte(0), z.lte(1)),
        isQuestion: z.boolean(),
      }),
    ),
    /** Page order (0 = top of the feed). */
    order: z.int().check(z.gte(0)),
    /** The post's root is in the page right now (not scrolled out of a virtual list). */
    onPage: z.boolean(),
    /** Comments repeating a known claim, in page order. */
    claims: z.array(flaggedCommentSchema).check(z.maxLength(MAX_FLAGGED_COMMENTS)),
  }),
);
export type WorkspacePost = z.infer<typeof workspacePostSchema>;

export const workspacePageSchema = lazySchema(() =>
  z.object({
    url: z.string().check(z.maxLength(LIMITS.pageUrl)),
    kind: z.enum(['group-feed', 'group-post', 'other']),
    groupId: z.nullable(z.string().check(z.maxLength(LIMITS.groupId))),
    groupName: z.nullable(z.string().check(z.maxLength(LIMITS.groupName))),
    /** False when the settings exclude this group: no posts are listed. */
    included: z.boolean(),
  }),
);
export type WorkspacePage = z.infer<typeof workspacePageSchema>;

/** How a reply reached the comment box, or why it did not. */
export const insertOutcomeSchema = lazySchema(() =>
  z.union([
    z.object({
      status: z.literal('inserted'),
      method: z.enum(['paste', 'insert-text', 'before-input']),
    }),
    z.object({ status: z.literal('copied'), reason: z.enum(['no-comment-box', 'not-verified']) }),
    z.object({ status: z.literal('failed'), reason: z.string().check(z.maxLength(200)) }),
  ]),
);
export type InsertOutcome = z.infer<typeof insertOutcomeSchema>;

export const contentToWorkspaceSchema = lazySchema(() =>
  z.discriminatedUnion('type', [
    z.object({
      type: z.literal('snapshot'),
      page: workspacePageSchema,
      posts: z.array(workspacePostSchema).check(z.maxLength(MAX_SNAPSHOT_POSTS)),
    }),
    /** The advisor pressed this post's marker button, or a comment's flag (a trusted click). */
    z.object({
      type: z.literal('select'),
      postKey: postKeySchema,
      commentKey: z.optional(commentKeySchema),
    }),
    z.object({
      type: z.literal('result'),
      requestId: requestIdSchema,
      result: z.union([
        z.object({ command: z.literal('focus'), found: z.boolean() }),
        z.object({ command: z.literal('insert'), outcome: insertOutcomeSchema }),
      ]),
    }),
  ]),
);
export type ContentToWorkspace = z.infer<typeof contentToWorkspaceSchema>;

export const workspaceToContentSchema = lazySchema(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('focus'), requestId: requestIdSchema, postKey: postKeySchema }),
    z.object({
      type: z.literal('insert'),
      requestId: requestIdSchema,
      postKey: postKeySchema,
      /** A comment under the post: the text goes into that comment's reply box. */
      commentKey: z.optional(commentKeySchema),
      text: z.string().check(z.minLength(1), z.maxLength(LIMITS.body)),
    }),
    /** The advisor answered this comment with the correction: its flag says so. */
    z.object({
      type: z.literal('corrected'),
      postKey: postKeySchema,
      commentKey: commentKeySchema,
    }),
    /** Statuses changed (the workspace logged something): the markers show them. */
    z.object({
      type: z.literal('statuses'),
      statuses: z.record(postKeySchema, postStatusSchema),
    }),
  ]),
);
export type WorkspaceToContent = z.infer<typeof workspaceToContentSchema>;
