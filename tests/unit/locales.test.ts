/**
 * Every UI language must have the same locale files with the same keys, so
 * no string silently falls back to English (or disappears) in German.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) =>
    keysOf(inner, prefix ? `${prefix}.${key}` : key),
  );
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

describe('UI locales (locales/)', () => {
  const languages = readdirSync(join(root, 'locales')).sort();
  const files = (language: string) => readdirSync(join(root, 'locales', language)).sort();

  it('has German and English', () => {
    expect(languages).toEqual(['de', 'en']);
  });

  it('has the same namespace files in every language', () => {
    expect(files('de')).toEqual(files('en'));
  });

  it.each(files('en'))('%s has the same keys in every language', (file) => {
    const english = keysOf(readJson(join(root, 'locales', 'en', file))).sort();
    for (const language of languages) {
      expect(keysOf(readJson(join(root, 'locales', language, file))).sort(), language).toEqual(
        english,
      );
    }
  });

  it.each(files('en'))('%s has no empty strings', (file) => {
    for (const language of languages) {
      const json = JSON.stringify(readJson(join(root, 'locales', language, file)));
      expect(json, `${language}/${file}`).not.toMatch(/:""/);
    }
  });
});

describe('extension name and description (public/_locales)', () => {
  const languages = readdirSync(join(root, 'public', '_locales')).sort();

  it('has German and English', () => {
    expect(languages).toEqual(['de', 'en']);
  });

  it('has the same message keys in every language', () => {
    const keys = (language: string) =>
      Object.keys(
        readJson(join(root, 'public', '_locales', language, 'messages.json')) as object,
      ).sort();
    for (const language of languages) expect(keys(language), language).toEqual(keys('en'));
  });
});
