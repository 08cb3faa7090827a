/**
 * Regenerates `packs/pack.schema.json` from the zod schemas:
 *   npx tsx scripts/generate-pack-schema.ts
 * A unit test fails while the committed file is out of date.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderPackJsonSchema } from '../lib/packs/json-schema';

const target = join(import.meta.dirname, '..', 'packs', 'pack.schema.json');
await writeFile(target, renderPackJsonSchema());
console.log(`wrote ${target}`);
