/**
 * `npm run build`'s last step: opens every zip in .output/ and fails when one
 * holds a file that looks like a key or secret (scripts/lib/package-secrets.ts).
 * The sources zip for Mozilla's review is made from the working tree, so a
 * key lying there would otherwise be shipped to a third party.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isSecretPath } from './lib/package-secrets';
import { listZipEntries } from './lib/zip-entries';

const outputDir = resolve(import.meta.dirname, '..', process.argv[2] ?? '.output');
const zips = (await readdir(outputDir)).filter((name) => name.endsWith('.zip')).sort();
if (zips.length === 0) {
  console.error(`No packages in ${outputDir}; run "npm run build" first.`);
  process.exit(1);
}

let problems = 0;
for (const zip of zips) {
  const entries = listZipEntries(await readFile(join(outputDir, zip)));
  const secrets = entries.filter(isSecretPath);
  for (const entry of secrets) console.error(`${zip}: ${entry} looks like a key or secret`);
  problems += secrets.length;
  if (secrets.length === 0) console.log(`${zip}: ${entries.length} files, no keys or secrets`);
}
if (problems > 0) {
  console.error(
    `${problems} file(s) must not be packaged. Move them out of the repository and build again.`,
  );
  process.exit(1);
}
