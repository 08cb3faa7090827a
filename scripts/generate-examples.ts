/**
 * Writes the sample log exports in examples/ (four advisors, one quarter,
 * with their group registers; tests/fixtures/example-quarter.ts) and their
 * advisors' EXAMPLE public keys. The private keys are derived from public
 * seeds and never written anywhere.
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { QUARTER_EXAMPLES } from '../tests/fixtures/example-quarter';

const root = resolve(import.meta.dirname, '..');
for (const example of QUARTER_EXAMPLES) {
  await writeFile(join(root, example.path), await example.render());
  await writeFile(join(root, example.keyPath), await example.renderKey());
  console.log(`wrote ${example.path} and ${example.keyPath}`);
}
