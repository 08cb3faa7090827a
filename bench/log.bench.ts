/**
 * Interaction log benchmarks (issue 7):
 * - logging round trip from a content-script sender: in a real Chromium with
 *   the test build (a content script's isolated world sends `logEvents` to
 *   the service worker, which validates and stores in IndexedDB), and
 *   in-process (queue → protocol validation → store on fake-indexeddb) as a
 *   baseline that runs everywhere;
 * - storing 10,000 events in batches of 50 (fake-indexeddb in Node);
 * - exporting 100,000 events to CSV, JSON and XLSX, with peak memory;
 * - statistics over 100,000 events;
 * - merging one signed 200,000-event export (issue 15): read and verify,
 *   then the chunked write, with peak memory and the longest stretch the
 *   event loop was blocked (a stand-in for the dashboard's long tasks).
 *   `LOG_BENCH_PART=merge npm run bench -- log` runs only this part;
 * - the same 200,000-event merge as the dashboard runs it since issue 15: in
 *   the import worker of the built test extension in Chromium, on real
 *   IndexedDB, with the time to the report, the peak resident memory of the
 *   browser's processes and the dashboard's long tasks meanwhile.
 *   `LOG_BENCH_PART=merge-chromium npm run bench -- log` runs only this part.
 */
import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createLogQueue } from '../lib/content/log-queue';
import { OutreachDatabase } from '../lib/db/database';
import { buildLogExport, serialiseLogExport } from '../lib/log/envelope';
import { exportCsv } from '../lib/log/export-csv';
import { DEFAULT_INCLUDES } from '../lib/log/export-options';
import { splitEventBatch } from '../lib/log/events';
import { exportXlsx } from '../lib/log/export-xlsx';
import { readLogExport } from '../lib/log/envelope';
import { toPublicKeyFile } from '../lib/log/export-signing';
import { importLogExports } from '../lib/log/merge';
import { exampleExportKeys } from '../tests/fixtures/example-advisor-keys';
import { generateEvents, sampleEvent } from '../tests/fixtures/sample-events';
import { computeStatistics } from '../lib/log/stats';
import { storeEvents } from '../lib/log/store';
import type { Handlers } from '../lib/messaging/receive';
import { receiveMessage } from '../lib/messaging/receive';
import { buildEnvelope } from '../lib/messaging/envelope';
import { readReply } from '../lib/messaging/send';
import type { BenchSuite } from './types';
import { percentile } from './types';

const round = (value: number, digits = 2) => Number(value.toFixed(digits));
const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);

/** Runs `task` while sampling memory; returns its time and the peak above the start. */
async function measure<T>(
  task: () => Promise<T>,
): Promise<{ ms: number; peakMb: number; result: T }> {
  globalThis.gc?.();
  const start = process.memoryUsage();
  let peak = start.rss;
  let peakHeap = start.heapUsed;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    peak = Math.max(peak, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed + now.arrayBuffers);
  }, 10);
  const began = performance.now();
  const result = await task();
  const ms = performance.now() - began;
  clearInterval(timer);
  const end = process.memoryUsage();
  peak = Math.max(peak, end.rss);
  peakHeap = Math.max(peakHeap, end.heapUsed + end.arrayBuffers);
  return {
    ms,
    peakMb: mb(Math.max(peak - start.rss, peakHeap - start.heapUsed - start.arrayBuffers)),
    result,
  };
}

/** Longest gap between ticks of a 5 ms timer while `task` runs: how long the loop was blocked. */
async function longestBlock<T>(task: () => Promise<T>): Promise<{ result: T; maxBlockMs: number }> {
  let last = performance.now();
  let maxBlockMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxBlockMs = Math.max(maxBlockMs, now - last - 5);
    last = now;
  }, 5);
  const result = await task();
  clearInterval(timer);
  maxBlockMs = Math.max(maxBlockMs, performance.now() - last - 5);
  return { result, maxBlockMs: Math.round(maxBlockMs) };
}

