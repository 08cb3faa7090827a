import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import defaultPack from '../../packs/default-pack.json';
import { makeAnswer, makePack, makeText } from '../../tests/packs/make-pack';
import { OutreachDatabase } from '../db/database';
import { PackStore } from '../packs/store';
import type { StoredFeedback } from './suggestion-feedback';
import { withFeedback } from './suggestion-feedback';
import {
  suggestForPostsResponseSchema,
  topicOfSuggestions,
  topicsForPostsResponseSchema,
} from '../suggestions/schema';
import {
  keepValidSuggestions,
  packSignature,
  resetMatcherCache,
  suggestForPosts,
} from './suggestions';

const NOW = new Date('2026-03-01T10:00:00Z');
const NO_FEEDBACK: StoredFeedback = { entries: {} };
const POLISH_WAGE =
  'Czesc, pracuje na budowie pod Monachium i szef placi mi 11 euro na godzine na reke. Czy to w ogole legalne? Ile wynosi teraz Mindestlohn w Niemczech?';

let db: OutreachDatabase;
let store: PackStore;

beforeEach(() => {
  fakeBrowser.reset();
  resetMatcherCache();
  db = new OutreachDatabase(`suggestions-${Math.random()}`);
  store = new PackStore(db, { now: () => NOW });
});
afterEach(async () => {
  resetMatcherCache();
  await db.delete();
});

const ask = (
  text: string,
  options: { uiLanguage?: 'en' | 'de'; feedback?: StoredFeedback; now?: Date } = {},
) =>
  suggestForPosts(
    { uiLanguage: options.uiLanguage ?? 'en', posts: [{ postKey: 'fb:1', text, language: 'pl' }] },
    {
      store,
      now: options.now ?? NOW,
      feedback: options.feedback ?? NO_FEEDBACK,
      ensurePacks: async () => undefined,
    },
  );

describe('suggestForPosts with the default pack', () => {
  beforeEach(async () => {
    await store.ensureBundledPack(defaultPack);
  });

  it('suggests the minimum-wage answer in Polish with the English rendering beside it', async () => {
    const { results, answerCount } = await ask(POLISH_WAGE);
    expect(answerCount).toBeGreaterThan(20);
    const [post] = results;
    expect(post?.topic).toBe('minimum-wage');
    expect(post?.topicLabel).toBe('Minimum wage');
    const first = post?.suggestions[0];
    expect(first).toMatchObject({
      answerId: 'minimum-wage-basics',
      packId: 'eu.outreach-advisor.default',
      topic: 'minimum-wage',
      fallback: false,
      exampleContent: true,
      reviewed: false,
      expired: false,
      signature: { status: 'unsigned', signer: null },
      review: { status: 'pending', reviewer: null },
    });
    expect(first?.reply.language).toBe('pl');
    expect(first?.reply.body).toBe(
      defaultPack.answers.find((a) => a.id === 'minimum-wage-basics')?.texts.pl.body,
    );
    expect(first?.translation?.language).toBe('en');
    expect(post?.suggestions.length).toBeLessThanOrEqual(3);
  });

  it('gives the marker the topic and likely answers without any reply text (topicsForPosts)', async () => {
    const full = await ask(POLISH_WAGE);
    const short = { results: full.results.map(topicOfSuggestions) };
    const [post] = short.results;
    expect(post).toEqual({
      postKey: 'fb:1',
      topic: 'minimum-wage',
      topicLabel: 'Minimum wage',
      likely: full.results[0]?.suggestions.filter((s) => s.level === 'likely').length,
      answerIds: full.results[0]?.suggestions.map((s) => s.answerId),
    });
    expect(post?.likely).toBeGreaterThan(0);
    expect(post?.answerIds[0]).toBe('minimum-wage-basics');
    expect(topicsForPostsResponseSchema.parse(short)).toEqual(short);
    const body = full.results[0]?.suggestions[0]?.reply.body ?? '';
    expect(body.length).toBeGreaterThan(100);
    expect(JSON.stringify(short)).not.toContain(body.slice(0, 40));
    expect(JSON.stringify(short).length * 20).toBeLessThan(JSON.stringify(full).length);
  });

  it('renders beside it in German for a German-speaking advisor', async () => {
    const { results } = await ask(POLISH_WAGE, { uiLanguage: 'de' });
    expect(results[0]?.suggestions[0]?.translation?.language).toBe('de');
  });

  it('ranks an answer the advisor marked not relevant lower', async () => {
    const before = (await ask(POLISH_WAGE)).results[0]?.suggestions ?? [];
    const top = before[0];
    if (!top) throw new Error('no suggestion to give feedback on');
    let feedback = NO_FEEDBACK;
    for (let i = 0; i < 3; i += 1) {
      feedback = withFeedback(
        feedback,
        { packId: top.packId, answerId: top.answerId, kind: 'not-relevant' },
        1,
      );
    }
    const after = (await ask(POLISH_WAGE, { feedback })).results[0]?.suggestions ?? [];
    const demoted = after.find((s) => s.answerId === top.answerId);
    if (demoted) expect(demoted.score).toBeLessThan(top.score);
    expect(after[0]?.answerId).not.toBe(top.answerId);
  });
});

