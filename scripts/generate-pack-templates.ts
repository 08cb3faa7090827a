/**
 * Writes the spreadsheet templates `packs/template.xlsx` and
 * `packs/template.csv` (layout: packs/FORMAT.md) from a small example pack:
 *   npx tsx scripts/generate-pack-templates.ts
 * `cli pack build packs/template.xlsx -o pack.json` turns either back into a
 * valid pack; a unit test checks that.
 */
import { join } from 'node:path';
import { writeSheet } from '../lib/cli/commands/pack-sheet';
import { TEMPLATE_PACK } from './template-pack';

const dir = join(import.meta.dirname, '..', 'packs');
for (const name of ['template.xlsx', 'template.csv']) {
  await writeSheet(TEMPLATE_PACK, join(dir, name));
  console.log(`wrote packs/${name}`);
}
