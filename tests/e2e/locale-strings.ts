/**
 * The UI strings of one language, flattened from locales/<language>/*.json,
 * to check that what a page shows comes from the locale files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './fixtures';

function flatten(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(flatten);
}

export function localeStrings(language: 'en' | 'de'): string[] {
  const dir = join(REPO_ROOT, 'locales', language);
  return readdirSync(dir).flatMap((file) =>
    flatten(JSON.parse(readFileSync(join(dir, file), 'utf8'))),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * True when `text` is one of the strings, part of one, or an instance of one
 * with its {{placeholders}} filled in.
 */
export function comesFromLocale(text: string, strings: readonly string[]): boolean {
  return strings.some((candidate) => {
    if (candidate === text || candidate.includes(text)) return true;
    if (!candidate.includes('{{')) return false;
    const pattern = candidate
      .split(/\{\{[^}]+\}\}/)
      .map(escapeRegExp)
      .join('.+');
    return new RegExp(`^${pattern}$`).test(text) || new RegExp(pattern).test(text);
  });
}
