import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import defaultPack from '../../packs/default-pack.json';
import { OutreachDatabase } from '../db/database';
import { protocol } from '../messaging/protocol';
import { PackStore } from '../packs/store';
import { searchAnswersRequestSchema, searchAnswersResponseSchema } from '../suggestions/schema';
import { searchAnswers } from './search';
import { resetMatcherCache } from './suggestions';

const NOW = new Date('2026-03-01T10:00:00Z');
let db: OutreachDatabase;
let store: PackStore;

beforeEach(() => {
  fakeBrowser.reset();
  resetMatcherCache();
  db = new OutreachDatabase(`search-${Math.random()}`);
  store = new PackStore(db, { now: () => NOW });
});
afterEach(async () => {
  resetMatcherCache();
  await db.delete();
});

const run = (query: string, extra: { postLanguage?: 'pl'; limit?: number } = {}) =>
  searchAnswers(
    { query, uiLanguage: 'de', ...extra },
    { store, now: NOW, ensurePacks: async () => undefined },
  );

describe('searchAnswers', () => {
  it('renders hits like suggestions, all possible, in the post language with the UI text beside', async () => {
    await store.ensureBundledPack(defaultPack);
    const response = await run('Kündigung', { postLanguage: 'pl' });
    expect(searchAnswersResponseSchema.safeParse(response).success).toBe(true);
    expect(response.answerCount).toBeGreaterThan(20);
    const [first] = response.results;
    expect(first).toMatchObject({ topic: 'dismissal', level: 'possible', fallback: false });
    expect(first?.reply.language).toBe('pl');
    expect(first?.translation?.language).toBe('de');
    expect(response.results.every((hit) => hit.level === 'possible')).toBe(true);
  });

  it('keeps to the requested limit', async () => {
    await store.ensureBundledPack(defaultPack);
    expect((await run('Arbeit', { limit: 2 })).results).toHaveLength(2);
  });

  it('answers an empty list when no pack is active', async () => {
    expect(await run('Kündigung')).toEqual({ results: [], answerCount: 0 });
  });

  it('is in the protocol with the limits of lib/domain/limits.ts', () => {
    expect(protocol.searchAnswers.senders).toEqual(['extension-page']);
    const parse = (request: unknown) => searchAnswersRequestSchema.safeParse(request).success;
    expect(parse({ query: 'x'.repeat(200), uiLanguage: 'en' })).toBe(true);
    expect(parse({ query: 'x'.repeat(201), uiLanguage: 'en' })).toBe(false);
    expect(parse({ query: '', uiLanguage: 'en' })).toBe(false);
    expect(parse({ query: 'a', uiLanguage: 'en', limit: 20 })).toBe(true);
    expect(parse({ query: 'a', uiLanguage: 'en', limit: 21 })).toBe(false);
  });
});
