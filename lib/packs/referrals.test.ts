import { describe, expect, it } from 'vitest';
import { makePack } from '../../tests/packs/make-pack';
import { parsePack } from './parse';
import { filterReferrals } from './referrals';
import type { Pack, ReferralTarget } from './schema';
import { signPack, generateSigningKeys, parsePublicKeyFile, verifyPack } from './signing';
import { validatePack } from './validate';

const TODAY = '2026-12-04';

const target = (id: string, overrides: Partial<ReferralTarget> = {}): ReferralTarget => ({
  id,
  name: `Beratung ${id}`,
  kind: 'labour-rights',
  url: `https://beratung.example/${id}`,
  channels: [{ type: 'phone', value: '+49 30 1234567' }],
  states: ['DE-NW'],
  languages: ['de', 'ro'],
  lastChecked: '2026-11-20',
  ...overrides,
});

const directory: ReferralTarget[] = [
  target('dortmund', { name: 'Dortmund office', states: ['DE-NW'], languages: ['de', 'ro', 'bg'] }),
  target('cologne-pl', { name: 'Cologne office', states: ['DE-NW'], languages: ['de', 'pl'] }),
  target('munich', { name: 'Munich office', states: ['DE-BY'], languages: ['de', 'ro'] }),
  target('hotline', { name: 'A national hotline', states: ['DE'], languages: ['de', 'ro', 'pl'] }),
  target('two-states', { name: 'Bremen and Lower Saxony', states: ['DE-HB', 'DE-NI'] }),
];
const pack = makePack({ referrals: directory });
const ids = (filter: Parameters<typeof filterReferrals>[1]) =>
  filterReferrals([pack], filter).map((entry) => entry.target.id);

describe('filterReferrals', () => {
  it('keeps only services in the state or nationwide that counsel in the language, local first', () => {
    expect(ids({ state: 'DE-NW', language: 'ro' })).toEqual(['dortmund', 'hotline']);
    expect(ids({ state: 'DE-NW', language: 'pl' })).toEqual(['cologne-pl', 'hotline']);
    expect(ids({ state: 'DE-BY', language: 'bg' })).toEqual([]);
    expect(ids({ state: 'DE-NI' })).toEqual(['two-states', 'hotline']);
  });

  it('without a filter lists everything by name, and a target of a later pack with the same id is left out', () => {
    const other = makePack({ id: 'org.other', referrals: [target('munich', { name: 'Copy' })] });
    expect(filterReferrals([pack, other]).map((e) => `${e.packId}:${e.target.name}`)).toEqual([
      'org.example.test:A national hotline',
      'org.example.test:Bremen and Lower Saxony',
      'org.example.test:Cologne office',
      'org.example.test:Dortmund office',
      'org.example.test:Munich office',
    ]);
  });
});

describe('the referral directory in a pack', () => {
  const problems = (referrals: unknown[]) => {
    const parsed = parsePack(JSON.stringify({ ...makePack(), referrals }), { today: TODAY });
    return (parsed.ok ? validatePack(parsed.pack, { today: TODAY }) : parsed.problems)
      .filter((p) => p.path.startsWith('referrals'))
      .map((p) => `${p.severity} ${p.path}: ${p.message}`);
  };

  it('accepts a well-formed directory and stores links normalised', () => {
    const parsed = parsePack(
      JSON.stringify({
        ...makePack(),
        referrals: [target('a', { url: 'HTTPS://Beratung.Example' })],
      }),
      { today: TODAY },
    );
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.pack.referrals?.[0]?.url).toBe('https://beratung.example/');
  });

  it('names the place and the problem of every broken target', () => {
    const found = problems([
      target('a', { states: ['NRW' as never] }),
      target('b', { channels: [] }),
      target('c', { url: 'http://beratung.example/c' }),
      target('d', { languages: ['tr' as never] }),
    ]);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^error referrals\[0\]\.states\[0\]: unknown federal state "NRW"/),
        expect.stringMatching(/^error referrals\[1\]\.channels: needs at least 1 entry/),
        expect.stringMatching(/^error referrals\[2\]\.url: /),
        expect.stringMatching(/^error referrals\[3\]\.languages\[0\]: unknown language "tr"/),
      ]),
    );
  });

  it('refuses duplicate ids, nationwide mixed with states, markup and hidden characters; warns on future and old checks', () => {
    expect(
      problems([
        target('a'),
        target('a', { states: ['DE', 'DE-BY'] }),
        target('b', { name: 'Beratung <script>x</script>', lastChecked: '2027-01-01' }),
        target('c', { channels: [{ type: 'phone', value: '0800\u200b 111' }] }),
        target('d', { lastChecked: '2025-10-01' }),
      ]),
    ).toEqual([
      'error referrals[1].id: duplicate id "a", already used by referrals[0]',
      'error referrals[1].states: DE means nationwide; list either DE or single states',
      'error referrals[2].name: contains markup "<script>"; packs are shown as plain text, so remove HTML and script',
      'warning referrals[2].lastChecked: 2027-01-01 is in the future',
      'error referrals[3].channels[0]: contains the hidden character U+200B (zero width space) at character 5; it cannot be seen and can change how the text reads, so remove it',
      'warning referrals[4].lastChecked: last checked 2025-10-01, more than 365 days ago; confirm address, phone and languages again',
    ]);
  });

  it('is covered by the signature: a changed phone number is refused', async () => {
    const keys = await generateSigningKeys('Beratungsstelle Test');
    const trusted = [await parsePublicKeyFile(keys.publicKey)];
    const signed: Pack = await signPack(pack, keys.privateKey);
    await expect(verifyPack(signed, trusted)).resolves.toMatchObject({ status: 'trusted' });
    const changed = JSON.stringify(signed).replace('+49 30 1234567', '+49 30 7654321');
    const reparsed = parsePack(changed, { today: TODAY });
    expect(reparsed.ok).toBe(true);
    if (reparsed.ok)
      await expect(verifyPack(reparsed.pack, trusted)).resolves.toMatchObject({
        status: 'invalid',
      });
  });
});