describe('suggestForPosts with changing packs', () => {
  const wagePack = (
    version: string,
    answerIds: string[],
    languages: ('de' | 'pl')[] = ['de', 'pl'],
  ) =>
    makePack(
      {
        version,
        exampleContent: false,
        answers: answerIds.map((answerId) =>
          makeAnswer(
            answerId,
            {
              review: {
                status: 'approved',
                reviewer: 'RA Beispiel',
                reviewedAt: '2026-01-10',
                validUntil: '2026-06-30',
                legalBasis: ['§ 1 MiLoG'],
              },
              texts: Object.fromEntries(languages.map((l) => [l, makeText(l)])),
            },
            languages,
          ),
        ),
      },
      languages,
    );

  it('rebuilds the matcher when a new version of a pack is installed or a pack is switched off', async () => {
    await store.install(wagePack('2026.1.0', ['wage-old']), { kind: 'bundled' });
    expect((await ask(POLISH_WAGE)).answerCount).toBe(1);
    await store.install(wagePack('2026.2.0', ['wage-new', 'wage-other']), { kind: 'bundled' });
    expect((await ask(POLISH_WAGE)).answerCount).toBe(2);
    await store.setActive('org.example.test', false);
    expect((await ask(POLISH_WAGE)).answerCount).toBe(0);
  });

  it('installs the bundled pack first when a request comes before onInstalled did', async () => {
    const response = await suggestForPosts(
      { uiLanguage: 'en', posts: [{ postKey: 'fb:1', text: POLISH_WAGE, language: 'pl' }] },
      {
        store,
        now: NOW,
        feedback: NO_FEEDBACK,
        ensurePacks: () => store.ensureBundledPack(defaultPack),
      },
    );
    expect(response.answerCount).toBeGreaterThan(20);
    expect(response.results[0]?.topic).toBe('minimum-wage');
  });

  it('suggests nothing, and says so, when no pack is active', async () => {
    const response = await ask(POLISH_WAGE);
    expect(response.answerCount).toBe(0);
    expect(response.results[0]?.suggestions).toEqual([]);
  });
});

describe('packSignature', () => {
  const summary = (id: string, active: boolean, version = '1.0.0') => ({
    id,
    title: id,
    version,
    publisher: 'p',
    exampleContent: false,
    active,
    answers: 1,
    languages: [],
    installedAt: '2026-01-01T00:00:00Z',
    source: { kind: 'bundled' as const },
    trust: 'unsigned' as const,
    signer: null,
    previousVersion: null,
  });
  it('changes with versions and activation, not with order or inactive packs', () => {
    const a = packSignature([summary('a', true), summary('b', true), summary('c', false)]);
    expect(packSignature([summary('b', true), summary('a', true)])).toBe(a);
    expect(packSignature([summary('a', true), summary('b', true, '1.0.1')])).not.toBe(a);
    expect(packSignature([summary('a', true)])).not.toBe(a);
  });
});

describe('one bad suggestion never fails a whole reply (finding 5)', () => {
  it('drops only the suggestion the protocol would refuse', async () => {
    resetMatcherCache();
    const db = new OutreachDatabase(`bad-suggestion-${Math.random()}`);
    const store = new PackStore(db, { now: () => new Date('2026-03-01T10:00:00Z') });
    await store.install(structuredClone(defaultPack), { kind: 'file', name: 'default.json' });
    const reply = await suggestForPosts(
      {
        uiLanguage: 'en',
        posts: [
          {
            postKey: 'fb:1',
            text: 'Ile wynosi Mindestlohn w Niemczech? Szef placi 11 euro na godzine.',
            language: 'pl',
          },
        ],
      },
      {
        store,
        now: new Date('2026-03-01T10:00:00Z'),
        feedback: { entries: {} },
        ensurePacks: async () => undefined,
      },
    );
    const good = reply.results[0];
    expect(good?.suggestions.length).toBeGreaterThan(0);
    if (!good?.suggestions[0]) return;
    const bad = { ...good.suggestions[0], answerId: 'a'.repeat(300) };
    const kept = keepValidSuggestions({ ...good, suggestions: [bad, ...good.suggestions] });
    expect(kept.suggestions).toEqual(good.suggestions);
    expect(
      suggestForPostsResponseSchema.safeParse({ results: [kept], answerCount: 1 }).success,
    ).toBe(true);
    await db.delete();
  });
});