export async function mergeTwoHundredThousand(log: (line: string) => void = console.log) {
  const keys = await exampleExportKeys('bench');
  const now = Date.UTC(2026, 6, 6);
  const events = generateEvents(200_000, 21).map((event, index) => ({
    ...event,
    id: `m${String(index).padStart(7, '0')}`,
    at: now - 200_000_000 + index * 1000,
  }));
  const text = serialiseLogExport(
    await buildLogExport(events, { advisor: 'bench', includes: DEFAULT_INCLUDES, ...keys, now }),
  );
  const trusted = [toPublicKeyFile(keys.signingKey)];
  const read = await measure(() => longestBlock(() => readLogExport(text, trusted)));
  log(
    `read + verify 200,000 events (${mb(text.length)} MB): ${Math.round(read.ms)} ms, peak +${read.peakMb} MB, longest block ${read.result.maxBlockMs} ms`,
  );
  const db = new OutreachDatabase(`bench-merge-${Date.now()}`);
  let updates = 0;
  const merge = await measure(() =>
    longestBlock(() =>
      importLogExports(db, [{ name: 'bench.json', text }], {
        now,
        trusted,
        onProgress: () => (updates += 1),
      }),
    ),
  );
  const report = merge.result.result;
  log(
    `merge 200,000 events into fake-indexeddb (read, verify, ${updates} chunks): ${Math.round(merge.ms)} ms, peak +${merge.peakMb} MB, longest block ${merge.result.maxBlockMs} ms, added ${report.added}`,
  );
  await db.delete();
  return {
    sizeMb: mb(text.length),
    read: { ms: Math.round(read.ms), peakMb: read.peakMb, maxBlockMs: read.result.maxBlockMs },
    merge: {
      ms: Math.round(merge.ms),
      peakMb: merge.peakMb,
      maxBlockMs: merge.result.maxBlockMs,
      chunks: updates,
      added: report.added,
    },
  };
}

/** Resident memory (MB) of every process whose command line names `marker` (the profile dir). */
function browserRssMb(marker: string): number {
  let total = 0;
  const out = execFileSync('ps', ['-eo', 'rss=,args='], { encoding: 'utf8', maxBuffer: 1 << 24 });
  for (const line of out.split('\n')) {
    const match = /^\s*(\d+)\s+(.*)$/.exec(line);
    if (match && match[2]?.includes(marker)) total += Number(match[1]) / 1024;
  }
  return round(total, 1);
}

/**
 * The dashboard's import of one signed 200,000-event export, in the import
 * worker of the test build (Chromium, real IndexedDB): time from choosing the
 * file to the report, peak resident memory of the browser's processes above
 * the level before, and the dashboard's long tasks (`longtask` observer).
 */
