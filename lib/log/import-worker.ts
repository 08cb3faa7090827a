/**
 * The log-import worker's side (docs/ARCHITECTURE.md#log-import-worker): one
 * run per `start` message, reading the chosen files, verifying and merging
 * them with `importLogExports` on this thread, so the dashboard's never
 * blocks. Progress goes back after every file read and every chunk merged;
 * `cancel` aborts the run, which takes out everything it wrote before the
 * worker answers `cancelled`. Messages that do not parse are ignored.
 *
 * The port is the worker's global scope in the extension (import.worker.ts)
 * and a MessagePort in tests.
 */
import type { OutreachDatabase } from '../db/database';
import { createPostKeyKeyer } from '../privacy/post-key';
import type { ImportFromWorker, ImportStartMessage } from './import-messages';
import { importToWorkerSchema } from './import-messages';
import { LogExportError } from './envelope';
import type { ImportFile, ImportReport } from './merge';
import { checkImportSize, ImportCancelledError, importLogExports } from './merge';
import { toLogStorageError } from './store';

export interface ImportWorkerPort {
  postMessage(message: ImportFromWorker): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

/** Progress messages at most this often (ms), plus the first and the last. */
const PROGRESS_INTERVAL_MS = 100;

function secretBytes(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i += 1)
    bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

async function run(
  db: OutreachDatabase,
  start: ImportStartMessage,
  signal: AbortSignal,
  post: (message: ImportFromWorker) => void,
): Promise<void> {
  const { options } = start;
  const state = { filesRead: 0, files: start.files.length, eventsRead: 0, merged: 0, total: 0 };
  let lastSent = 0;
  const send = (force = false) => {
    const now = Date.now();
    if (!force && now - lastSent < PROGRESS_INTERVAL_MS) return;
    lastSent = now;
    post({ type: 'progress', ...state });
  };
  send(true);
  // Sizes first: a file over the limit is never read into memory.
  const tooLarge: ImportReport['files'] = [];
  const loaded: ImportFile[] = [];
  for (const { name, file } of start.files) {
    if (signal.aborted) throw new ImportCancelledError();
    try {
      checkImportSize(file.size);
    } catch (error) {
      if (!(error instanceof LogExportError)) throw error;
      tooLarge.push({ fileName: name, status: 'refused', reason: error.message, code: error.code });
      continue;
    }
    loaded.push({ name, text: await file.text() });
  }
  const report = await importLogExports(db, loaded, {
    now: options.now,
    retentionCutoff: options.retentionCutoff,
    storePostText: options.storePostText,
    trusted: options.trusted,
    keyPostKey:
      options.secret === null ? undefined : await createPostKeyKeyer(secretBytes(options.secret)),
    signal,
    onRead: ({ files, events }) => {
      state.filesRead = files + tooLarge.length;
      state.eventsRead = events;
      send(true);
    },
    onProgress: (done, total) => {
      state.merged = done;
      state.total = total;
      send(done === total);
    },
  });
  post({
    type: 'done',
    report: {
      ...report,
      files: [...tooLarge, ...report.files],
      refused: report.refused + tooLarge.length,
    },
  });
}

/** Serves import runs on `port`, one at a time, against the database `openDatabase` gives. */
export function serveImports(port: ImportWorkerPort, openDatabase: () => OutreachDatabase): void {
  let current: AbortController | null = null;
  port.addEventListener('message', (event) => {
    const parsed = importToWorkerSchema.safeParse(event.data);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'cancel') {
      current?.abort();
      return;
    }
    if (current !== null) return; // one run at a time; the dashboard waits for the answer
    const controller = new AbortController();
    current = controller;
    run(openDatabase(), message, controller.signal, (reply) => port.postMessage(reply))
      .catch((error: unknown) => {
        if (error instanceof ImportCancelledError) {
          port.postMessage({ type: 'cancelled' });
          return;
        }
        const failure = toLogStorageError(error);
        port.postMessage({ type: 'failed', code: failure.code, message: failure.message });
      })
      .finally(() => {
        current = null;
      });
  });
}
