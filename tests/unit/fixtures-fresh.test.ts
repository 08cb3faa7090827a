import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_PAGES } from '../fixtures/pages';

describe('generated fixture pages', () => {
  it.each(FIXTURE_PAGES.map((page) => [page.path, page] as const))(
    '%s matches its source (run `npx tsx scripts/generate-fixtures.ts`)',
    async (path, page) => {
      const committed = await readFile(join(import.meta.dirname, '..', 'fixtures', path), 'utf8');
      expect(committed).toBe(page.render());
    },
  );
});
