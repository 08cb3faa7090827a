import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import defaultPack from '../../packs/default-pack.json';
import { OutreachDatabase } from '../db/database';
import { PackStore } from '../packs/store';
import { listReferralsResponseSchema } from '../referrals/messages';
import { listReferrals } from './referrals';
import { resetMatcherCache } from './suggestions';

const NOW = new Date('2026-12-04T10:00:00Z');
let db: OutreachDatabase;
let store: PackStore;

beforeEach(() => {
  fakeBrowser.reset();
  resetMatcherCache();
  db = new OutreachDatabase(`referrals-${Math.random()}`);
  store = new PackStore(db, { now: () => NOW });
});
afterEach(async () => {
  resetMatcherCache();
  await db.delete();
});

const run = (request: Parameters<typeof listReferrals>[0]) =>
  listReferrals(request, { store, now: NOW.getTime(), ensurePacks: async () => undefined });

describe('listReferrals', () => {
  it("answers from the installed pack's directory: state and language filtered, local first, valid for the protocol", async () => {
    await store.ensureBundledPack(defaultPack);
    const response = await run({ state: 'DE-NW', language: 'ro' });
    expect(listReferralsResponseSchema.safeParse(response).success).toBe(true);
    expect(response.referrals.length).toBeGreaterThan(1);
    for (const option of response.referrals) {
      expect(option.languages).toContain('ro');
      expect(option.states.some((state) => state === 'DE-NW' || state === 'DE')).toBe(true);
      expect(option.local).toBe(option.states.includes('DE-NW'));
    }
    const firstNationwide = response.referrals.findIndex((option) => !option.local);
    expect(response.referrals.slice(firstNationwide).every((option) => !option.local)).toBe(true);
    expect(response.referrals[0]?.local).toBe(true);
  });

  it('lists nothing when no pack is installed, and everything without a filter', async () => {
    expect((await run({})).referrals).toEqual([]);
    await store.ensureBundledPack(defaultPack);
    resetMatcherCache();
    expect((await run({})).referrals.length).toBe(defaultPack.referrals?.length);
  });
});
