import { describe, expect, it } from 'vitest';
import { humanisePlaceholder, knownPlaceholder, splitPlaceholders } from './placeholder-labels';

describe('placeholder labels', () => {
  it.each([
    ['city', 'city'],
    ['Stadt', 'city'],
    ['office_hours', 'hours'],
    ['contact', 'contact'],
    ['case_number', null],
  ])('knows %s as %s', (name, known) => {
    expect(knownPlaceholder(name)).toBe(known);
  });

  it.each([
    ['caseNumber', 'Case number'],
    ['case_number', 'Case number'],
    ['x', 'X'],
  ])('humanises %s', (name, label) => {
    expect(humanisePlaceholder(name)).toBe(label);
  });

  it('splits text around the markers', () => {
    expect(splitPlaceholders('In {city}, call {contact}.')).toEqual([
      { text: 'In ', placeholder: null },
      { text: '{city}', placeholder: 'city' },
      { text: ', call ', placeholder: null },
      { text: '{contact}', placeholder: 'contact' },
      { text: '.', placeholder: null },
    ]);
  });
});
