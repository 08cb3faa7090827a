/** Writes every generated fixture page (see tests/fixtures/pages.ts). */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { FIXTURE_PAGES } from '../tests/fixtures/pages';

const root = join(import.meta.dirname, '..', 'tests', 'fixtures');
for (const page of FIXTURE_PAGES) {
  const target = join(root, page.path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, page.render());
  console.log(`wrote tests/fixtures/${page.path}`);
}
