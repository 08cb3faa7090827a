/**
 * The trained topic classifier (issue 12; docs/MATCHING.md "Topic
 * classifier"): a multinomial logistic regression over the same features as
 * the pack's own topic model (topic-model.ts: stemmed words and character
 * 4-grams, hashed), with one class per answer topic and one for `off-topic`.
 *
 * Unlike the naive Bayes model, which each installation trains from its
 * active packs, this one is trained ahead of time
 * (`npx tsx scripts/train-topic-classifier.ts`) on text the pack cannot hold:
 * the real-text tuning half (posts written by other people, in their
 * wording), the development set, and off-topic group traffic, besides the
 * default pack's examples. It ships as a file
 * (lib/matching/data/topic-classifier.bin) read when the matcher is built —
 * not as a module, so the service worker does not evaluate it on every
 * wake-up.
 *
 * File layout (little-endian), fixed-width arrays so that decoding is views
 * and a few tight checks — a cold worker decodes it on the way to its first
 * suggestion (a varint layout took 93 ms there, this one about 3):
 *   "OATC" · u32 header length · header (UTF-8 JSON, `headerSchema`) ·
 *   zero padding to a multiple of 4 ·
 *   u32 × features: feature ids, ascending ·
 *   u8 × features: how many weights each feature has (1..classes) ·
 *   u8 × entries: class of each weight · i8 × entries: the weight,
 * the weights in feature order. A feature's weights were centred on their
 * median over the classes (the softmax does not change) and only the
 * largest kept, quantised by `scale`.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema';
import { TOPICS, type AnswerTopic, type Topic } from '../domain/topics';
import { topicFeatures } from './topic-model';
import type { IndexVariant } from './text';

const MAGIC = 'OATC';
const CLASSIFIER_FORMAT = 1;
/** Limits that hold on both sides: what training writes and what decoding accepts. */
const MAX_FEATURES = 200_000;
const MAX_FILE_BYTES = 4 * 1024 * 1024;
const MAX_HEADER_BYTES = 64 * 1024;

// Built on first use: the worker evaluates this module on every wake-up.
const headerSchema = lazySchema(() =>
  z.object({
    format: z.literal(CLASSIFIER_FORMAT),
    /** Class order of the weights: topic ids, `off-topic` among them. */
    classes: z.array(z.enum(TOPICS)).check(z.minLength(2), z.maxLength(TOPICS.length)),
    bias: z.array(z.number()),
    /** Weight of one quantisation step. */
    scale: z.number().check(z.positive()),
    features: z.int().check(z.gte(0), z.lte(MAX_FEATURES)),
    /** Weights over all features. */
    entries: z.int().check(z.gte(0), z.lte(MAX_FEATURES * TOPICS.length)),
    /** What the model was trained on (scripts/train-topic-classifier.ts): not used at run time. */
    training: z.object({
      /** SHA-256 of the training samples (text, class, weight), to tell a stale model. */
      inputs: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
      samples: z.number(),
      counts: z.record(z.string(), z.number()),
    }),
  }),
);

export type ClassifierHeader = z.infer<typeof headerSchema>;

export class TopicClassifierError extends Error {
  override name = 'TopicClassifierError';
}

export interface ClassifierOutput {
  /** Probability of each answer topic (the classes' softmax; with `offTopic` they sum to 1). */
  topics: Map<AnswerTopic, number>;
  /** Probability that the post is about none of the topics. */
  offTopic: number;
}

export interface TopicClassifier {
  classify(text: string, variant: IndexVariant): ClassifierOutput;
  readonly header: ClassifierHeader;
}

/** Turns logits into probabilities, in place (shared with training, so both compute alike). */
export function softmaxInPlace(values: Float64Array): void {
  let max = -Infinity;
  for (const value of values) max = Math.max(max, value);
  let sum = 0;
  for (let k = 0; k < values.length; k += 1) {
    values[k] = Math.exp((values[k] ?? 0) - max);
    sum += values[k] ?? 0;
  }
  for (let k = 0; k < values.length; k += 1) values[k] = (values[k] ?? 0) / sum;
}

export interface ClassifierWeights {
  classes: readonly Topic[];
  bias: readonly number[];
  scale: number;
  /** Per feature id, (class index, quantised weight) pairs. */
  rows: ReadonlyMap<number, readonly (readonly [number, number])[]>;
  training: ClassifierHeader['training'];
}

/** The file's bytes for trained weights (the training script's last step). */
export function encodeTopicClassifier(model: ClassifierWeights): Uint8Array {
  const ids = [...model.rows.keys()].sort((a, b) => a - b);
  const rows = ids.map((id) => model.rows.get(id) ?? []);
  const entries = rows.reduce((sum, row) => sum + row.length, 0);
  const header: ClassifierHeader = {
    format: CLASSIFIER_FORMAT,
    classes: [...model.classes],
    bias: model.bias.map((b) => Math.round(b * 1e5) / 1e5),
    scale: model.scale,
    features: ids.length,
    entries,
    training: model.training,
  };
  // The same limits as decoding: what training writes, the worker accepts.
  const checked = headerSchema.safeParse(header);
  if (!checked.success)
    throw new TopicClassifierError(
      `The trained classifier exceeds the file's limits: ${checked.error.issues[0]?.path.join('.') ?? ''} ${checked.error.issues[0]?.message ?? ''}`,
    );
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const bodyAt = alignedBodyStart(headerBytes.length);
  const size = bodyAt + 5 * ids.length + 2 * entries;
  if (headerBytes.length > MAX_HEADER_BYTES || size > MAX_FILE_BYTES)
    throw new TopicClassifierError(
      `The trained classifier is larger than the file allows (${size} bytes, at most ${MAX_FILE_BYTES}).`,
    );
  const out = new Uint8Array(size);
  out.set(new TextEncoder().encode(MAGIC), 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, headerBytes.length, true);
  out.set(headerBytes, 8);
  ids.forEach((id, n) => view.setUint32(bodyAt + 4 * n, id, true));
  const countsAt = bodyAt + 4 * ids.length;
  const classesAt = countsAt + ids.length;
  const weightsAt = classesAt + entries;
  let e = 0;
  rows.forEach((row, n) => {
    out[countsAt + n] = row.length;
    for (const [k, w] of row) {
      out[classesAt + e] = k;
      out[weightsAt + e] = w & 0xff;
      e += 1;
    }
  });
  return out;
}

