import { describe, expect, it } from 'vitest';
import { logEventInputSchema } from '../../log/events';
import { sampleEvent } from '../../../tests/fixtures/sample-events';
import { eventFieldsFor } from './log-overlay-actions';

const common = (() => {
  const { type: _type, ...rest } = sampleEvent('post-seen');
  return rest;
})();

describe('eventFieldsFor', () => {
  it.each([
    ['suggestions-shown', { answerIds: 'a1,a2' }, { answerIds: ['a1', 'a2'] }],
    [
      'reply-inserted',
      {
        answerId: 'a1',
        packId: 'default',
        packVersion: '1.2.0',
        replyLanguage: 'pl',
        edited: true,
      },
      { answerId: 'a1', packVersion: '1.2.0', edited: true, replyLanguage: 'pl' },
    ],
    ['reply-copied', { source: 'own-reply' }, { answerId: 'own-reply', edited: false }],
    ['not-relevant', {}, { answerId: null }],
    ['handled', {}, {}],
    ['referred', { referredTo: 'Faire Mobilität' }, { referredTo: 'Faire Mobilität' }],
  ])('turns %s into a valid log event', (action, detail, expected) => {
    const fields = eventFieldsFor(action, detail);
    expect(fields).toMatchObject({ type: action, ...expected });
    expect(logEventInputSchema.safeParse({ ...common, ...fields }).success).toBe(true);
  });

  it.each(['overlay-opened', 'overlay-closed', 'reply-insert-failed'])(
    'does not log %s',
    (action) => {
      expect(eventFieldsFor(action, {})).toBeNull();
    },
  );
});
