/**
 * The claim messages' shapes (lib/messaging/protocol.ts,
 * docs/PRODUCT.md#misinformation-in-comments): the content script asks which
 * comments repeat a known claim; the workspace asks for the correction of one.
 * Same limits as the pack format and the log; `zod/mini`, like every message.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema';
import { POST_LANGUAGES, UI_LANGUAGES } from '../domain/languages';
import { LIMITS } from '../domain/limits';
import { suggestionPayloadSchema } from '../suggestions/schema';

const text = (max: number) => z.string().check(z.maxLength(max));
export const commentKeySchema = lazySchema(() =>
  z.string().check(z.minLength(1), z.maxLength(LIMITS.commentKey)),
);

export const matchClaimsRequestSchema = lazySchema(() =>
  z.object({
    /** The post's language: its patterns are tried first. */
    postLanguage: z.optional(z.enum(POST_LANGUAGES)),
    comments: z
      .array(z.object({ commentKey: commentKeySchema, text: text(LIMITS.commentText) }))
      .check(z.minLength(1), z.maxLength(LIMITS.commentsPerRequest)),
  }),
);
export type MatchClaimsRequest = z.infer<typeof matchClaimsRequestSchema>;

export const claimMatchSchema = lazySchema(() =>
  z.object({
    commentKey: commentKeySchema,
    claimId: text(LIMITS.answerId),
    packId: text(LIMITS.packId),
    answerId: text(LIMITS.answerId),
    /** The language whose pattern found the claim: the correction's language. */
    language: z.enum(POST_LANGUAGES),
  }),
);
export type ClaimMatch = z.infer<typeof claimMatchSchema>;

export const matchClaimsResponseSchema = lazySchema(() =>
  z.object({
    matches: z.array(claimMatchSchema).check(z.maxLength(LIMITS.commentsPerRequest * 3)),
  }),
);
export type MatchClaimsResponse = z.infer<typeof matchClaimsResponseSchema>;

export const claimCorrectionRequestSchema = lazySchema(() =>
  z.object({
    packId: text(LIMITS.packId),
    answerId: text(LIMITS.answerId),
    claimId: text(LIMITS.answerId),
    language: z.enum(POST_LANGUAGES),
    uiLanguage: z.enum(UI_LANGUAGES),
  }),
);
export type ClaimCorrectionRequest = z.infer<typeof claimCorrectionRequestSchema>;

export const claimCorrectionResponseSchema = lazySchema(() =>
  z.object({
    /** The myth correction, rendered like a suggestion; null when the pack no longer has it. */
    suggestion: z.nullable(suggestionPayloadSchema),
    /** What the claim says, in the advisor's UI language (or the pack's canonical one). */
    statement: z.nullable(text(LIMITS.claimStatement)),
  }),
);
export type ClaimCorrectionResponse = z.infer<typeof claimCorrectionResponseSchema>;
