/**
 * The answer-pack format, version 1 (docs/PRODUCT.md#answer-packs, packs/FORMAT.md).
 *
 * These schemas are the source of truth: the JSON Schema in `packs/` is
 * generated from them, the CLI and the extension validate with them, and the
 * TypeScript types come from `z.infer`. Structural rules live here; rules
 * that relate several fields (placeholders equal across languages, stale
 * translations, review dates) are checked by the pack validator on top.
 */
import * as z from 'zod';
import { POST_LANGUAGES } from '../domain/languages';
import { LIMITS } from '../domain/limits';
import { GERMAN_STATES, NATIONWIDE } from '../domain/states';
import { ANSWER_TOPICS } from '../domain/topics';
import { compileClaimPattern } from '../matching/claims';
import { linkProblem } from './links';

/*
 * Objects are strict: a misspelt field (`exampels`) is reported instead of
 * being silently dropped, which matters for a format people write by hand.
 * Error messages name the offending value, because the validator prints them
 * next to the path for content editors.
 */

const quote = (value: unknown): string => {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

export const postLanguageSchema = z.enum(POST_LANGUAGES, {
  error: (issue) =>
    `unknown language ${quote(issue.input)}; use one of ${POST_LANGUAGES.join(', ')}`,
});

export const PACK_SCHEMA_VERSION = 1;

/** A calendar date, `YYYY-MM-DD`. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(
    (value) => {
      const parsed = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
    },
    { error: (issue) => `${quote(issue.input)} is not a real date` },
  );

/** An https link; the rules and their reasons are in links.ts. */
export const httpsUrlSchema = z
  .string()
  .max(LIMITS.linkUrl)
  .check((ctx) => {
    const problem = linkProblem(ctx.value, quote(ctx.value));
    if (problem !== null) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  })
  .meta({ format: 'uri', pattern: '^https://\\S+$' });

/** Stable ids: lowercase words joined by hyphens, e.g. `minimum-wage-basics`. */
export const answerIdSchema = z
  .string()
  .max(LIMITS.answerId)
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'ids use lowercase letters, digits and single hyphens, e.g. minimum-wage-basics',
  );

/**
 * `handover` moves a conversation to a private channel without asking for
 * details in public (docs/PRODUCT.md#safe-handover).
 */
export const ANSWER_KINDS = [
  'answer',
  'myth-correction',
  'campaign',
  'referral',
  'handover',
] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

