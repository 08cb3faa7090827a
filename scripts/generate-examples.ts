/**
 * Writes the sample log exports in examples/ and their advisors' EXAMPLE
 * public keys (see tests/fixtures/example-exports.ts). The private keys are
 * derived from public seeds and never written anywhere.
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { EXAMPLE_EXPORTS } from '../tests/fixtures/example-exports';

const root = resolve(import.meta.dirname, '..');
for (const example of EXAMPLE_EXPORTS) {
  await writeFile(join(root, example.path), await example.render());
  await writeFile(join(root, example.keyPath), await example.renderKey());
  console.log(`wrote ${example.path} and ${example.keyPath}`);
}
