import { describe, expect, it } from 'vitest';
import { explain, postSpelling } from './explain';
import type { QueryWord } from './variant-index';

const word = (w: string): QueryWord => ({
  word: w,
  native: w,
  german: null,
  germanKeyed: null,
  weight: 1,
});

describe('postSpelling', () => {
  it('gives back the first spelling the post used for a folded word', () => {
    const spelled = postSpelling('Kündigung! Und noch eine KÜNDIGUNG, Łódź');
    expect(spelled('kundigung')).toBe('Kündigung');
    expect(spelled('lodz')).toBe('Łódź');
    expect(spelled('unknown')).toBe('unknown');
  });
});

describe('explain', () => {
  const words = ['nu', 'salariu', 'mi', 'luni'].map(word);
  const source = { words, index: { quietWords: new Set(['nu', 'mi']) } };

  it('lists the matched words without function words, deduplicated, in the post spelling', () => {
    const spelled = postSpelling('Nu mi-a dat salariu de 2 luni, SALARIU');
    expect(explain([0, 1, 2, 3, 1], source, spelled)).toEqual(['salariu', 'luni']);
  });

  it('falls back to the function words when nothing else matched', () => {
    expect(explain([0, 2], source, (w) => w)).toEqual(['nu', 'mi']);
  });
});
