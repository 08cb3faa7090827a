/**
 * Team sync benchmarks (issue 19), against the in-process CouchDB-compatible
 * test server (tests/support/couch-test-server.ts) over real HTTP on
 * 127.0.0.1:
 * - push: 50,000 events as 50 signed batches of 1,000, each looked up and
 *   created through lib/team/couch-client.ts as the extension and the CLI
 *   do (existingIds, then createDocs with the export attached);
 * - pull: the changes feed, the batch documents and every `export.json`,
 *   each read and verified against the trusted key (readLogExport);
 * - the bundle cost of the client (esbuild, minified, gzip -9), with zod
 *   counted and without it (the background already loads zod/mini).
 *
 * - the extension's own paths end to end: `shareTeamRecords` reading 50,000
 *   own events from IndexedDB, batching, signing, the outbox and the
 *   confirmation; `pullTeam` checking every batch and merging the events
 *   into the supervisor's IndexedDB. IndexedDB is fake-indexeddb in Node,
 *   slower than a browser's, so these are upper bounds.
 *
 * Times and peak memory are of this process, which also runs the server,
 * so they are an upper bound for the client side. Building the exports
 * (signing) is reported apart: in the extension it is the export's cost.
 */
import 'fake-indexeddb/auto';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { startCouchTestServer } from '../tests/support/couch-test-server';
import { generateEvents } from '../tests/fixtures/sample-events';
import { buildLogExport, readLogExport, serialiseLogExport } from '../lib/log/envelope';
import { DEFAULT_INCLUDES } from '../lib/log/export-options';
import { createExportSigningKey, toPublicKeyFile } from '../lib/log/export-signing';
import { CouchClient } from '../lib/team/couch-client';
import { setupTeamDatabase } from '../lib/team/design';
import type { BatchFacts } from '../lib/team/documents';
import { BATCH_ATTACHMENT, buildBatchDoc, parseTeamDocId } from '../lib/team/documents';
import { createTeamSecret, teamPseudonymiser } from '../lib/team/team-key';
import { OutreachDatabase } from '../lib/db/database';
import type { LogEvent } from '../lib/log/events';
import { connectTeam } from '../lib/team/connection';
import { pullTeam } from '../lib/team/pull';
import { shareTeamRecords } from '../lib/team/push';
import { encodeConnectionCode } from '../lib/team/team-key';
import type { BenchSuite } from './types';

const BATCHES = 50;
const PER_BATCH = 1000;
const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const mb = (bytes: number) => round(bytes / 1024 / 1024);

/** Runs `task` while sampling memory; returns its time and the peaks above the start. */
async function measure<T>(task: () => Promise<T>) {
  globalThis.gc?.();
  const start = process.memoryUsage();
  let rss = start.rss;
  let heap = start.heapUsed + start.arrayBuffers;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    rss = Math.max(rss, now.rss);
    heap = Math.max(heap, now.heapUsed + now.arrayBuffers);
  }, 10);
  const began = performance.now();
  const result = await task();
  const ms = Math.round(performance.now() - began);
  clearInterval(timer);
  const end = process.memoryUsage();
  rss = Math.max(rss, end.rss);
  heap = Math.max(heap, end.heapUsed + end.arrayBuffers);
  return {
    ms,
    peakRssMb: mb(rss - start.rss),
    peakHeapMb: mb(heap - start.heapUsed - start.arrayBuffers),
    result,
  };
}

