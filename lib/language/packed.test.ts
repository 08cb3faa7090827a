import { describe, expect, it } from 'vitest';
import { forEachPackedLine, packEntries } from './packed';

function unpack(packed: string): [string, number[]][] {
  const out: [string, number[]][] = [];
  forEachPackedLine(packed, (key, pairs) => out.push([key, [...pairs]]));
  return out;
}

describe('packed tables', () => {
  it.each([
    ['no entries', [], []],
    ['one entry', [['#nie', 'c12']], [['#nie', [2, 12]]]],
    [
      'keys sharing prefixes, spaces and a class past z',
      [
        [' a', 'a1b20'],
        [' ab', 'm7~3'],
        [' abcdefghijklmn', 'c0'],
        [' abcdefghijklmno', 'd5'],
        ['ž ', 'a1'],
      ],
      [
        [' a', [0, 1, 1, 20]],
        [' ab', [12, 7, 29, 3]],
        [' abcdefghijklmn', [2, 0]],
        [' abcdefghijklmno', [3, 5]],
        ['ž ', [0, 1]],
      ],
    ],
  ] as const)('round-trips %s', (_, entries, expected) => {
    expect(unpack(packEntries(entries))).toEqual(expected);
  });

  it('front-codes keys against the previous one', () => {
    expect(
      packEntries([
        ['#jsem', 'a1'],
        ['#jsme', 'a2'],
      ]),
    ).toBe('0#jsem\n3me\n\na1\na2');
  });

  it.each([
    ['a key with a line break', [['a\nb', 'a1']]],
    ['an empty key', [['', 'a1']]],
    ['a value that is not class-number pairs', [['ab', '12']]],
  ] as const)('refuses %s', (_, entries) => {
    expect(() => packEntries(entries)).toThrow(/cannot pack/);
  });
});
