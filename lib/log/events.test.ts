import { describe, expect, it } from 'vitest';
import { sampleEvent } from '../../tests/fixtures/sample-events';
import { splitEventBatch } from './events';

describe('note-added with an escalation kind', () => {
  const note = (over: Record<string, unknown>) => sampleEvent('note-added', over);

  it('is accepted with outcome "escalated", and old notes without a kind still are', () => {
    const events = [
      note({ outcome: 'escalated', escalation: 'exploitation' }),
      note({ outcome: 'escalated', escalation: null }),
      note({ outcome: 'escalated' }),
      note({ outcome: 'informed', escalation: null }),
    ];
    const { valid, rejected } = splitEventBatch(events);
    expect(rejected).toEqual([]);
    expect(valid.map((e) => (e.type === 'note-added' ? e.escalation : 'other'))).toEqual([
      'exploitation',
      null,
      undefined,
      null,
    ]);
  });

  it('is refused with another outcome or an unknown kind, saying where', () => {
    const wrongOutcome = note({ outcome: 'informed', escalation: 'violence' });
    const unknownKind = note({ outcome: 'escalated', escalation: 'war' });
    const { valid, rejected } = splitEventBatch([wrongOutcome, unknownKind]);
    expect(valid).toEqual([]);
    expect(rejected).toEqual([
      {
        id: wrongOutcome.id,
        reason: 'escalation: an escalation kind belongs only to the outcome "escalated"',
      },
      { id: unknownKind.id, reason: expect.stringMatching(/^escalation: /) as string },
    ]);
  });
});
