import { describe, expect, it } from 'vitest';
import { makeZip } from '../../tests/packs/make-zip';
import { readZipDirectory, zipTooLarge } from './zip-directory';

const limits = { maxEntries: 100, maxUncompressedBytes: 10 * 1024 * 1024 };

describe('readZipDirectory', () => {
  it('lists names and sizes from the central directory', () => {
    const zip = makeZip([{ name: 'a.xml', data: new Uint8Array(1000) }]);
    expect(readZipDirectory(zip)).toEqual([
      { name: 'a.xml', compressedSize: expect.any(Number) as number, uncompressedSize: 1000 },
    ]);
  });
});

describe('zipTooLarge (finding 14)', () => {
  it('accepts a small workbook', () => {
    expect(zipTooLarge(makeZip([{ name: 'a.xml', data: new Uint8Array(1000) }]), limits)).toBe(
      null,
    );
  });

  it('refuses a zip bomb on its unpacked size, from the directory alone', () => {
    // 11 MB of zeros deflate to about 11 kB.
    const bomb = makeZip([
      { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(11 * 1024 * 1024) },
    ]);
    expect(bomb.length).toBeLessThan(100_000);
    expect(zipTooLarge(bomb, limits)).toMatch(/unpack to 11 MB, over the limit of 10 MB/);
  });

  it('refuses too many parts and a file that is not a zip', () => {
    const many = makeZip(
      Array.from({ length: 101 }, (_, i) => ({ name: `p${i}`, data: new Uint8Array(1) })),
    );
    expect(zipTooLarge(many, limits)).toMatch(/101 parts/);
    expect(zipTooLarge(new TextEncoder().encode('not a zip at all, just text'), limits)).toMatch(
      /not a zip archive/,
    );
  });
});