async function bundleCost(external: string[]) {
  const output = await build({
    entryPoints: [resolve(import.meta.dirname, '../lib/team/couch-client.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    external,
    logLevel: 'silent',
  });
  const code = output.outputFiles[0]?.contents ?? new Uint8Array();
  return { rawBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

const bench: BenchSuite = async ({ log }) => {
  const server = await startCouchTestServer();
  let extension: Record<string, unknown> = {};
  try {
    const dbUrl = server.databaseUrl('bench-team');
    await setupTeamDatabase(new CouchClient(dbUrl, server.admin));
    await server.addUser('anna', 'anna-pw', ['advisor']);
    await server.addUser('sam', 'sam-pw', ['supervisor']);
    const anna = new CouchClient(dbUrl, { username: 'anna', password: 'anna-pw' });
    const sam = new CouchClient(dbUrl, { username: 'sam', password: 'sam-pw' });

    const signingKey = await createExportSigningKey('bench advisor');
    const trusted = [toPublicKeyFile(signingKey)];
    const events = generateEvents(BATCHES * PER_BATCH, 19);
    const pseudonymise = await teamPseudonymiser(createTeamSecret());
    const built = await measure(async () => {
      const exports: { text: string; facts: BatchFacts }[] = [];
      for (let batch = 0; batch < BATCHES; batch += 1) {
        const envelope = await buildLogExport(
          events.slice(batch * PER_BATCH, (batch + 1) * PER_BATCH),
          { advisor: 'bench', includes: DEFAULT_INCLUDES, signingKey, pseudonymise },
        );
        exports.push({
          text: serialiseLogExport(envelope),
          facts: {
            advisor: envelope.advisor,
            checksum: envelope.checksum.value,
            keyId: envelope.signature.keyId,
            eventCount: envelope.eventCount,
            range: envelope.range,
          },
        });
      }
      return exports;
    });
    const exports = built.result;
    const totalMb = mb(exports.reduce((sum, entry) => sum + entry.text.length, 0));
    log(`build + sign ${BATCHES} exports of ${PER_BATCH} events (${totalMb} MB): ${built.ms} ms`);

    // As the extension pushes: look the batch up, create it if missing.
    const push = await measure(async () => {
      let created = 0;
      for (const { text, facts } of exports) {
        const doc = buildBatchDoc('anna', facts, text, new Date().toISOString());
        if ((await anna.existingIds([doc._id])).has(doc._id)) continue;
        const [result] = await anna.createDocs([doc]);
        if (result?.status === 'ok') created += 1;
      }
      return created;
    });
    log(
      `push ${BATCHES * PER_BATCH} events as ${push.result} batches: ${push.ms} ms, peak RSS +${push.peakRssMb} MB, heap +${push.peakHeapMb} MB`,
    );

    const pull = await measure(async () => {
      const ids: string[] = [];
      let since: string | number | null = null;
      for (;;) {
        const page: Awaited<ReturnType<CouchClient['changes']>> = await sam.changes(since, 1000);
        if (page.results.length === 0) break;
        for (const change of page.results) {
          if (parseTeamDocId(change.id)?.kind === 'batch' && !change.deleted) ids.push(change.id);
        }
        since = page.lastSeq;
      }
      const docs = await sam.getDocs(ids);
      let verified = 0;
      let eventsRead = 0;
      for (const [index, id] of ids.entries()) {
        if (!docs[index]) continue;
        const text = await sam.getAttachmentText(id, BATCH_ATTACHMENT);
        const read = await readLogExport(text, trusted);
        if (read.verification.status === 'verified') verified += 1;
        eventsRead += read.envelope.events.length;
      }
      return { batches: ids.length, verified, eventsRead };
    });
    log(
      `pull ${pull.result.batches} batches (${pull.result.eventsRead} events, ${pull.result.verified} verified): ${pull.ms} ms, peak RSS +${pull.peakRssMb} MB, heap +${pull.peakHeapMb} MB`,
    );

    // The extension's paths, on a second database of the same server.
    const teamUrl = server.databaseUrl('bench-team-extension');
    await setupTeamDatabase(new CouchClient(teamUrl, server.admin));
    const code = encodeConnectionCode(teamUrl, createTeamSecret());
    const advisorDb = new OutreachDatabase(`bench-team-advisor-${Date.now()}`);
    const supervisorDb = new OutreachDatabase(`bench-team-supervisor-${Date.now()}`);
    try {
      const connection = await connectTeam(advisorDb, { code, user: 'anna', password: 'anna-pw' });
      await advisorDb.events.bulkAdd(
        events.map((event) => ({ ...event, source: 'local' }) as LogEvent),
      );
      const annaHere = new CouchClient(teamUrl, { username: 'anna', password: 'anna-pw' });
      const samHere = new CouchClient(teamUrl, { username: 'sam', password: 'sam-pw' });
      const share = await measure(() =>
        shareTeamRecords(advisorDb, {
          server: annaHere,
          user: 'anna',
          secret: connection.secret,
          advisor: 'bench',
          signingKey,
          maxBatches: BATCHES + 1,
        }),
      );
      log(
        `extension share (IndexedDB → ${share.result.batches} signed batches → server): ${share.result.sharedEvents} events in ${share.ms} ms, peak RSS +${share.peakRssMb} MB, heap +${share.peakHeapMb} MB`,
      );
      await connectTeam(supervisorDb, { code, user: 'sam', password: 'sam-pw' });
      const fetched = await measure(() =>
        pullTeam(supervisorDb, {
          trusted,
          server: samHere,
          // The sample events span half a year; a retention long enough to keep them all.
          retentionDays: 3650,
          storePostText: false,
        }),
      );
      const counted = fetched.result.batches.filter((batch) => batch.status === 'counted').length;
      log(
        `extension fetch (check ${fetched.result.batches.length} batches, merge into IndexedDB): ${fetched.result.added} events, ${counted} counted, in ${fetched.ms} ms, peak RSS +${fetched.peakRssMb} MB, heap +${fetched.peakHeapMb} MB`,
      );
      extension = {
        share: {
          ms: share.ms,
          peakRssMb: share.peakRssMb,
          peakHeapMb: share.peakHeapMb,
          ...share.result,
        },
        fetch: {
          ms: fetched.ms,
          peakRssMb: fetched.peakRssMb,
          peakHeapMb: fetched.peakHeapMb,
          added: fetched.result.added,
          counted,
        },
      };
    } finally {
      await advisorDb.delete();
      await supervisorDb.delete();
    }

    const withZod = await bundleCost([]);
    const withoutZod = await bundleCost(['zod', 'zod/*']);
    log(
      `lib/team/couch-client.ts bundled, minified: ${(withZod.gzipBytes / 1024).toFixed(1)} KB gzipped with zod/mini, ${(withoutZod.gzipBytes / 1024).toFixed(1)} KB without (raw ${(withoutZod.rawBytes / 1024).toFixed(1)} KB)`,
    );

    return {
      events: BATCHES * PER_BATCH,
      batches: BATCHES,
      exportsMb: totalMb,
      buildMs: built.ms,
      push: {
        ms: push.ms,
        peakRssMb: push.peakRssMb,
        peakHeapMb: push.peakHeapMb,
        created: push.result,
      },
      pull: { ms: pull.ms, peakRssMb: pull.peakRssMb, peakHeapMb: pull.peakHeapMb, ...pull.result },
      clientBundle: { withZod, withoutZod },
      extension,
    };
  } finally {
    await server.stop();
  }
};

export default bench;
