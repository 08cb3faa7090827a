/**
 * The dashboard's import client and the worker's server, wired to each other
 * in-process (a real Worker needs the built extension; tests/e2e covers that):
 * progress arrives, a cancel leaves the database as it was, and both sides
 * ignore messages of the wrong shape.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutreachDatabase } from '../db/database';
import { generateEvents } from '../../tests/fixtures/sample-events';
import { exampleExportKeys } from '../../tests/fixtures/example-advisor-keys';
import { createPostKeyKeyer } from '../privacy/post-key';
import { buildLogExport, serialiseLogExport } from './envelope';
import { DEFAULT_INCLUDES } from './export-options';
import type { ImportWorkerLike, ImportRunOptions } from './import-client';
import { startImport } from './import-client';
import { IMPORT_CHUNK_SIZE } from './import-limits';
import type { ImportProgress } from './import-messages';
import type { ImportWorkerPort } from './import-worker';
import { serveImports } from './import-worker';

let db: OutreachDatabase;
beforeEach(() => {
  db = new OutreachDatabase(`import-worker-test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

type Listener = (event: { data: unknown }) => void;

/** A worker whose other end is `serveImports` on this thread; messages hop a macrotask. */
function inProcessWorker(onToWorker?: (message: unknown) => void) {
  const toWorker: Listener[] = [];
  const toPage: Listener[] = [];
  const deliver = (listeners: Listener[], data: unknown) =>
    setTimeout(() => listeners.forEach((listener) => listener({ data })), 0);
  let terminated = false;
  const port: ImportWorkerPort = {
    postMessage: (message) => {
      if (!terminated) deliver(toPage, message);
    },
    addEventListener: (_type, listener) => toWorker.push(listener),
  };
  serveImports(port, () => db);
  const worker: ImportWorkerLike & { sendRaw(data: unknown): void; inject(data: unknown): void } = {
    postMessage: (message) => {
      onToWorker?.(message);
      deliver(toWorker, message);
    },
    addEventListener: ((type: string, listener: Listener) => {
      if (type === 'message') toPage.push(listener);
    }) as ImportWorkerLike['addEventListener'],
    terminate: () => {
      terminated = true;
    },
    sendRaw: (data) => deliver(toWorker, data),
    inject: (data) => deliver(toPage, data),
  };
  return worker;
}

async function exportFile(seed: number, count: number, advisor = `advisor-${seed}`) {
  const envelope = await buildLogExport(generateEvents(count, seed), {
    ...(await exampleExportKeys()),
    advisor,
    includes: { ...DEFAULT_INCLUDES, rawIds: true },
  });
  return new File([serialiseLogExport(envelope)], `${advisor}.json`, {
    type: 'application/json',
  });
}

const OPTIONS: ImportRunOptions = {
  now: Date.UTC(2026, 11, 1),
  retentionCutoff: null,
  storePostText: false,
  trusted: [],
  secret: null,
};

describe('import in a worker', () => {
  it('reports what it read and merged, and the result', async () => {
    const good = await exportFile(1, 300);
    const bad = new File(['{"not": "an export"}'], 'bad.json');
    const progress: ImportProgress[] = [];
    const run = startImport(
      [good, bad],
      OPTIONS,
      (p) => progress.push(p),
      () => inProcessWorker(),
    );
    const outcome = await run.outcome;
    expect(outcome.kind).toBe('done');
    if (outcome.kind !== 'done') return;
    expect(outcome.report).toMatchObject({ added: 300, refused: 1 });
    expect(outcome.report.files.map((file) => file.status)).toEqual(['merged', 'refused']);
    expect(await db.events.count()).toBe(300);
    expect(progress.at(-1)).toMatchObject({
      filesRead: 2,
      files: 2,
      eventsRead: 300,
      merged: 300,
      total: 300,
    });
  });

  it('cancelled after its first chunk, leaves the database as it was', async () => {
    const earlier = await exportFile(2, 50);
    expect(
      (await startImport([earlier], OPTIONS, () => undefined, inProcessWorker).outcome).kind,
    ).toBe('done');
    const before = await db.events.orderBy('id').primaryKeys();
    const imports = await db.imports.toArray();

    const big = await exportFile(3, IMPORT_CHUNK_SIZE * 3);
    let cancelled = false;
    const run = startImport(
      [earlier, big],
      OPTIONS,
      (p) => {
        if (p.merged >= IMPORT_CHUNK_SIZE && !cancelled) {
          cancelled = true;
          run.cancel();
        }
      },
      () => inProcessWorker(),
    );
    expect(await run.outcome).toEqual({ kind: 'cancelled' });
    expect(cancelled).toBe(true);
    expect(await db.events.orderBy('id').primaryKeys()).toEqual(before);
    expect(await db.imports.toArray()).toEqual(imports);
  });

  it('keys fbh: post keys with the installation secret it is given', async () => {
    const secret = new Uint8Array(32).fill(3);
    const envelope = await buildLogExport(
      generateEvents(4, 4).map((event) => ({ ...event, postKey: 'fbh:abc' })),
      {
        ...(await exampleExportKeys()),
        advisor: 'a',
        includes: { ...DEFAULT_INCLUDES, rawIds: true },
      },
    );
    const file = new File([serialiseLogExport(envelope)], 'a.json');
    await startImport([file], { ...OPTIONS, secret }, () => undefined, inProcessWorker).outcome;
    const keys = new Set((await db.events.toArray()).map((event) => event.postKey));
    expect([...keys]).toEqual([await (await createPostKeyKeyer(secret))('fbh:abc')]);
  });

  it('the worker ignores a start message of the wrong shape', async () => {
    const worker = inProcessWorker();
    const replies: unknown[] = [];
    worker.addEventListener('message', (event) => replies.push(event.data));
    worker.sendRaw({ type: 'start', files: ['not a file'], options: {} });
    worker.sendRaw({ type: 'start', files: [], options: { ...OPTIONS, secret: 'short' } });
    worker.sendRaw('start');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(replies).toEqual([]);
    expect(await db.events.count()).toBe(0);
  });

  it('the page ignores worker messages of the wrong shape', async () => {
    let worker: ReturnType<typeof inProcessWorker> | undefined;
    const progress: ImportProgress[] = [];
    const run = startImport(
      [],
      OPTIONS,
      (p) => progress.push(p),
      () => {
        worker = inProcessWorker();
        // Forged or garbled replies arrive before the worker's own.
        worker.inject({ type: 'done', report: { files: 'all', added: -1 } });
        worker.inject({ type: 'progress', merged: 'lots' });
        return worker;
      },
    );
    const outcome = await run.outcome;
    expect(outcome).toEqual({
      kind: 'done',
      report: { files: [], added: 0, duplicates: 0, expired: 0, outOfRange: 0, refused: 0 },
    });
    expect(progress.every((p) => typeof p.merged === 'number')).toBe(true);
  });
});
