/**
 * Trains the topic classifier and writes lib/matching/data/topic-classifier.bin
 * (docs/MATCHING.md "Topic classifier"). Deterministic: the same inputs give
 * the same file. Run it after changing the default pack, the development set,
 * the off-topic list or the real-text tuning half; a unit test fails while the
 * file is stale.
 *   npx tsx scripts/train-topic-classifier.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  samplesHash,
  trainClassifier,
  trainingSamples,
} from '../bench/matching/classifier-training';
import { readTuningHalf } from '../bench/matching/real-texts';
import { CLASSIFIER_FILE } from '../lib/cli/classifier-file';
import { readClassifierHeader } from '../lib/matching/topic-classifier';
import { parsePack } from '../lib/packs/parse';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const parsed = parsePack(readFileSync(join(root, 'packs/default-pack.json'), 'utf8'));
if (!parsed.ok) throw new Error('the default pack does not parse');
const samples = trainingSamples(parsed.pack, root, readTuningHalf());
const started = performance.now();
const bytes = trainClassifier(samples);
writeFileSync(CLASSIFIER_FILE, bytes);
const header = readClassifierHeader(bytes);
console.log(
  `${CLASSIFIER_FILE}: ${header.features} features, ${bytes.length} bytes (${gzipSync(bytes).length} gzip), ` +
    `${samples.length} samples ${JSON.stringify(header.training.counts)}, ` +
    `inputs ${samplesHash(samples).slice(0, 12)}, ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
