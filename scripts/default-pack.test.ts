import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePack } from '../lib/packs/parse';
import { DEFAULT_PACK_FILE, renderDefaultPack } from './default-pack-sources';

describe('packs/default-pack.json', () => {
  it('is up to date with packs/default/ (rebuild with npm run pack:default)', async () => {
    expect(readFileSync(DEFAULT_PACK_FILE, 'utf8')).toBe(await renderDefaultPack());
  });

  it('passes the full validator without errors', () => {
    const result = parsePack(readFileSync(DEFAULT_PACK_FILE, 'utf8'));
    expect(
      result.problems.filter((p) => p.severity === 'error').map((p) => `${p.path}: ${p.message}`),
    ).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('is the example-content default pack in all 13 languages', () => {
    const result = parsePack(readFileSync(DEFAULT_PACK_FILE, 'utf8'));
    if (!result.ok) throw new Error('default pack does not parse');
    expect(result.pack).toMatchObject({
      id: 'eu.outreach-advisor.default',
      canonicalLanguage: 'de',
      exampleContent: true,
    });
    expect(result.pack.languages).toHaveLength(13);
  });
});
