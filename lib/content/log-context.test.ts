import { describe, expect, it } from 'vitest';
import { postedAtFromLabel } from './log-context';

const now = Date.UTC(2026, 2, 2, 12);
const MIN = 60_000;

describe('postedAtFromLabel', () => {
  it.each([
    ['12 min', now - 12 * MIN],
    ['12m', now - 12 * MIN],
    ['3 h', now - 180 * MIN],
    ['2 Std.', now - 120 * MIN],
    ['5 d', now - 5 * 1440 * MIN],
    ['1 T.', now - 1440 * MIN],
    ['2 w', now - 2 * 7 * 1440 * MIN],
    ['3 Wo.', now - 3 * 7 * 1440 * MIN],
    ['Just now', now],
    ['Gerade eben', now],
    ['March 3 at 10:00', null],
    ['', null],
    [null, null],
    ['12 parsecs', null],
  ])('reads %j as %s', (label, expected) => {
    expect(postedAtFromLabel(label, now)).toBe(expected);
  });
});
