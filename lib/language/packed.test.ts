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
    ).toBe('0#jsem\n3me\n\na\na\n\n12');
  });

  it('writes numbers in base 32 without separators, one character below 32', () => {
    const values = [0, 5, 31, 32, 35, 1023, 1024, 987386];
    const packed = packEntries([['x', values.map((v) => `a${String(v)}`).join('')]]);
    expect(packed.split('\n\n')[2]).toBe('05VX0X3#VXW0!adQ');
    expect(unpack(packed)).toEqual([['x', values.flatMap((v) => [0, v])]]);
  });

  it.each([
    ['a key with a line break', [['a\nb', 'a1']]],
    ['an empty key', [['', 'a1']]],
    ['a value that is not class-number pairs', [['ab', '12']]],
    ['an entry without pairs', [['ab', '']]],
  ] as const)('refuses %s', (_, entries) => {
    expect(() => packEntries(entries)).toThrow(/cannot pack/);
  });
});
