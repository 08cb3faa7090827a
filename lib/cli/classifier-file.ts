/**
 * The shipped topic classifier read from disk, for Node: the CLI, the
 * benchmark and the tests. (The service worker fetches the same file from
 * the extension's package: lib/background/bundled-classifier.ts.)
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeTopicClassifier, type TopicClassifier } from '../matching/topic-classifier';

export const CLASSIFIER_FILE = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'matching',
  'data',
  'topic-classifier.bin',
);

let cached: TopicClassifier | undefined;

/** The classifier of lib/matching/data/topic-classifier.bin, decoded once per process. */
export function readTopicClassifier(): TopicClassifier {
  cached ??= decodeTopicClassifier(new Uint8Array(readFileSync(CLASSIFIER_FILE)));
  return cached;
}
