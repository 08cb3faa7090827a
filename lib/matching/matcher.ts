/**
 * The matching engine: given a post and the active packs, the best answers,
 * the post's topic and how sure the matcher is. The work is split by stage:
 * - variant-index.ts: per-language indexes of the answers and the post's
 *   query words;
 * - scoring.ts: every answer's evidence in one index, and its features;
 * - topic-model.ts: the packs' own topic model, trained per language here;
 * - topic-classifier.ts: the shipped classifier trained on real posts
 *   (passed in, see docs/MATCHING.md), topic and off-topic probabilities;
 * - calibration.ts: the relevance model over those features;
 * - ranking.ts: topic, order, levels (`likely` / `possible`), possible topics;
 * - explain.ts: the words shown as the reason for a suggestion.
 *
 * Lifecycle: `buildMatcher(packs, { classifier })` prepares the answers; the index of a
 * language is built synchronously the first time a post in it is matched (or
 * by `warm()`); afterwards each `match` is a few Map look-ups and some
 * arithmetic, cheap enough to run for every post the advisor scrolls past.
 * The background rebuilds the matcher when the active packs change.
 */
import type { DetectedLanguage, PostLanguage } from '../domain/languages';
import type { AnswerTopic, Topic } from '../domain/topics';
import { analyseQuestion } from '../analysis/question';
import { detectLanguage } from '../language/index';
import type { AnswerKind, AnswerText, Pack } from '../packs/schema';
import {
  DEFAULT_CALIBRATION,
  onTopicLogOdds,
  PACK_ONLY_CALIBRATION,
  relevanceOf,
  type Calibration,
  type RelevanceFeatures,
} from './calibration';
import { explain, postSpelling, type ExplanationSource } from './explain';
import type { FeedbackAdjustments } from './feedback';
import { rankAnswers, type Judged } from './ranking';
import {
  scoreVariant,
  specificTopicLimitFor,
  WEIGHTS,
  type ScoringContext,
  type Weights,
} from './scoring';
import { indexVariantFor, type IndexVariant } from './text';
import type { ClassifierOutput, TopicClassifier } from './topic-classifier';
import { trainTopicModel, type TopicModel } from './topic-model';
import {
  buildVariantIndex,
  chooseFallbackLanguage,
  createGermanIndexes,
  VARIANTS,
  type AnswerEntry,
  type VariantIndex,
} from './variant-index';

export { VARIANTS } from './variant-index';

export interface MatchInput {
  text: string;
  /** Detected from the text when absent. */
  language?: DetectedLanguage;
}

export interface MatchOptions {
  /** Most suggestions to return (default 3). */
  top?: number;
  /** When an answer lacks the post's language, offer this language's text if the answer has it. */
  uiLanguage?: 'en' | 'de';
  feedback?: FeedbackAdjustments;
  /** Add the evidence behind each suggestion and the topic ranking (`cli suggest --explain`). */
  explain?: boolean;
}

/** Why an answer was suggested at its level (MatchOptions.explain). */
export interface SuggestionEvidence {
  /** Calibrated relevance before the advisor's feedback. */
  relevance: number;
  /** The retrieval score (scoring.ts). */
  retrieval: number;
  /** Some matched word is specific to few topics; without it, never likely. */
  specific: boolean;
  /** Its score equals an answer's of another topic; then never likely. */
  tied: boolean;
  /** The topic model's probability for the answer's topic. */
  topicProbability: number;
  /** IDF-weighted share of the post's informative words it matched. */
  coverage: number;
  /** The trained classifier's probability for the answer's topic (null: matched without it). */
  classifierTopic: number | null;
}

/**
 * How sure the matcher is about a suggestion (docs/PRODUCT.md; issue 12):
 * `likely` when the relevance model says so and the evidence is specific to
 * the answer; `possible` for everything else that is still shown (generic
 * words only, a tie with an answer of another topic, or a relevance below the
 * threshold). The bar counts only `likely` ones.
 */
