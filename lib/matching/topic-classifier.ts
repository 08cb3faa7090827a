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
 * File layout (little-endian):
 *   "OATC" · u32 header length · header (UTF-8 JSON, `headerSchema`) ·
 *   per feature, ascending by id: varint id delta · u8 entry count ·
 *   count × (u8 class, i8 weight)
 * A feature's weights were centred on their median over the classes (the
 * softmax does not change) and only the largest kept, quantised by `scale`.
 */
import * as z from 'zod/mini';
import { TOPICS, type AnswerTopic, type Topic } from '../domain/topics';
import { topicFeatures } from './topic-model';
import type { IndexVariant } from './text';

const MAGIC = 'OATC';
export const CLASSIFIER_FORMAT = 1;
/** Limits that hold on both sides: what training writes and what decoding accepts. */
const MAX_FEATURES = 200_000;
const MAX_FILE_BYTES = 4 * 1024 * 1024;
const MAX_HEADER_BYTES = 64 * 1024;

const headerSchema = z.object({
  format: z.literal(CLASSIFIER_FORMAT),
  /** Class order of the weights: topic ids, `off-topic` among them. */
  classes: z.array(z.enum(TOPICS)).check(z.minLength(2), z.maxLength(TOPICS.length)),
  bias: z.array(z.number()),
  /** Weight of one quantisation step. */
  scale: z.number().check(z.positive()),
  features: z.int().check(z.gte(0), z.lte(MAX_FEATURES)),
  /** What the model was trained on (scripts/train-topic-classifier.ts): not used at run time. */
  training: z.object({
    /** SHA-256 of the training samples (text, class, weight), to tell a stale model. */
    inputs: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
    samples: z.number(),
    counts: z.record(z.string(), z.number()),
  }),
});

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

/** Weights per feature: class indexes and quantised weights, side by side. */
interface Row {
  classes: Uint8Array;
  weights: Int8Array;
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
  const header: ClassifierHeader = {
    format: CLASSIFIER_FORMAT,
    classes: [...model.classes],
    bias: model.bias.map((b) => Math.round(b * 1e5) / 1e5),
    scale: model.scale,
    features: ids.length,
    training: model.training,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const body: number[] = [];
  let previous = 0;
  for (const id of ids) {
    let delta = id - previous;
    previous = id;
    while (delta >= 0x80) {
      body.push((delta & 0x7f) | 0x80);
      delta = Math.floor(delta / 0x80);
    }
    body.push(delta);
    const entries = model.rows.get(id) ?? [];
    body.push(entries.length);
    for (const [k, w] of entries) body.push(k, w & 0xff);
  }
  const out = new Uint8Array(8 + headerBytes.length + body.length);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(4, headerBytes.length, true);
  out.set(headerBytes, 8);
  out.set(body, 8 + headerBytes.length);
  return out;
}

/** Reads the header only (tests and the training script compare its input hash). */
export function readClassifierHeader(bytes: Uint8Array): ClassifierHeader {
  return decodeParts(bytes).header;
}

function decodeParts(bytes: Uint8Array): { header: ClassifierHeader; bodyAt: number } {
  const fail = (what: string): never => {
    throw new TopicClassifierError(`The topic classifier file is damaged: ${what}.`);
  };
  if (bytes.length > MAX_FILE_BYTES) fail(`it is larger than ${MAX_FILE_BYTES} bytes`);
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC)
    fail('it does not start with the classifier signature');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(
    4,
    true,
  );
  if (headerLength > MAX_HEADER_BYTES || 8 + headerLength > bytes.length)
    fail('its header length is out of range');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength)));
  } catch {
    fail('its header is not JSON');
  }
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail(`header field ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  const header = (parsed as { data: ClassifierHeader }).data;
  if (header.bias.length !== header.classes.length) fail('bias and classes differ in length');
  if (new Set(header.classes).size !== header.classes.length) fail('a class is listed twice');
  if (!header.classes.includes('off-topic')) fail('it has no off-topic class');
  return { header, bodyAt: 8 + headerLength };
}

/** Decodes and checks a classifier file; throws TopicClassifierError saying what is wrong. */
export function decodeTopicClassifier(bytes: Uint8Array): TopicClassifier {
  const { header, bodyAt } = decodeParts(bytes);
  const width = header.classes.length;
  const rows = new Map<number, Row>();
  let at = bodyAt;
  let id = 0;
  const damaged = (what: string): never => {
    throw new TopicClassifierError(`The topic classifier file is damaged: ${what}.`);
  };
  for (let n = 0; n < header.features; n += 1) {
    let delta = 0;
    let factor = 1;
    for (;;) {
      if (at >= bytes.length) damaged(`feature ${n} is cut off`);
      const byte = bytes[at++] ?? 0;
      delta += (byte & 0x7f) * factor;
      factor *= 0x80;
      if (byte < 0x80) break;
      if (factor > 2 ** 35) damaged(`feature ${n} has an overlong id`);
    }
    id += delta;
    if (id > 0xffffffff || (n > 0 && delta === 0)) damaged(`feature ${n} is out of order`);
    const count = bytes[at++] ?? 0;
    if (count < 1 || count > width) damaged(`feature ${n} has ${count} weights`);
    if (at + 2 * count > bytes.length) damaged(`feature ${n} is cut off`);
    const row: Row = { classes: new Uint8Array(count), weights: new Int8Array(count) };
    for (let k = 0; k < count; k += 1) {
      const cls = bytes[at++] ?? 0;
      if (cls >= width) damaged(`feature ${n} names class ${cls}`);
      row.classes[k] = cls;
      row.weights[k] = ((bytes[at++] ?? 0) << 24) >> 24;
    }
    rows.set(id, row);
  }
  if (at !== bytes.length) damaged('it has bytes after the last feature');

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
        const row = rows.get(feature);
        if (!row) continue;
        for (let k = 0; k < row.classes.length; k += 1) {
          const cls = row.classes[k] ?? 0;
          logits[cls] = (logits[cls] ?? 0) + (row.weights[k] ?? 0) * weight * step;
        }
      }
      let max = -Infinity;
      for (const logit of logits) max = Math.max(max, logit);
      let sum = 0;
      for (let k = 0; k < width; k += 1) {
        logits[k] = Math.exp((logits[k] ?? 0) - max);
        sum += logits[k] ?? 0;
      }
      const topics = new Map<AnswerTopic, number>();
      header.classes.forEach((topic, k) => {
        if (k !== offIndex) topics.set(topic as AnswerTopic, (logits[k] ?? 0) / sum);
      });
      return { topics, offTopic: (logits[offIndex] ?? 0) / sum };
    },
  };
}