/** Where the arrays start: after magic, length and header, padded to 4 bytes. */
function alignedBodyStart(headerLength: number): number {
  return Math.ceil((8 + headerLength) / 4) * 4;
}

/** Reads the header only (tests and the training script compare its input hash). */
export function readClassifierHeader(bytes: Uint8Array): ClassifierHeader {
  return decodeParts(bytes).header;
}

function damaged(what: string): never {
  throw new TopicClassifierError(`The topic classifier file is damaged: ${what}.`);
}

function decodeParts(bytes: Uint8Array): { header: ClassifierHeader; bodyAt: number } {
  if (bytes.length > MAX_FILE_BYTES) damaged(`it is larger than ${MAX_FILE_BYTES} bytes`);
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC)
    damaged('it does not start with the classifier signature');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(
    4,
    true,
  );
  if (headerLength > MAX_HEADER_BYTES || 8 + headerLength > bytes.length)
    damaged('its header length is out of range');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength)));
  } catch {
    damaged('its header is not JSON');
  }
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    damaged(`header field ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  const header = (parsed as { data: ClassifierHeader }).data;
  if (header.bias.length !== header.classes.length) damaged('bias and classes differ in length');
  if (new Set(header.classes).size !== header.classes.length) damaged('a class is listed twice');
  if (!header.classes.includes('off-topic')) damaged('it has no off-topic class');
  return { header, bodyAt: alignedBodyStart(headerLength) };
}

/**
 * Decodes and checks a classifier file; throws TopicClassifierError saying
 * what is wrong. The weights stay in the file's typed arrays, looked up by
 * binary search over the sorted feature ids: no object per feature.
 */
export function decodeTopicClassifier(input: Uint8Array): TopicClassifier {
  // Typed-array views need the body 4-byte aligned in memory too.
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  const { header, bodyAt } = decodeParts(bytes);
  const width = header.classes.length;
  const count = header.features;
  const expected = bodyAt + 5 * count + 2 * header.entries;
  if (bytes.length < expected) damaged(`it is cut off (${bytes.length} of ${expected} bytes)`);
  if (bytes.length > expected) damaged('it has bytes after the last weight');
  const ids = new Uint32Array(bytes.buffer, bytes.byteOffset + bodyAt, count);
  const counts = bytes.subarray(bodyAt + 4 * count, bodyAt + 5 * count);
  const classesAt = bodyAt + 5 * count;
  const entryClasses = bytes.subarray(classesAt, classesAt + header.entries);
  const entryWeights = new Int8Array(
    bytes.buffer,
    bytes.byteOffset + classesAt + header.entries,
    header.entries,
  );
  // starts[n]..starts[n + 1]: feature n's weights.
  const starts = new Uint32Array(count + 1);
  let total = 0;
  let previous = -1;
  for (let n = 0; n < count; n += 1) {
    const id = ids[n] ?? 0;
    if (id <= previous) damaged(`feature ${n} is out of order`);
    previous = id;
    const size = counts[n] ?? 0;
    if (size < 1 || size > width) damaged(`feature ${n} has ${size} weights`);
    starts[n] = total;
    total += size;
  }
  starts[count] = total;
  if (total !== header.entries)
    damaged(`its features have ${total} weights, not ${header.entries}`);
  for (let e = 0; e < total; e += 1)
    if ((entryClasses[e] ?? 0) >= width) damaged(`weight ${e} names class ${entryClasses[e]}`);

  /** Index of a feature id, or -1. */
  const find = (feature: number): number => {
    let low = 0;
    let high = count - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = ids[middle] ?? 0;
      if (value === feature) return middle;
      if (value < feature) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  };
  const offIndex = header.classes.indexOf('off-topic');
  const logits = new Float64Array(width);
  return {
    header,
    classify(text, variant) {
      logits.set(header.bias);
      const features = topicFeatures(variant, text);
      let norm = 0;
      for (const weight of features.values()) norm += weight * weight;
      // Features are L2-normalised in training: a long post is not surer for its length.
      const step = header.scale / (Math.sqrt(norm) || 1);
      for (const [feature, weight] of features) {
        const n = find(feature);
        if (n < 0) continue;
        for (let e = starts[n] ?? 0; e < (starts[n + 1] ?? 0); e += 1) {
          const cls = entryClasses[e] ?? 0;
          logits[cls] = (logits[cls] ?? 0) + (entryWeights[e] ?? 0) * weight * step;
        }
      }
      softmaxInPlace(logits);
      const topics = new Map<AnswerTopic, number>();
      header.classes.forEach((topic, k) => {
        if (k !== offIndex) topics.set(topic as AnswerTopic, logits[k] ?? 0);
      });
      return { topics, offTopic: logits[offIndex] ?? 0 };
    },
  };
}
