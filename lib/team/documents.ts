/**
 * The documents an Outreach Advisor team database holds
 * (docs/TEAM-SYNC.md#documents). CouchDB stores them; this module is the one
 * place that says what they look like, for the extension, the CLI and the
 * design document's validation alike.
 *
 * - A **batch** (`<user>:batch:<checksum>`) is one signed log export, byte for
 *   byte, as the attachment `export.json`; the document body repeats a few
 *   facts from it (advisor, period, event count, signer) so a supervisor can
 *   list batches without downloading them. The id is the export's checksum,
 *   so pushing the same export twice finds the document already there.
 * - A **posts** document (`<user>:posts:<checksum>`) lists the team-keyed post
 *   ids the advisor documented in that batch, so colleagues' workspaces can
 *   say "a colleague documented this post" without downloading batches.
 *
 * Documents are created once and never changed: the server refuses updates
 * and deletes by anyone but the database admin (lib/team/design.ts).
 */
import * as z from 'zod/mini';
import type { ReadLogExport } from '../log/envelope';
import { lazySchema } from '../domain/lazy-schema';

export const TEAM_BATCH_TYPE = 'outreach-advisor-batch';
export const TEAM_POSTS_TYPE = 'outreach-advisor-posts';
export const TEAM_DOC_SCHEMA_VERSION = 1;
/** The attachment that holds a batch's export. */
export const BATCH_ATTACHMENT = 'export.json';

/**
 * CouchDB user names the team uses: letters, digits and `._@+-`, starting
 * with a letter or digit, at most 100. Narrower than CouchDB allows, so a
 * name can never contain the `:` that separates the id's parts.
 */
export const TEAM_USER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,99}$/;
export const teamUserSchema = lazySchema(() => z.string().check(z.regex(TEAM_USER_PATTERN)));

/** A post key or group id as a team pseudonym (lib/log/export-signing.ts, `h:` + 128 bits). */
export const TEAM_PSEUDONYM_PATTERN = /^h:[0-9a-f]{32}$/;

const checksumSchema = lazySchema(() => z.string().check(z.regex(/^[0-9a-f]{64}$/)));
const isoOrNull = lazySchema(() => z.nullable(z.iso.datetime()));

/** Most events one batch the extension pushes holds (an export pushed by the CLI may hold more). */
export const MAX_BATCH_EVENTS = 1000;
/** Most posts one posts document lists. */
export const MAX_POSTS_PER_DOC = 5000;

export type TeamDocKind = 'batch' | 'posts';

export function teamDocId(user: string, kind: TeamDocKind, checksum: string): string {
  return `${user}:${kind}:${checksum}`;
}

/** The parts of a team document id, or null for an id that is not one (design documents, strays). */
export function parseTeamDocId(
  id: string,
): { user: string; kind: TeamDocKind; checksum: string } | null {
  const match = /^([^:]+):(batch|posts):([0-9a-f]{64})$/.exec(id);
  const [, user, kind, checksum] = match ?? [];
  if (!user || !kind || !checksum || !TEAM_USER_PATTERN.test(user)) return null;
  return { user, kind: kind as TeamDocKind, checksum };
}

/** What every team document has: CouchDB's id and revision, its version, who pushed it when. */
const docHead = () => ({
  _id: z.string().check(z.maxLength(200)),
  _rev: z.optional(z.string().check(z.maxLength(100))),
  schemaVersion: z.literal(TEAM_DOC_SCHEMA_VERSION),
  /** The CouchDB user who pushed it (the id's prefix). */
  user: teamUserSchema,
  pushedAt: z.iso.datetime(),
});

