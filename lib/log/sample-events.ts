/**
 * Synthetic events for tests, benchmarks and the demo: deterministic (a
 * seeded generator), covering every event type, with realistic spreads of
 * languages, topics and groups. Never real people: author hashes are
 * derived from numbers.
 */
import { POST_LANGUAGES } from '../domain/languages';
import { ANSWER_TOPICS } from '../domain/topics';
import type { LogEvent, LogEventInput, LogEventType } from './events';
import { CASE_OUTCOMES } from './events';

type Common = Omit<Extract<LogEventInput, { type: 'post-seen' }>, 'type'>;

/** One event of each type's required extra fields. */
export function extrasFor(type: LogEventType, index = 0): Record<string, unknown> {
  switch (type) {
    case 'suggestions-shown':
      return { answerIds: [`answer-${index % 7}`, `answer-${(index + 3) % 7}`] };
    case 'reply-inserted':
    case 'reply-copied':
      return {
        answerId: `answer-${index % 7}`,
        packId: 'default',
        packVersion: '1.0.0',
        replyLanguage: 'pl',
        edited: index % 2 === 0,
      };
    case 'not-relevant':
      return { answerId: index % 2 === 0 ? null : `answer-${index % 7}` };
    case 'referred':
      return { referredTo: 'Faire Mobilität' };
    case 'note-added':
      return { outcome: CASE_OUTCOMES[index % CASE_OUTCOMES.length], note: 'Called back' };
    default:
      return {};
  }
}

export function sampleEvent(
  type: LogEventType,
  overrides: Partial<Common> & Record<string, unknown> = {},
): LogEventInput {
  const common: Common = {
    id: crypto.randomUUID(),
    at: Date.UTC(2026, 2, 2, 10),
    postKey: 'group-1:post-1',
    groupId: 'group-1',
    groupName: 'Polacy w Niemczech',
    language: 'pl',
    topic: 'unpaid-wages',
    isQuestion: true,
    authorHash: 'a'.repeat(64),
    postedAt: Date.UTC(2026, 2, 2, 9),
  };
  return { ...common, type, ...extrasFor(type), ...overrides } as LogEventInput;
}

/** A small deterministic PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GROUPS = [
  ['polacy-de', 'Polacy w Niemczech'],
  ['romanii-de', 'Românii din Germania'],
  ['bulgari-de', 'Българи в Германия'],
  ['pflege-24', '24h Pflege Betreuerinnen'],
  ['ellines-de', 'Έλληνες στη Γερμανία'],
] as const;

/**
 * `count` stored events over ~26 weeks from `start`: mostly post-seen, then
 * the actions on a share of those posts, in time order per post.
 */
export function generateEvents(count: number, seed = 1, start = Date.UTC(2026, 0, 5)): LogEvent[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const events: LogEvent[] = [];
  let post = 0;
  while (events.length < count) {
    post += 1;
    const [groupId, groupName] = pick(GROUPS);
    const postedAt = start + Math.floor(random() * 180 * 86_400_000);
    const common: Common = {
      id: '',
      at: postedAt + Math.floor(random() * 3_600_000),
      postKey: `${groupId}:${seed}-${post}`,
      groupId,
      groupName,
      language: pick(POST_LANGUAGES),
      topic: random() < 0.15 ? 'off-topic' : pick(ANSWER_TOPICS),
      isQuestion: random() < 0.6,
      authorHash: (post * 2654435761).toString(16).padStart(64, '0').slice(-64),
      postedAt,
    };
    const types: LogEventType[] = ['post-seen'];
    if (common.topic !== 'off-topic' && random() < 0.5) {
      types.push('suggestions-shown');
      const action = random();
      if (action < 0.5) types.push(pick(['reply-inserted', 'reply-copied'] as const), 'note-added');
      else if (action < 0.65) types.push('referred', 'note-added');
      else if (action < 0.8) types.push('not-relevant');
      else types.push('handled');
    }
    types.forEach((type, step) => {
      if (events.length >= count) return;
      events.push({
        ...common,
        id: `ev-${seed}-${String(post).padStart(6, '0')}-${step}`,
        at: common.at + step * 90_000,
        type,
        ...extrasFor(type, post + step),
        advisor: `advisor-${seed}`,
        source: 'local',
      } as LogEvent);
    });
  }
  return events;
}