export type SuggestionLevel = 'likely' | 'possible';

export interface Suggestion {
  answerId: string;
  packId: string;
  packVersion: string;
  topic: AnswerTopic;
  kind: AnswerKind;
  /** Calibrated relevance 0..1, after feedback adjustment: a ranking number, not shown. */
  score: number;
  level: SuggestionLevel;
  /** Words of the post that matched this answer, for the explanation. */
  matchedTerms: string[];
  /** Language of the text offered for this answer. */
  textLanguage: PostLanguage;
  /** True when the answer lacks the post's language and another language is offered. */
  fallback: boolean;
  /** True when the answer's legal review is past its valid-until date. */
  expired: boolean;
  /** Only with MatchOptions.explain. */
  evidence?: SuggestionEvidence;
}

export interface MatchResult {
  language: DetectedLanguage;
  confidence: number;
  isQuestion: boolean;
  /** The post's topic when a suggestion is `likely`; otherwise `off-topic`. */
  topic: Topic;
  /** Best first; `possible` ones may be listed even when the topic is `off-topic`. */
  suggestions: Suggestion[];
  /** When nothing is likely: up to three topics with the most evidence (may be empty). */
  possibleTopics: AnswerTopic[];
  /**
   * Only with MatchOptions.explain: topics by evidence (retrieval, relative,
   * plus the topic model's and the classifier's shares), with the topic
   * model's and the classifier's probabilities (null: matched without it).
   */
  topicEvidence?: {
    topic: AnswerTopic;
    score: number;
    probability: number;
    classifier: number | null;
  }[];
  /** Only with MatchOptions.explain: the classifier's probability that the post is off-topic (null: without it). */
  offTopicProbability?: number | null;
}

export interface Matcher {
  match(input: MatchInput, options?: MatchOptions): MatchResult;
  readonly answerCount: number;
  /**
   * Builds the indexes of the given variants now (default: all) instead of on
   * first use, e.g. while the service worker is idle.
   */
  warm(variants?: readonly IndexVariant[]): void;
}

/** Internal extension used by `pack test`, calibration and the benchmark. */
export interface MatcherInternals extends Matcher {
  /** Ranking leaving the given example documents out, with the relevance features of the best answer. */
  matchExcluding(
    input: MatchInput,
    options: MatchOptions | undefined,
    excludedExamples: ReadonlySet<number>,
  ): MatchResult & { rawTopScore: number; features: RelevanceFeatures | null };
  /** Every indexed example question with its global ordinal. */
  readonly examples: readonly IndexedExample[];
}

export interface IndexedExample {
  ordinal: number;
  packId: string;
  answerId: string;
  topic: AnswerTopic;
  language: PostLanguage;
  text: string;
}

export interface MatcherOptions {
  now?: () => Date;
  calibration?: Calibration;
  /** How the per-index scores add up (for experiments; default WEIGHTS). */
  weights?: Partial<Weights>;
  /**
   * The trained topic classifier (topic-classifier.ts). Without it the
   * matcher decides from the packs alone, with PACK_ONLY_CALIBRATION.
   */
  classifier?: TopicClassifier;
}

/** Below this detection confidence the runner-up language's index is searched too. */
const RUNNER_UP_CONFIDENCE = 0.7;

/** The index variants a post is searched in: its language (Latin-typed for bg/el when so typed) and an uncertain runner-up. */
function variantsFor(
  text: string,
  language: DetectedLanguage,
  runnerUp: DetectedLanguage | null,
): IndexVariant[] {
  const chosen: IndexVariant[] = [];
  const add = (lang: DetectedLanguage | null) => {
    if (lang === null) return;
    const variant = indexVariantFor(lang === 'und' ? 'de' : lang, text);
    if (!chosen.includes(variant)) chosen.push(variant);
  };
  add(language);
  add(runnerUp);
  return chosen;
}