export const REVIEW_STATUSES = ['pending', 'in-review', 'approved', 'withdrawn'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** Placeholder names as they appear in texts: `{city}` → `city`. */
export const placeholderNameSchema = z
  .string()
  .max(LIMITS.placeholderName)
  .regex(/^[a-z][a-zA-Z0-9_]*$/, 'placeholder names start with a lowercase letter');

export const legalReviewSchema = z.strictObject({
  status: z.enum(REVIEW_STATUSES, {
    error: (issue) =>
      `unknown review status ${quote(issue.input)}; use one of ${REVIEW_STATUSES.join(', ')}`,
  }),
  /** Name or role of the reviewing lawyer; null while nobody has reviewed. */
  reviewer: z.string().min(1).max(200).nullable(),
  reviewedAt: isoDateSchema.nullable(),
  /** After this day the answer counts as expired. */
  validUntil: isoDateSchema.nullable(),
  /** Statutes and rulings the answer relies on, e.g. `§ 1 MiLoG`. */
  legalBasis: z.array(z.string().min(1).max(300)).max(30),
  note: z.string().max(2000).optional(),
});
export type LegalReview = z.infer<typeof legalReviewSchema>;

const linkLabelSchema = z.string().min(1).max(LIMITS.linkLabel);

export const answerLinkSchema = z.strictObject({
  url: httpsUrlSchema,
  /** Short label shown with the link, usually the organisation's name; the fallback. */
  label: linkLabelSchema,
  /**
   * The label in other languages (`{ pl: "...", ro: "..." }`). A reply in one
   * of them shows that label, any other reply shows `label`, so posts in
   * Polish do not carry German link text.
   */
  labels: z.partialRecord(postLanguageSchema, linkLabelSchema).optional(),
});
export type AnswerLink = z.infer<typeof answerLinkSchema>;

export const answerTextSchema = z.strictObject({
  title: z.string().min(1).max(LIMITS.title),
  /** The reply itself, plain text; `{name}` marks a placeholder. */
  body: z.string().min(1).max(LIMITS.body),
  /** Extra search terms, including German terms people mix in. */
  keywords: z.array(z.string().min(1).max(LIMITS.keyword)).max(100),
  /** Questions as group members write them; used for matching and `pack test`. */
  examples: z.array(z.string().min(1).max(1000)).max(100),
  /** The canonical text's version this translation was made from. */
  sourceVersion: z.number().int().min(1),
});
export type AnswerText = z.infer<typeof answerTextSchema>;

/**
 * What a claim looks like in one language: the false statement, the
 * patterns that find it in comments (lib/matching/claims.ts), and comments
 * that repeat it, which `pack validate` matches against the patterns.
 */
export const claimTextSchema = z.strictObject({
  statement: z.string().min(1).max(LIMITS.claimStatement),
  patterns: z
    .array(
      z
        .string()
        .min(1)
        .max(LIMITS.claimPattern)
        .check((ctx) => {
          const compiled = compileClaimPattern(ctx.value);
          if (!compiled.ok)
            ctx.issues.push({ code: 'custom', message: compiled.error, input: ctx.value });
        }),
    )
    .min(1)
    .max(LIMITS.claimPatterns),
  examples: z.array(z.string().min(1).max(1000)).min(1).max(LIMITS.claimPatterns),
});
export type ClaimText = z.infer<typeof claimTextSchema>;

/** A false claim a myth-correction answer corrects (packs/FORMAT.md, "Claims"). */
export const claimSchema = z.strictObject({
  /** Stable across versions: statistics count claims by it. */
  id: answerIdSchema,
  texts: z.partialRecord(postLanguageSchema, claimTextSchema),
});
export type Claim = z.infer<typeof claimSchema>;

export const answerSchema = z.strictObject({
  id: answerIdSchema,
  topic: z.enum(ANSWER_TOPICS, {
    error: (issue) => `unknown topic ${quote(issue.input)}; topics are ${ANSWER_TOPICS.join(', ')}`,
  }),
  kind: z.enum(ANSWER_KINDS, {
    error: (issue) => `unknown kind ${quote(issue.input)}; kinds are ${ANSWER_KINDS.join(', ')}`,
  }),
  /** Increases whenever the canonical (German) text changes in substance. */
  canonicalVersion: z.number().int().min(1),
  placeholders: z.array(placeholderNameSchema).max(LIMITS.placeholdersPerAnswer),
  links: z.array(answerLinkSchema).max(LIMITS.linksPerAnswer),
  review: legalReviewSchema,
  texts: z.partialRecord(postLanguageSchema, answerTextSchema),
  /** Myth corrections only: the claims this answer corrects, found in comments. */
  claims: z.array(claimSchema).max(LIMITS.claimsPerAnswer).optional(),
});
export type Answer = z.infer<typeof answerSchema>;

/** What a referral target does (packs/FORMAT.md, "Referral directory"). */
export const REFERRAL_KINDS = [
  'labour-rights',
  'migration',
  'equal-treatment',
  'exploitation',
  'violence',
  'general',
] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];

export const CHANNEL_TYPES = ['phone', 'email', 'web-form', 'in-person'] as const;

export const serviceAreaSchema = z.enum([NATIONWIDE, ...GERMAN_STATES], {
  error: (issue) =>
    `unknown federal state ${quote(issue.input)}; use ISO codes such as DE-NW, DE-BY, or DE for nationwide`,
});

