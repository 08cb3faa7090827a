/**
 * The trained topic classifier (lib/matching/topic-classifier.ts) ships as a
 * file next to the worker, like the default pack (bundled-pack.ts), and is
 * read when the matcher is built — the worker does not evaluate 390 KB of
 * weights on every wake-up that needs no suggestion.
 *
 * If it cannot be read or is damaged (a broken package), suggestions still
 * work from the packs alone (PACK_ONLY_CALIBRATION) and the error is logged
 * once per worker life.
 */
import classifierUrl from '../matching/data/topic-classifier.bin?url';
import { decodeTopicClassifier, type TopicClassifier } from '../matching';
import { fetchPackagedFile } from './packaged-file';

let loading: Promise<TopicClassifier | undefined> | undefined;

async function readBundledClassifier(): Promise<TopicClassifier> {
  const response = await fetchPackagedFile(classifierUrl, 'the topic classifier');
  return decodeTopicClassifier(new Uint8Array(await response.arrayBuffer()));
}

/** The shipped classifier, read once per worker life; undefined if it cannot be. */
export function loadBundledClassifier(): Promise<TopicClassifier | undefined> {
  loading ??= readBundledClassifier().catch((error: unknown) => {
    console.error('Outreach Advisor: matching without the topic classifier:', error);
    return undefined;
  });
  return loading;
}

type ClassifierLoader = () => Promise<TopicClassifier | undefined>;
let loader: ClassifierLoader = loadBundledClassifier;

/** How the matcher gets its classifier: the bundled file; tests read it from disk. */
export function classifierForMatcher(): Promise<TopicClassifier | undefined> {
  return loader();
}

/** Replaces the loader (tests, which have no extension package to fetch from). */
export function setClassifierLoader(next: ClassifierLoader): void {
  loader = next;
}

/** Forgets a classifier read before (tests). */
export function resetBundledClassifier(): void {
  loading = undefined;
}