export function buildMatcher(
  packs: readonly Pack[],
  options: MatcherOptions = {},
): MatcherInternals {
  const now = options.now ?? (() => new Date());
  const classifier = options.classifier;
  const calibration =
    options.calibration ?? (classifier ? DEFAULT_CALIBRATION : PACK_ONLY_CALIBRATION);
  const weights: Weights = { ...WEIGHTS, ...options.weights };
  const entries: AnswerEntry[] = [];
  for (const pack of packs) {
    for (const answer of pack.answers) {
      // A withdrawn answer must never be offered again.
      if (answer.review.status === 'withdrawn') continue;
      if (Object.keys(answer.texts).length === 0) continue;
      entries.push({ pack, answer, fallbackLanguage: chooseFallbackLanguage(pack, answer) });
    }
  }
  const answerCount = entries.length;
  const answerTopics = entries.map((entry) => entry.answer.topic);
  const examples: IndexedExample[] = [];
  const exampleOrdinals = new Map<string, number>();
  entries.forEach((entry, answerIndex) => {
    for (const [language, text] of Object.entries(entry.answer.texts) as [
      PostLanguage,
      AnswerText,
    ][]) {
      exampleOrdinals.set(`${answerIndex}:${language}`, examples.length);
      for (const example of text.examples) {
        examples.push({
          ordinal: examples.length,
          packId: entry.pack.id,
          answerId: entry.answer.id,
          topic: entry.answer.topic,
          language,
          text: example,
        });
      }
    }
  });
  const german = createGermanIndexes(entries);
  const context: ScoringContext = {
    answerCount,
    answerTopics,
    specificTopicLimit: specificTopicLimitFor(answerTopics),
    german,
    weights,
  };
  const indexes = new Map<IndexVariant, VariantIndex>();
  // Built on first use: a group's posts come in one or two languages, so most
  // of the 15 indexes are never needed in a session.
  const indexFor = (variant: IndexVariant): VariantIndex => {
    let index = indexes.get(variant);
    if (!index) {
      index = buildVariantIndex(variant, entries, exampleOrdinals, german.protectedTerms());
      indexes.set(variant, index);
    }
    return index;
  };

  const topicModels = new Map<IndexVariant, TopicModel>();
  // Trained with the variant's index, on first use.
  const topicModelFor = (variant: IndexVariant): TopicModel => {
    let model = topicModels.get(variant);
    if (!model) {
      model = trainTopicModel(variant, entries);
      topicModels.set(variant, model);
    }
    return model;
  };

  function run(
    input: MatchInput,
    matchOptions: MatchOptions | undefined,
    excluded: ReadonlySet<number> | undefined,
  ): MatchResult & { rawTopScore: number; features: RelevanceFeatures | null } {
    const top = Math.max(0, Math.floor(matchOptions?.top ?? 3));
    let language: DetectedLanguage;
    let confidence: number;
    let runnerUp: DetectedLanguage | null = null;
    if (input.language !== undefined) {
      language = input.language;
      confidence = 1;
    } else {
      const detected = detectLanguage(input.text);
      language = detected.language;
      confidence = detected.confidence;
      if (detected.runnerUp && confidence < RUNNER_UP_CONFIDENCE) {
        runnerUp = detected.runnerUp.language;
      }
    }
    const isQuestion = analyseQuestion(input.text).isQuestion;
    // Per answer, the best evidence over the searched variants, with the
    // words of that variant's query (turned into an explanation only for the
    // few answers that are suggested).
    const best = new Map<number, Judged & { source: ExplanationSource }>();
    const variants = variantsFor(input.text, language, runnerUp);
    const [primary] = variants;
    const probabilities = new Map<AnswerTopic, number>();
    let classified: ClassifierOutput | undefined;
    if (primary) {
      const index = indexFor(primary);
      for (const { topic, p } of topicModelFor(primary).classify(input.text, index.stopTerms))
        probabilities.set(topic, p);
      classified = classifier?.classify(input.text, primary);
    }
    const onTopic = classified ? onTopicLogOdds(classified.offTopic) : 0;
    for (const variant of variants) {
      const index = indexFor(variant);
      const { scored, words } = scoreVariant(index, input.text, excluded, isQuestion, context);
      const source: ExplanationSource = { words, index };
      for (const item of scored) {
        const previous = best.get(item.answerIndex);
        if (!previous || item.raw > previous.raw) {
          // Fresh objects from scoreVariant: completed in place, no copies per answer.
          const topic = answerTopics[item.answerIndex] ?? 'minimum-wage';
          item.features.topicProbability = probabilities.get(topic) ?? 0;
          item.features.onTopic = onTopic;
          item.features.classifierTopic = classified?.topics.get(topic) ?? 0;
          const judgedItem = item as typeof item & Judged & { source: ExplanationSource };
          judgedItem.relevance = relevanceOf(item.features, calibration);
          judgedItem.source = source;
          best.set(item.answerIndex, judgedItem);
        }
      }
    }
    const judged = [...best.values()].sort((a, b) => b.raw - a.raw);
    const ranking = rankAnswers(judged, entries, {
      top,
      postLanguage: language === 'und' ? 'de' : language,
      ...(matchOptions?.uiLanguage ? { uiLanguage: matchOptions.uiLanguage } : {}),
      ...(matchOptions?.feedback ? { feedback: matchOptions.feedback } : {}),
      today: now().toISOString().slice(0, 10),
      topicSecond: weights.topicSecond,
      topicProbabilities: probabilities,
      topicModel: weights.topicModel,
      ...(classified
        ? { classifierProbabilities: classified.topics, classifierWeight: weights.classifier }
        : {}),
    });
    // The answer the relevance decision was taken on (calibration reads its features).
    const leader = judged.find((item) => item.answerIndex === ranking.leadIndex);
    // Explanations only for what is shown: the post's words in its own spelling.
    const spelled = postSpelling(input.text);
    return {
      language,
      confidence,
      isQuestion,
      topic: ranking.topic,
      suggestions: ranking.suggestions.map(({ evidence, tied, ...suggestion }) => ({
        ...suggestion,
        matchedTerms: explain(evidence.matched, evidence.source, spelled),
        ...(matchOptions?.explain
          ? {
              evidence: {
                relevance: Math.round(evidence.relevance * 1000) / 1000,
                retrieval: Math.round(evidence.raw * 100) / 100,
                specific: evidence.specific,
                tied,
                topicProbability: Math.round(evidence.features.topicProbability * 1000) / 1000,
                coverage: Math.round(evidence.features.coverage * 1000) / 1000,
                classifierTopic: classified
                  ? Math.round(evidence.features.classifierTopic * 1000) / 1000
                  : null,
              },
            }
          : {}),
      })),
      possibleTopics: ranking.possibleTopics,
      ...(matchOptions?.explain
        ? {
            topicEvidence: ranking.topics.slice(0, 5).map(({ topic, score }) => ({
              topic,
              score: Math.round(score * 1000) / 1000,
              probability: Math.round((probabilities.get(topic) ?? 0) * 1000) / 1000,
              classifier: classified
                ? Math.round((classified.topics.get(topic) ?? 0) * 1000) / 1000
                : null,
            })),
            offTopicProbability: classified ? Math.round(classified.offTopic * 1000) / 1000 : null,
          }
        : {}),
      rawTopScore: leader?.raw ?? 0,
      features: leader?.features ?? null,
    };
  }

  return {
    answerCount,
    examples,
    match: (input, matchOptions) => {
      const {
        rawTopScore: _raw,
        features: _features,
        ...result
      } = run(input, matchOptions, undefined);
      return result;
    },
    matchExcluding: (input, matchOptions, excluded) => run(input, matchOptions, excluded),
    warm: (languages = VARIANTS) => {
      for (const variant of languages) {
        indexFor(variant);
        topicModelFor(variant);
      }
    },
  };
}
