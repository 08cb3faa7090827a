/**
 * Messages between the dashboard and the log-import worker
 * (docs/ARCHITECTURE.md#log-import-worker). Both sides parse what they
 * receive with these schemas and ignore anything else, so a message of the
 * wrong shape can neither start an import nor be shown as a result.
 *
 * The dashboard sends the chosen `File`s themselves (a File is a handle, not
 * its bytes, so nothing large is copied), and the worker reads them.
 */
import * as z from 'zod/mini';

const count = z.int().check(z.nonnegative());

const blobSchema = z.custom<Blob>((value) => typeof Blob !== 'undefined' && value instanceof Blob);

export const trustedKeySchema = z.object({
  keyId: z.string().check(z.maxLength(200)),
  signer: z.string().check(z.maxLength(1000)),
  publicKey: z.string().check(z.maxLength(10_000)),
});

export const importStartSchema = z.object({
  type: z.literal('start'),
  files: z.array(z.object({ name: z.string().check(z.maxLength(1000)), file: blobSchema })),
  options: z.object({
    now: z.number(),
    retentionCutoff: z.nullable(z.number()),
    storePostText: z.boolean(),
    trusted: z.array(trustedKeySchema),
    /** The installation secret (hex), for keying `fbh:` post keys; the worker is this extension's. */
    secret: z.nullable(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
  }),
});
export type ImportStartMessage = z.infer<typeof importStartSchema>;

export const importToWorkerSchema = z.discriminatedUnion('type', [
  importStartSchema,
  z.object({ type: z.literal('cancel') }),
]);
export type ImportToWorker = z.infer<typeof importToWorkerSchema>;

const verificationSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('verified'),
    keyId: z.string(),
    signer: z.string(),
    trustedAs: z.string(),
  }),
  z.object({ status: z.literal('unknown-signer'), keyId: z.string(), signer: z.string() }),
  z.object({ status: z.literal('unverified') }),
]);

export const importFileReportSchema = z.discriminatedUnion('status', [
  z.object({
    fileName: z.string(),
    status: z.literal('merged'),
    advisor: z.string(),
    verification: verificationSchema,
    eventCount: count,
    added: count,
    duplicates: count,
    expired: count,
    outOfRange: count,
    from: z.nullable(z.string()),
    to: z.nullable(z.string()),
  }),
  z.object({
    fileName: z.string(),
    status: z.literal('refused'),
    reason: z.string(),
    code: z.enum([
      'not-json',
      'not-an-export',
      'unsupported-version',
      'invalid',
      'tampered',
      'bad-signature',
      'too-large',
    ]),
  }),
]);

export const importReportSchema = z.object({
  files: z.array(importFileReportSchema),
  added: count,
  duplicates: count,
  expired: count,
  outOfRange: count,
  refused: count,
});

export const importProgressSchema = z.object({
  type: z.literal('progress'),
  /** Files read and verified so far, of `files`. */
  filesRead: count,
  files: count,
  /** Events in the files read so far. */
  eventsRead: count,
  /** Events merged so far, of `total` (all events of the files that passed). */
  merged: count,
  total: count,
});
export type ImportProgress = z.infer<typeof importProgressSchema>;

export const importFromWorkerSchema = z.discriminatedUnion('type', [
  importProgressSchema,
  z.object({ type: z.literal('done'), report: importReportSchema }),
  /** Cancelled; whatever the run had written has been taken out again. */
  z.object({ type: z.literal('cancelled') }),
  z.object({
    type: z.literal('failed'),
    code: z.enum(['quota', 'failed']),
    message: z.string(),
  }),
]);
export type ImportFromWorker = z.infer<typeof importFromWorkerSchema>;
