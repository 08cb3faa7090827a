/**
 * `npm run pack:default`: assembles `packs/default-pack.json` from
 * `packs/default/` and validates it. Exit 1 if the result has errors (the
 * file is still written, so the problems can be looked at in place).
 */
import { writeFile } from 'node:fs/promises';
import { parsePack } from '../lib/packs/parse';
import { formatProblem } from '../lib/packs/problems';
import { DEFAULT_PACK_FILE, renderDefaultPack } from './default-pack-sources';

const text = await renderDefaultPack();
await writeFile(DEFAULT_PACK_FILE, text);
const result = parsePack(text);
const errors = result.problems.filter((p) => p.severity === 'error');
for (const problem of errors) console.error(formatProblem(problem));
const warnings = result.problems.length - errors.length;
console.log(
  `wrote ${DEFAULT_PACK_FILE}: ${errors.length} error(s), ${warnings} warning(s); details: npm run --silent cli -- pack validate packs/default-pack.json`,
);
process.exitCode = errors.length > 0 ? 1 : 0;
