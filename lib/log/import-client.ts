/**
 * The dashboard's side of a log import (docs/ARCHITECTURE.md#log-import-worker):
 * starts a dedicated worker, hands it the chosen files and the settings it
 * needs, passes its progress on, and can cancel. Every message from the
 * worker is parsed with `importFromWorkerSchema`; anything else is ignored.
 * The worker ends with the run.
 */
import type { TrustedKey } from './export-signing';
import type { ImportFromWorker, ImportProgress, ImportToWorker } from './import-messages';
import { importFromWorkerSchema, importToWorkerSchema } from './import-messages';
import type { ImportReport } from './merge';

/** The part of `Worker` the client uses (a fake in unit tests). */
export interface ImportWorkerLike {
  postMessage(message: ImportToWorker): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

export type ImportOutcome =
  | { kind: 'done'; report: ImportReport }
  | { kind: 'cancelled' }
  | { kind: 'failed'; code: 'quota' | 'failed'; message: string };

export interface ImportRun {
  outcome: Promise<ImportOutcome>;
  /** Asks the worker to stop and take out what the run wrote; `outcome` then says `cancelled`. */
  cancel(): void;
}

export interface ImportRunOptions {
  now: number;
  retentionCutoff: number | null;
  storePostText: boolean;
  trusted: readonly TrustedKey[];
  /** The installation secret, for keying `fbh:` post keys (docs/ARCHITECTURE.md#keyed-fallback-post-keys). */
  secret: Uint8Array | null;
}

/** The real worker; Vite bundles import.worker.ts from this `new URL(…, import.meta.url)`. */
export function createImportWorker(): ImportWorkerLike {
  return new Worker(new URL('./import.worker.ts', import.meta.url), {
    type: 'module',
    name: 'outreach-advisor-log-import',
  }) as unknown as ImportWorkerLike;
}

const toHex = (bytes: Uint8Array) =>
  [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');

export function startImport(
  files: readonly File[],
  options: ImportRunOptions,
  onProgress: (progress: ImportProgress) => void,
  createWorker: () => ImportWorkerLike = createImportWorker,
): ImportRun {
  const start = importToWorkerSchema.parse({
    type: 'start',
    files: files.map((file) => ({ name: file.name, file })),
    options: {
      now: options.now,
      retentionCutoff: options.retentionCutoff,
      storePostText: options.storePostText,
      trusted: options.trusted.map(({ keyId, signer, publicKey }) => ({
        keyId,
        signer,
        publicKey,
      })),
      secret: options.secret === null ? null : toHex(options.secret),
    },
  } satisfies ImportToWorker);
  const worker = createWorker();
  let settled = false;
  const outcome = new Promise<ImportOutcome>((resolve) => {
    const finish = (result: ImportOutcome) => {
      if (settled) return;
      settled = true;
      worker.terminate();
      resolve(result);
    };
    worker.addEventListener('message', (event) => {
      const parsed = importFromWorkerSchema.safeParse(event.data);
      if (!parsed.success) return;
      const message: ImportFromWorker = parsed.data;
      switch (message.type) {
        case 'progress':
          if (!settled) onProgress(message);
          return;
        case 'done':
          finish({ kind: 'done', report: message.report });
          return;
        case 'cancelled':
          finish({ kind: 'cancelled' });
          return;
        case 'failed':
          finish({ kind: 'failed', code: message.code, message: message.message });
      }
    });
    worker.addEventListener('error', (event) => {
      finish({
        kind: 'failed',
        code: 'failed',
        message: `The import stopped: ${event.message ?? 'the import worker failed'}`,
      });
    });
  });
  worker.postMessage(start);
  return {
    outcome,
    cancel: () => {
      if (!settled) worker.postMessage({ type: 'cancel' });
    },
  };
}
