/**
 * The real-text set (bench/matching/real/, README there) as the bench and
 * the tuning scripts read it: the tuning half freely, the test half only
 * through `readTestHalf`, which appends a line to
 * bench/matching/real/TEST-HALF-RUNS.md for every read — the count of looks
 * at the test half that issue 12 asks to report. Tuning commands
 * (bench/matching/tune.ts, calibrate.ts, scripts/train-topic-model.ts) import
 * only `readTuningHalf`.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PostLanguage } from '../../lib/domain/languages';
import {
  readRealTexts,
  REAL_DIR,
  type Half,
  type RealSplit,
  type RealText,
} from '../../scripts/split-real-texts';
import type { EvalItem } from './scoring';

export type { RealText } from '../../scripts/split-real-texts';

export const TEST_HALF_RUNS = join(REAL_DIR, 'TEST-HALF-RUNS.md');

function readHalf(half: Half): RealText[] {
  const splitPath = join(REAL_DIR, 'split.json');
  if (!existsSync(splitPath)) throw new Error('no split: run npx tsx scripts/split-real-texts.ts');
  const split = JSON.parse(readFileSync(splitPath, 'utf8')) as RealSplit;
  const wanted = new Set(Object.values(split.languages).flatMap((entry) => entry[half]));
  return readRealTexts().filter((record) => wanted.has(record.id));
}

export const asEvalItems = (records: readonly RealText[]): EvalItem[] =>
  records.map(({ id, language, topic, text }) => ({
    id,
    language: language as PostLanguage,
    topic,
    text,
  }));

/** The half to tune on. */
export function readTuningHalf(): RealText[] {
  return readHalf('tuning');
}

/** The half to report; every call is recorded in TEST-HALF-RUNS.md. */
export function readTestHalf(command: string, purpose: string): RealText[] {
  const records = readHalf('test');
  const line = `| ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC | \`${command}\` | ${purpose.replace(/\|/g, '/')} | ${records.length} |\n`;
  appendFileSync(TEST_HALF_RUNS, line);
  return records;
}
