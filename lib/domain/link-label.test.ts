import { describe, expect, it } from 'vitest';
import { linkLabelFor } from './link-label';

const link = {
  label: 'Faire Mobilität – Beratung',
  labels: { pl: 'Faire Mobilität – porady', ro: ' ' },
};

describe('linkLabelFor', () => {
  it.each([
    ['pl', 'Faire Mobilität – porady'],
    ['de', 'Faire Mobilität – Beratung'],
    ['hu', 'Faire Mobilität – Beratung'],
    // A blank label is no label: the reader would see only the address.
    ['ro', 'Faire Mobilität – Beratung'],
    // Inherited object keys are never labels.
    ['toString', 'Faire Mobilität – Beratung'],
  ])('%s → %s', (language, expected) => {
    expect(linkLabelFor(link, language)).toBe(expected);
  });

  it('uses the label when a link has no labels at all', () => {
    expect(linkLabelFor({ label: 'Zoll' }, 'pl')).toBe('Zoll');
  });
});
