import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOverlayI18n, overlayResources } from './overlay-strings';

const root = resolve(import.meta.dirname, '..', '..');

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => join(dir, file));
}

describe('overlay strings', () => {
  it('the content script does not carry i18next: overlay code imports the small translator', () => {
    const offenders = [...sourcesUnder('components/overlay'), ...sourcesUnder('lib/content')]
      .filter((file) =>
        /from ['"](react-)?i18next['"]/.test(readFileSync(join(root, file), 'utf8')),
      )
      .map((file) => relative(root, join(root, file)));
    expect(offenders).toEqual([]);
  });

  it('bundles every overlay namespace in both languages', () => {
    const resources = overlayResources();
    expect(Object.keys(resources.de).sort()).toEqual(Object.keys(resources.en).sort());
    expect(Object.keys(resources.en)).toContain('overlay');
  });

  it('switches language and tells subscribers', () => {
    const i18n = createOverlayI18n('en');
    let calls = 0;
    const unsubscribe = i18n.subscribe(() => (calls += 1));
    expect(i18n.getFixedT('overlay')('reply.heading')).toBe('Your own reply');
    i18n.changeLanguage('de');
    i18n.changeLanguage('de');
    expect(calls).toBe(1);
    expect(i18n.language).toBe('de');
    expect(i18n.getFixedT('overlay')('reply.heading')).not.toBe('Your own reply');
    unsubscribe();
  });
});
