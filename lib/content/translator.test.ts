import { describe, expect, it } from 'vitest';
import { createTranslator, type Resources } from './translator';

const resources: Resources = {
  en: {
    overlay: {
      toggle: 'Outreach Advisor: {{summary}}',
      reply: { inserted: 'Inserted.', failed: 'Failed: {{reason}}' },
      onlyEnglish: 'English only',
    },
    'overlay-x': { count_one: '{{count}} reply', count_other: '{{count}} replies' },
  },
  de: {
    overlay: { toggle: 'Outreach Advisor: {{summary}}', reply: { inserted: 'Eingefügt.' } },
    'overlay-x': { count_one: '{{count}} Antwort', count_other: '{{count}} Antworten' },
  },
};

describe('createTranslator', () => {
  const de = createTranslator(resources, 'de');
  const en = createTranslator(resources, 'en');
  it.each([
    ['nested key', de.fixedT('overlay'), 'reply.inserted', undefined, 'Eingefügt.'],
    ['interpolation', en.fixedT('overlay'), 'toggle', { summary: 'pl' }, 'Outreach Advisor: pl'],
    ['namespace prefix', de.fixedT('overlay-x'), 'overlay:reply.inserted', undefined, 'Eingefügt.'],
    ['fallback language', de.fixedT('overlay'), 'onlyEnglish', undefined, 'English only'],
    ['plural one', de.fixedT('overlay-x'), 'count', { count: 1 }, '1 Antwort'],
    ['plural other', de.fixedT('overlay-x'), 'count', { count: 3 }, '3 Antworten'],
    ['plural zero (English other)', en.fixedT('overlay-x'), 'count', { count: 0 }, '0 replies'],
    ['defaultValue', en.fixedT('overlay'), 'languages.xx', { defaultValue: 'xx' }, 'xx'],
    ['missing key shows the key', en.fixedT('overlay'), 'nope.nothing', undefined, 'nope.nothing'],
    [
      'missing value keeps the placeholder',
      en.fixedT('overlay'),
      'reply.failed',
      {},
      'Failed: {{reason}}',
    ],
    [
      'no HTML escaping (React renders text)',
      en.fixedT('overlay'),
      'reply.failed',
      { reason: '<b>' },
      'Failed: <b>',
    ],
  ])('%s', (_name, t, key, options, expected) => {
    expect(t(key, options)).toBe(expected);
  });

  it('a key that names a subtree is not a string', () => {
    expect(en.fixedT('overlay')('reply')).toBe('reply');
  });
});
