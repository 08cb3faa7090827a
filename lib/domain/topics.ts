/**
 * The topic taxonomy (docs/PRODUCT.md#topic-taxonomy). Ids are stable:
 * packs, logs and statistics store them, so never rename one; add new ids at
 * the end instead.
 */
export const TOPICS = [
  'minimum-wage',
  'unpaid-wages',
  'working-time',
  'holidays-leave',
  'sick-leave',
  'employment-contract',
  'dismissal',
  'live-in-care',
  'posting-a1',
  'bogus-self-employment',
  'temp-agency-work',
  'minijob',
  'health-insurance',
  'registration',
  'taxes',
  'child-benefit',
  'unemployment-benefits',
  'pension',
  'work-accident',
  'housing',
  'exploitation',
  'recognition-qualifications',
  'off-topic',
  // Added December 2026 (issue 16): after `off-topic`, so every earlier id keeps its place.
  'maternity-parental',
  'discrimination',
] as const;

export type Topic = (typeof TOPICS)[number];

/** Topics an answer can be about: everything but `off-topic`. */
export const ANSWER_TOPICS = TOPICS.filter(
  (topic): topic is Exclude<Topic, 'off-topic'> => topic !== 'off-topic',
);
export type AnswerTopic = (typeof ANSWER_TOPICS)[number];

export function isTopic(value: string): value is Topic {
  return (TOPICS as readonly string[]).includes(value);
}