/** A counselling service an advisor can refer to, with where and in which languages it works. */
export const referralTargetSchema = z.strictObject({
  id: answerIdSchema,
  name: z.string().min(1).max(LIMITS.referralName),
  kind: z.enum(REFERRAL_KINDS, {
    error: (issue) => `unknown kind ${quote(issue.input)}; kinds are ${REFERRAL_KINDS.join(', ')}`,
  }),
  /** The page about this service (deep link), https. */
  url: httpsUrlSchema,
  /** How to reach it: at least one channel a public page states. */
  channels: z
    .array(
      z.strictObject({
        type: z.enum(CHANNEL_TYPES, {
          error: (issue) =>
            `unknown channel ${quote(issue.input)}; channels are ${CHANNEL_TYPES.join(', ')}`,
        }),
        value: z.string().min(1).max(LIMITS.referralChannel),
      }),
    )
    .min(1)
    .max(LIMITS.channelsPerReferral),
  /** Federal states served (ISO 3166-2:DE), or `DE` for nationwide. */
  states: z
    .array(serviceAreaSchema)
    .min(1)
    .max(GERMAN_STATES.length + 1),
  city: z.string().min(1).max(LIMITS.referralName).optional(),
  /** Post languages the service counsels in. */
  languages: z.array(postLanguageSchema).min(1),
  /** When an editor last confirmed the facts. */
  lastChecked: isoDateSchema,
  /** Where the facts were confirmed (may equal `url`). */
  source: httpsUrlSchema.optional(),
  note: z.string().max(LIMITS.referralNote).optional(),
});
export type ReferralTarget = z.infer<typeof referralTargetSchema>;

export const packSignatureSchema = z.strictObject({
  /** 2: the signer, time and key are signed too; absent: format 1, content only. */
  format: z.literal(2).optional(),
  algorithm: z.literal('ECDSA-P256-SHA256'),
  /** Fingerprint of the signing public key (SHA-256 of its SPKI, hex). */
  keyId: z.string().regex(/^[0-9a-f]{64}$/),
  /** The public key, SPKI DER in base64, so a verifier can show who signed. */
  publicKey: z.string().min(1).max(1000),
  signer: z.string().min(1).max(LIMITS.signer),
  signedAt: z.string().datetime(),
  /** Base64 signature over the canonical serialisation of the unsigned pack. */
  value: z.string().min(1).max(1000),
});
export type PackSignature = z.infer<typeof packSignatureSchema>;

export const packSchema = z.strictObject({
  $schema: z.string().optional(),
  /** Format version; older files are upgraded by `parsePack` before this schema sees them. */
  schemaVersion: z.literal(PACK_SCHEMA_VERSION),
  /** Reverse-domain id of the pack, stable across versions. */
  id: z
    .string()
    .max(LIMITS.packId)
    .regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'pack ids are lowercase, dot-separated'),
  /** Semantic version of this release, e.g. `2026.11.0`. */
  version: z
    .string()
    .max(LIMITS.packVersion)
    .regex(/^\d+\.\d+\.\d+$/, 'versions look like 2026.11.0'),
  title: z.string().min(1).max(LIMITS.title),
  description: z.string().max(2000),
  publisher: z.strictObject({
    name: z.string().min(1).max(200),
    url: httpsUrlSchema.optional(),
    contact: z.string().max(200).optional(),
  }),
  canonicalLanguage: postLanguageSchema,
  /** Languages the pack promises for every answer. */
  languages: z.array(postLanguageSchema).min(1),
  /** True for content nobody has legally reviewed yet; shown prominently. */
  exampleContent: z.boolean(),
  updatedAt: isoDateSchema,
  /** Where the extension looks for newer versions (optional). */
  updateUrl: httpsUrlSchema.optional(),
  answers: z.array(answerSchema).max(5000),
  /** The referral directory (optional): services to refer to, by state and language. */
  referrals: z.array(referralTargetSchema).max(LIMITS.referralsPerPack).optional(),
  signature: packSignatureSchema.optional(),
});
export type Pack = z.infer<typeof packSchema>;