export async function mergeInChromium(
  count = 200_000,
  log: (line: string) => void = console.log,
): Promise<Record<string, unknown>> {
  const root = resolve(import.meta.dirname, '..');
  const extensionDir = join(root, '.output-e2e', 'chrome-mv3');
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    return { skipped: 'no test build in .output-e2e (run E2E=1 npx wxt build)' };
  }
  const { chromium } = await import('@playwright/test');
  const { chromiumArgs, findChromium } = await import('../scripts/lib/chromium');
  const executablePath = findChromium();
  if (!executablePath) return { skipped: 'no Chromium found' };
  const keys = await exampleExportKeys('bench');
  const now = Date.now();
  const events = generateEvents(count, 21).map((event, index) => ({
    ...event,
    id: `m${String(index).padStart(7, '0')}`,
    at: now - 200_000_000 - count * 100 + index * 100,
  }));
  const text = serialiseLogExport(
    await buildLogExport(events, { advisor: 'bench', includes: DEFAULT_INCLUDES, ...keys, now }),
  );
  const userDataDir = await mkdtemp(join(tmpdir(), 'oa-bench-merge-'));
  const file = join(userDataDir, 'bench-200k.json');
  await writeFile(file, text);
  const context = await chromium.launchPersistentContext(join(userDataDir, 'profile'), {
    executablePath,
    headless: true,
    args: chromiumArgs(extensionDir),
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html#stats`);
    await page.getByTestId('section-stats').waitFor();
    await page.evaluate(() => {
      const tasks: number[] = [];
      (window as unknown as { __tasks: number[] }).__tasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(Math.round(entry.duration));
      }).observe({ type: 'longtask' });
    });
    await new Promise((done) => setTimeout(done, 1000));
    const baseline = browserRssMb(userDataDir);
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, browserRssMb(userDataDir))), 250);
    const began = performance.now();
    await page.getByTestId('import-files').setInputFiles(file);
    await page
      .getByTestId('import-report')
      .filter({ hasText: `Added ${count} entries` })
      .waitFor({ timeout: 15 * 60_000 });
    const ms = Math.round(performance.now() - began);
    clearInterval(sampler);
    peak = Math.max(peak, browserRssMb(userDataDir));
    const longTasks = await page.evaluate(
      () => (window as unknown as { __tasks: number[] }).__tasks,
    );
    const result = {
      events: count,
      sizeMb: mb(text.length),
      ms,
      baselineRssMb: baseline,
      peakRssMb: peak,
      peakAboveBaselineMb: round(peak - baseline, 1),
      longTasks: longTasks.length,
      longestTaskMs: Math.max(0, ...longTasks),
    };
    log(
      `merge ${count.toLocaleString('en')} events in the dashboard's import worker (Chromium, IndexedDB, ${result.sizeMb} MB): ${ms} ms, browser RSS peak ${peak} MB (+${result.peakAboveBaselineMb} MB over ${baseline} MB), dashboard long tasks ${result.longTasks}, longest ${result.longestTaskMs} ms`,
    );
    return result;
  } finally {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

async function inProcessRoundTrip(samples: number) {
  const db = new OutreachDatabase(`bench-roundtrip-${Date.now()}`);
  // Only the message under test; the receiver never looks up the others.
  const logEvents: Handlers['logEvents'] = async ({ events }) => {
    const { valid, rejected } = splitEventBatch(events);
    const stored = await storeEvents(db, valid, { advisor: 'bench', storePostText: false });
    return { ...stored, rejected };
  };
  const handlers = { logEvents } as unknown as Handlers;
  const options = { extensionId: 'bench', extensionOrigin: 'chrome-extension://bench/' };
  const sender = { id: 'bench', url: 'https://www.facebook.com/groups/1/', tab: { id: 1 } };
  const times: number[] = [];
  let resolveOne: () => void = () => undefined;
  const queue = createLogQueue({
    flushDelayMs: 0,
    send: async (events) => {
      // Structured clone stands in for the browser's message serialisation.
      const raw = structuredClone(buildEnvelope('logEvents', { events }));
      const reply = await receiveMessage(raw, sender, handlers, options);
      return readReply('logEvents', structuredClone(reply));
    },
  });
  queue.onStatus((status) => {
    if (status.pending === 0) resolveOne();
  });
  for (let i = 0; i < samples + 20; i += 1) {
    const { id: _id, at: _at, ...draft } = sampleEvent('reply-inserted', { postKey: `p${i}` });
    const done = new Promise<void>((resolve) => (resolveOne = resolve));
    const began = performance.now();
    queue.log(draft);
    await done;
    if (i >= 20) times.push(performance.now() - began);
  }
  await db.delete();
  times.sort((a, b) => a - b);
  return {
    samples,
    medianMs: round(percentile(times, 50), 3),
    p95Ms: round(percentile(times, 95), 3),
  };
}

/** The real thing: a content script's isolated world in Chromium → service worker → IndexedDB. */
async function chromiumRoundTrip(samples: number): Promise<Record<string, unknown>> {
  const root = resolve(import.meta.dirname, '..');
  const extensionDir = join(root, '.output-e2e', 'chrome-mv3');
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    return { skipped: 'no test build in .output-e2e (run E2E=1 npx wxt build)' };
  }
  const { chromium } = await import('@playwright/test');
  const { chromiumArgs, findChromium } = await import('../scripts/lib/chromium');
  const { startStaticServer } = await import('../scripts/lib/static-server');
  const executablePath = findChromium();
  if (!executablePath) return { skipped: 'no Chromium found' };
  const server = await startStaticServer(join(root, 'tests', 'fixtures'));
  const userDataDir = await mkdtemp(join(tmpdir(), 'oa-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: chromiumArgs(extensionDir),
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const contexts: { id: number; name: string; origin: string; auxData?: { type?: string } }[] =
      [];
    cdp.on('Runtime.executionContextCreated', ({ context: created }) => contexts.push(created));
    await cdp.send('Runtime.enable');
    await page.goto(`${server.origin}/groups/eu-workers-demo/`);
    await page.waitForFunction(() =>
      document.documentElement.hasAttribute('data-outreach-advisor'),
    );
    // The content script's world (Playwright's utility worlds are isolated too).
    const isolated = contexts.findLast(
      // Chromium names a content script's world after the extension, with its origin.
      (c) => c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://'),
    );
    if (!isolated) return { skipped: 'content script world not found' };
    const event = sampleEvent('reply-inserted', { postKey: 'bench' });
    const expression = `(async () => {
      const base = ${JSON.stringify(event)};
      const times = [];
      for (let i = 0; i < ${samples + 20}; i++) {
        const events = [{ ...base, id: crypto.randomUUID(), at: Date.now() }];
        const began = performance.now();
        const reply = await chrome.runtime.sendMessage({ oa: 1, name: 'logEvents', payload: { events } });
        if (!reply || !reply.ok) throw new Error(JSON.stringify(reply));
        if (i >= 20) times.push(performance.now() - began);
      }
      return times;
    })()`;
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: isolated.id,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) return { skipped: `evaluation failed: ${exceptionDetails.text}` };
    const times = (result.value as number[]).sort((a, b) => a - b);

    // Storing 10,000 events the way the log queue does it: 200 batches of 50.
    const storeExpression = `(async () => {
      const base = ${JSON.stringify(event)};
      const began = performance.now();
      for (let batch = 0; batch < 200; batch++) {
        const events = Array.from({ length: 50 }, (_, i) => ({
          ...base, id: crypto.randomUUID(), at: Date.now(), postKey: 'bench-' + batch + '-' + i,
        }));
        const reply = await chrome.runtime.sendMessage({ oa: 1, name: 'logEvents', payload: { events } });
        if (!reply || !reply.ok) throw new Error(JSON.stringify(reply));
      }
      return performance.now() - began;
    })()`;
    const stored = await cdp.send('Runtime.evaluate', {
      expression: storeExpression,
      contextId: isolated.id,
      awaitPromise: true,
      returnByValue: true,
    });
    const storeMs = stored.exceptionDetails ? null : Math.round(stored.result.value as number);
    return {
      samples,
      medianMs: round(percentile(times, 50), 3),
      p95Ms: round(percentile(times, 95), 3),
      maxMs: round(times.at(-1) ?? Number.NaN, 3),
      store10kMs: storeMs,
      store10kPerSecond: storeMs === null ? null : Math.round(10_000 / (storeMs / 1000)),
    };
  } finally {
    await context.close();
    await server.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

async function storeTenThousand() {
  const db = new OutreachDatabase(`bench-store-${Date.now()}`);
  const events = generateEvents(10_000, 7);
  const batches: number[] = [];
  const began = performance.now();
  for (let start = 0; start < events.length; start += 50) {
    const batchBegan = performance.now();
    await storeEvents(db, events.slice(start, start + 50), {
      advisor: 'bench',
      storePostText: false,
    });
    batches.push(performance.now() - batchBegan);
  }
  const totalMs = performance.now() - began;
  const count = await db.events.count();
  await db.delete();
  batches.sort((a, b) => a - b);
  return {
    events: count,
    totalMs: Math.round(totalMs),
    eventsPerSecond: Math.round((count / totalMs) * 1000),
    batchP95Ms: round(percentile(batches, 95)),
  };
}

const suite: BenchSuite = async ({ log }) => {
  if (process.env.LOG_BENCH_PART === 'merge') {
    return { merge200k: await mergeTwoHundredThousand(log) };
  }
  if (process.env.LOG_BENCH_PART === 'merge-chromium') {
    return { merge200kChromium: await mergeInChromium(200_000, log) };
  }
  const inProcess = await inProcessRoundTrip(500);
  log(
    `round trip in-process (queue → protocol → store, fake-indexeddb): median ${inProcess.medianMs} ms, p95 ${inProcess.p95Ms} ms`,
  );
  const browser = await chromiumRoundTrip(500);
  log(
    `round trip in Chromium (content script → service worker → IndexedDB): ${JSON.stringify(browser)}`,
  );

  const store = await storeTenThousand();
  log(
    `store 10,000 events in batches of 50: ${store.totalMs} ms (${store.eventsPerSecond}/s, batch p95 ${store.batchP95Ms} ms)`,
  );

  const events = generateEvents(100_000, 11);
  const csv = await measure(async () => (await exportCsv(events, DEFAULT_INCLUDES)).join(''));
  log(
    `CSV 100,000 events: ${Math.round(csv.ms)} ms, ${mb(csv.result.length)} MB, peak +${csv.peakMb} MB`,
  );
  const json = await measure(async () =>
    serialiseLogExport(
      await buildLogExport(events, {
        advisor: 'bench',
        includes: DEFAULT_INCLUDES,
        ...(await exampleExportKeys('bench')),
      }),
    ),
  );
  log(
    `JSON 100,000 events (with SHA-256 over canonical JSON): ${Math.round(json.ms)} ms, ${mb(json.result.length)} MB, peak +${json.peakMb} MB`,
  );
  const xlsx = await measure(() => exportXlsx(events, DEFAULT_INCLUDES));
  log(
    `XLSX 100,000 events: ${Math.round(xlsx.ms)} ms, ${mb(xlsx.result.byteLength)} MB, peak +${xlsx.peakMb} MB`,
  );

  const statTimes: number[] = [];
  for (let run = 0; run < 7; run += 1) {
    const began = performance.now();
    computeStatistics(events);
    statTimes.push(performance.now() - began);
  }
  statTimes.sort((a, b) => a - b);
  const stats = {
    medianMs: round(percentile(statTimes, 50), 1),
    maxMs: round(statTimes.at(-1) ?? 0, 1),
  };
  log(
    `statistics over 100,000 events: median ${stats.medianMs} ms, max ${stats.maxMs} ms (7 runs)`,
  );

  return {
    roundTripInProcess: inProcess,
    roundTripChromium: browser,
    store10k: store,
    export100k: {
      csv: { ms: Math.round(csv.ms), sizeMb: mb(csv.result.length), peakMb: csv.peakMb },
      json: { ms: Math.round(json.ms), sizeMb: mb(json.result.length), peakMb: json.peakMb },
      xlsx: { ms: Math.round(xlsx.ms), sizeMb: mb(xlsx.result.byteLength), peakMb: xlsx.peakMb },
    },
    statistics100k: stats,
    merge200k: await mergeTwoHundredThousand(log),
    merge200kChromium: await mergeInChromium(200_000, log),
  };
};

export default suite;
