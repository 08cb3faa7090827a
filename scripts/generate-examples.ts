/**
 * Writes the sample log exports in examples/ (see tests/fixtures/example-exports.ts).
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { EXAMPLE_EXPORTS } from '../tests/fixtures/example-exports';

const root = resolve(import.meta.dirname, '..');
for (const example of EXAMPLE_EXPORTS) {
  await writeFile(join(root, example.path), await example.render());
  console.log(`wrote ${example.path}`);
}
