import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { samplesHash, trainingSamples } from '../../bench/matching/classifier-training';
import { readTuningHalf } from '../../bench/matching/real-texts';
import { parsePack } from '../packs/parse';
import { CLASSIFIER_FILE, readTopicClassifier } from '../cli/classifier-file';
import {
  decodeTopicClassifier,
  encodeTopicClassifier,
  readClassifierHeader,
  TopicClassifierError,
  type ClassifierWeights,
} from './topic-classifier';
import { featureId } from './topic-model';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// A two-word model: "lohn" speaks for unpaid-wages, "kinderwagen" for off-topic.
const tiny: ClassifierWeights = {
  classes: ['unpaid-wages', 'dismissal', 'off-topic'],
  bias: [0, 0, 0],
  scale: 0.05,
  rows: new Map([
    [featureId('w', 'lohn'), [[0, 100]] as const],
    [
      featureId('w', 'kinderwag'),
      [
        [2, 120],
        [0, -20],
      ] as const,
    ],
  ]),
  training: { inputs: 'a'.repeat(64), samples: 2, counts: { pack: 2 } },
};

describe('topic classifier file', () => {
  it('decodes what it encodes, with probabilities over the classes that sum to 1', () => {
    const model = decodeTopicClassifier(encodeTopicClassifier(tiny));
    const wages = model.classify('Lohn', 'de');
    expect(wages.topics.get('unpaid-wages')).toBeGreaterThan(0.9);
    const pram = model.classify('Kinderwagen', 'de');
    expect(pram.offTopic).toBeGreaterThan(0.9);
    const total = [...pram.topics.values()].reduce((sum, p) => sum + p, pram.offTopic);
    expect(total).toBeCloseTo(1, 9);
    // A text without known features is the bias: every class alike.
    expect(model.classify('Guten Morgen', 'de').offTopic).toBeCloseTo(1 / 3, 9);
  });

  it('refuses a damaged file and says what is wrong', () => {
    const bytes = encodeTopicClassifier(tiny);
    const refuse = (damaged: Uint8Array) => () => decodeTopicClassifier(damaged);
    expect(refuse(bytes.subarray(0, bytes.length - 1))).toThrow(TopicClassifierError);
    expect(refuse(bytes.subarray(0, bytes.length - 1))).toThrow(/it is cut off/);
    const wrongMagic = bytes.slice();
    wrongMagic[0] = 0x58;
    expect(refuse(wrongMagic)).toThrow(/classifier signature/);
    const extra = new Uint8Array(bytes.length + 1);
    extra.set(bytes);
    expect(refuse(extra)).toThrow(/bytes after the last weight/);
    const badClass = encodeTopicClassifier({
      ...tiny,
      rows: new Map([[1, [[7, 10]] as const]]),
    });
    expect(refuse(badClass)).toThrow(/weight 0 names class 7/);
    const unordered = bytes.slice();
    // The two feature ids swapped: the first u32 after the padded header.
    const bodyAt = Math.ceil((8 + new DataView(bytes.buffer).getUint32(4, true)) / 4) * 4;
    unordered.set(bytes.subarray(bodyAt + 4, bodyAt + 8), bodyAt);
    unordered.set(bytes.subarray(bodyAt, bodyAt + 4), bodyAt + 4);
    expect(refuse(unordered)).toThrow(/feature 1 is out of order/);
    const noOffTopic = encodeTopicClassifier({
      ...tiny,
      classes: ['unpaid-wages', 'dismissal', 'taxes'],
    });
    expect(refuse(noOffTopic)).toThrow(/no off-topic class/);
    // A class the taxonomy does not know, written over "dismissal" in the header.
    const unknownTopic = bytes.slice();
    const at = new TextDecoder().decode(bytes).indexOf('"dismissal"');
    unknownTopic.set(new TextEncoder().encode('"weatherxx"'), at);
    expect(refuse(unknownTopic)).toThrow(/header field classes\.1/);
  });

  it('refuses to write what it would refuse to read', () => {
    expect(() =>
      encodeTopicClassifier({
        ...tiny,
        classes: ['unpaid-wages', 'weather' as never, 'off-topic'],
      }),
    ).toThrow(/exceeds the file's limits: classes\.1/);
  });
});

describe('the shipped classifier', () => {
  const shipped = readTopicClassifier();

  it('was trained on the current pack, development set, off-topic list and tuning half', () => {
    // Retrain with `npx tsx scripts/train-topic-classifier.ts` when this fails.
    const parsed = parsePack(readFileSync(join(root, 'packs/default-pack.json'), 'utf8'));
    if (!parsed.ok) throw new Error('default pack does not parse');
    const samples = trainingSamples(parsed.pack, root, readTuningHalf());
    const header = readClassifierHeader(new Uint8Array(readFileSync(CLASSIFIER_FILE)));
    expect(header.training.inputs).toBe(samplesHash(samples));
  });

  it('tells a wage question from a sale in several languages', () => {
    // Written for this test: in no training source.
    const cases = [
      ['pl', 'pracodawca nie wypłacił mi pensji za październik, co robić', 'unpaid-wages'],
      ['ro', 'patronul nu mi-a dat salariul pe ultimele doua luni', 'unpaid-wages'],
      ['de', 'Mein Chef hat mir fristlos gekündigt, ist das erlaubt?', 'dismissal'],
    ] as const;
    for (const [language, text, topic] of cases) {
      const output = shipped.classify(text, language);
      const best = [...output.topics].sort((a, b) => b[1] - a[1])[0]?.[0];
      expect(best, text).toBe(topic);
      expect(output.offTopic, text).toBeLessThan(0.5);
    }
    for (const [language, text] of [
      ['de', 'Verkaufe Fahrradanhänger für Kinder, fast neu, 60 Euro, Abholung in Essen'],
      ['pl', 'Sprzedam wózek dziecięcy, stan bardzo dobry, odbiór Hamburg'],
    ] as const) {
      // Off-topic is its most probable class (for the German post 0.46 against 0.21 for
      // the next, child-benefit: "für Kinder").
      const output = shipped.classify(text, language);
      expect(output.offTopic, text).toBeGreaterThan(Math.max(...output.topics.values()) * 2);
    }
  });
});