/** A batch document's body as stored (the attachment stub aside). */
export const batchDocSchema = lazySchema(() =>
  z.object({
    ...docHead(),
    type: z.literal(TEAM_BATCH_TYPE),
    /** The pseudonym the export carries. */
    advisor: z.string().check(z.maxLength(100)),
    checksum: checksumSchema,
    keyId: z.nullable(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
    eventCount: z.int().check(z.gte(0)),
    range: z.object({ from: isoOrNull, to: isoOrNull }),
  }),
);
export type BatchDoc = z.infer<typeof batchDocSchema>;

export const teamPostMarkSchema = lazySchema(() =>
  z.object({
    /** The post key as the team pseudonym (`h:…`), never Facebook's id. */
    key: z.string().check(z.regex(TEAM_PSEUDONYM_PATTERN)),
    /** When the advisor documented it (epoch ms). */
    at: z.int().check(z.gte(0)),
    /** What was documented: a reply went in, or a case note / outcome. */
    kind: z.enum(['replied', 'documented']),
  }),
);
export type TeamPostMark = z.infer<typeof teamPostMarkSchema>;

export const postsDocSchema = lazySchema(() =>
  z.object({
    ...docHead(),
    type: z.literal(TEAM_POSTS_TYPE),
    /** The batch these posts were documented in. */
    batch: z.string().check(z.maxLength(200)),
    posts: z.array(teamPostMarkSchema).check(z.maxLength(MAX_POSTS_PER_DOC)),
  }),
);
export type PostsDoc = z.infer<typeof postsDocSchema>;

/** The facts a batch document repeats from its export. */
export interface BatchFacts {
  advisor: string;
  checksum: string;
  keyId: string | null;
  eventCount: number;
  range: { from: string | null; to: string | null };
}

/** The facts a batch document repeats from `envelope`, its export. */
export function batchFactsOf(envelope: ReadLogExport): BatchFacts {
  return {
    advisor: envelope.advisor,
    checksum: envelope.checksum.value,
    keyId: envelope.signature?.keyId ?? null,
    eventCount: envelope.eventCount,
    range: envelope.range,
  };
}

/**
 * What in a batch document disagrees with the export attached to it, in
 * plain words, or null. The export is what was signed; a body that says
 * otherwise (another advisor, count or period) was written by someone else
 * or changed, and the listing would show the body's claim.
 */
export function batchDisagreement(doc: BatchDoc, envelope: ReadLogExport): string | null {
  const facts = batchFactsOf(envelope);
  if (facts.checksum !== doc.checksum) {
    return 'the export’s checksum is not the one the document names';
  }
  const differs =
    doc.advisor !== facts.advisor ||
    doc.keyId !== facts.keyId ||
    doc.eventCount !== facts.eventCount ||
    doc.range.from !== facts.range.from ||
    doc.range.to !== facts.range.to;
  return differs
    ? 'the document’s advisor, signer, count or period disagrees with its export'
    : null;
}

/** A batch document for `user`, with `exportText` (the export file's exact text) attached. */
export function buildBatchDoc(
  user: string,
  facts: BatchFacts,
  exportText: string,
  pushedAt: string,
): BatchDoc & { _attachments: Record<string, { content_type: string; data: string }> } {
  return {
    _id: teamDocId(user, 'batch', facts.checksum),
    type: TEAM_BATCH_TYPE,
    schemaVersion: TEAM_DOC_SCHEMA_VERSION,
    user,
    advisor: facts.advisor,
    pushedAt,
    checksum: facts.checksum,
    keyId: facts.keyId,
    eventCount: facts.eventCount,
    range: facts.range,
    _attachments: {
      [BATCH_ATTACHMENT]: { content_type: 'application/json', data: utf8ToBase64(exportText) },
    },
  };
}

export function buildPostsDoc(
  user: string,
  batchChecksum: string,
  posts: readonly TeamPostMark[],
  pushedAt: string,
): PostsDoc {
  return {
    _id: teamDocId(user, 'posts', batchChecksum),
    type: TEAM_POSTS_TYPE,
    schemaVersion: TEAM_DOC_SCHEMA_VERSION,
    user,
    pushedAt,
    batch: teamDocId(user, 'batch', batchChecksum),
    posts: [...posts],
  };
}

/** Base64 of the UTF-8 bytes, in chunks (an export can be many megabytes). */
export function utf8ToBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  const CHUNK = 0x8000;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    out += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return btoa(out);
}
