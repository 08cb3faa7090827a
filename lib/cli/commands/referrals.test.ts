import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePack } from '../../../tests/packs/make-pack';
import type { ReferralTarget } from '../../packs/schema';
import { runCliInMemory } from '../run-in-memory';
import { COMMANDS } from './index';

const run = (args: string[]) => runCliInMemory(args, { commands: COMMANDS });

const target = (
  id: string,
  states: ReferralTarget['states'],
  languages: ReferralTarget['languages'],
): ReferralTarget => ({
  id,
  name: `Service ${id}`,
  kind: 'labour-rights',
  url: `https://beratung.example/${id}`,
  channels: [{ type: 'email', value: `${id}@beratung.example` }],
  states,
  languages,
  lastChecked: '2026-11-20',
});

const dir = mkdtempSync(join(tmpdir(), 'oa-referrals-'));
const packFile = join(dir, 'pack.json');
writeFileSync(
  packFile,
  JSON.stringify(
    makePack({
      updatedAt: '2026-11-20',
      referrals: [
        target('nw-ro', ['DE-NW'], ['de', 'ro']),
        target('nw-pl', ['DE-NW'], ['de', 'pl']),
        target('by-ro', ['DE-BY'], ['de', 'ro']),
        target('national-ro', ['DE'], ['ro', 'bg']),
      ],
    }),
  ),
);

const ids = (out: string) =>
  out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { id: string }).id);

describe('cli referrals', () => {
  it('--state DE-NW --language ro returns only targets serving both, local first, as the contract says', async () => {
    const { code, out, err } = await run([
      'referrals',
      '--state',
      'DE-NW',
      '--language',
      'ro',
      '--pack',
      packFile,
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(ids(out)).toEqual(['nw-ro', 'national-ro']);
    expect(JSON.parse(out.split('\n')[0] ?? '')).toEqual({
      id: 'nw-ro',
      name: 'Service nw-ro',
      url: 'https://beratung.example/nw-ro',
      states: ['DE-NW'],
      languages: ['de', 'ro'],
    });
  });

  it('filters by one criterion or none, and prints nothing when nothing matches', async () => {
    expect(ids((await run(['referrals', '--language', 'pl', '--pack', packFile])).out)).toEqual([
      'nw-pl',
    ]);
    expect(ids((await run(['referrals', '--state', 'de-by', '--pack', packFile])).out)).toEqual([
      'by-ro',
      'national-ro',
    ]);
    expect(ids((await run(['referrals', '--pack', packFile])).out)).toHaveLength(4);
    const none = await run([
      'referrals',
      '--state',
      'DE-SN',
      '--language',
      'pl',
      '--pack',
      packFile,
    ]);
    expect(none).toMatchObject({ code: 0, out: '' });
  });

  it('refuses an unknown state or language with a usage error', async () => {
    const state = await run(['referrals', '--state', 'NRW', '--pack', packFile]);
    expect(state.code).toBe(2);
    expect(state.err).toContain('--state expects a federal state code such as DE-NW, got "NRW"');
    const language = await run(['referrals', '--language', 'tr', '--pack', packFile]);
    expect(language.code).toBe(2);
    expect(language.err).toContain('--language expects one of de, en, pl');
  });

  it('reads the bundled default pack when no --pack is given', async () => {
    const { code } = await run(['referrals']);
    expect(code).toBe(0);
  });
});
