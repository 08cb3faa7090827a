import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MAX_ADJUSTMENT } from '../matching';
import {
  adjustmentsOf,
  clearFeedback,
  feedbackItem,
  loadFeedback,
  normaliseFeedback,
  recordFeedback,
  withFeedback,
} from './suggestion-feedback';

const answer = { packId: 'org.example', answerId: 'wage' };

beforeEach(() => {
  fakeBrowser.reset();
});

describe('suggestion feedback', () => {
  it('counts each kind and keeps the adjustment bounded', async () => {
    for (let i = 0; i < 10; i += 1)
      await recordFeedback({ ...answer, kind: 'not-relevant' }, 100 + i);
    await recordFeedback({ ...answer, kind: 'used' }, 200);
    const stored = await loadFeedback();
    expect(stored.entries['org.example/wage']).toMatchObject({
      notRelevant: 10,
      used: 1,
      updatedAt: 200,
    });
    const adjustment = adjustmentsOf(stored)['org.example/wage'] ?? 0;
    expect(adjustment).toBeLessThan(0);
    expect(adjustment).toBeGreaterThanOrEqual(-MAX_ADJUSTMENT);
  });

  it('records feedback given at the same time from two tabs', async () => {
    await Promise.all([
      recordFeedback({ ...answer, kind: 'used' }),
      recordFeedback({ packId: 'org.example', answerId: 'other', kind: 'not-relevant' }),
    ]);
    expect(Object.keys((await loadFeedback()).entries).sort()).toEqual([
      'org.example/other',
      'org.example/wage',
    ]);
  });

  it('resets one answer or everything', async () => {
    await recordFeedback({ ...answer, kind: 'used' });
    await recordFeedback({ packId: 'org.example', answerId: 'other', kind: 'used' });
    expect(Object.keys((await clearFeedback(answer)).entries)).toEqual(['org.example/other']);
    expect((await clearFeedback()).entries).toEqual({});
    expect(await loadFeedback()).toEqual({ entries: {} });
  });

  it('drops stored entries that do not parse and clamps tampered adjustments', async () => {
    await feedbackItem.setValue({
      entries: {
        good: { ...answer, adjustment: 5, notRelevant: 0, used: 3, updatedAt: 1 },
        bad: { packId: 1 },
      },
    } as never);
    const stored = await loadFeedback();
    expect(Object.keys(stored.entries)).toEqual(['org.example/wage']);
    expect(stored.entries['org.example/wage']?.adjustment).toBe(MAX_ADJUSTMENT);
    expect(normaliseFeedback('garbage')).toEqual({ entries: {} });
  });

  it('leaves an answer out of the adjustments once its steps cancel out', () => {
    let feedback = withFeedback({ entries: {} }, { ...answer, kind: 'used' }, 1);
    feedback = withFeedback(feedback, { ...answer, kind: 'used' }, 2);
    feedback = withFeedback(feedback, { ...answer, kind: 'not-relevant' }, 3);
    expect(adjustmentsOf(feedback)).toEqual({});
    expect(feedback.entries['org.example/wage']).toMatchObject({ used: 2, notRelevant: 1 });
  });
});
