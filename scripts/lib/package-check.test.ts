import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isSecretPath } from './package-secrets';
import { listZipEntries } from './zip-entries';

describe('isSecretPath', () => {
  it.each([
    ['keys/legal-team.private-key.json', true],
    ['legal-team.private-key.json', true],
    ['deep/folder/a.private-key.json', true],
    ['old/signing.key.json', true],
    ['tls/server.pem', true],
    ['id.key', true],
    ['tools/keys/readme.txt', true],
    ['.env', true],
    ['config/.env.local', true],
    ['keys.ts', false],
    ['lib/packs/signing.ts', false],
    ['legal-team.public-key.json', false],
    ['packs/default-pack.json', false],
    ['monkeys/banana.txt', false],
    ['lib/environment.ts', false],
  ])('%s → %s', (path, secret) => {
    expect(isSecretPath(path)).toBe(secret);
  });
});

describe('listZipEntries', () => {
  it('lists every file of a real zip archive', async () => {
    // An .xlsx file is a zip archive; exceljs (already a dependency) writes one.
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Sheet');
    const zip = new Uint8Array(await book.xlsx.writeBuffer());
    const names = listZipEntries(zip);
    expect(names).toContain('[Content_Types].xml');
    expect(names).toContain('xl/workbook.xml');
    expect(names).toContain('xl/worksheets/sheet1.xml');
  });

  it('refuses data that is not a zip archive', () => {
    expect(() => listZipEntries(new TextEncoder().encode('not a zip'.repeat(10)))).toThrow(
      /not a zip archive/,
    );
  });
});
