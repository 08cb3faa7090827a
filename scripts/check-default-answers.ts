/**
 * Quick structural check of the default pack's source files
 * (`packs/default/answers/*.json`, one answer per file) while they are being
 * written. `npm run --silent cli -- pack validate` is the full validator;
 * this one only needs the schema, so authors can run it at any time:
 *   npx tsx scripts/check-default-answers.ts [FILE...]
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { POST_LANGUAGES } from '../lib/domain/languages';
import { answerSchema } from '../lib/packs/schema';

const dir = join(import.meta.dirname, '..', 'packs', 'default', 'answers');
const args = process.argv.slice(2);
const files =
  args.length > 0
    ? args
    : (await readdir(dir)).filter((f) => f.endsWith('.json')).map((f) => join(dir, f));
let problems = 0;
const report = (file: string, message: string) => {
  problems += 1;
  console.error(`${file}: ${message}`);
};
const placeholderPattern = /\{([a-zA-Z][a-zA-Z0-9_]*)\}/g;
for (const file of files) {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    report(file, `not valid JSON (${(error as Error).message})`);
    continue;
  }
  const parsed = answerSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      report(file, `${issue.path.join('.')}: ${issue.message}`);
    continue;
  }
  const answer = parsed.data;
  if (!file.endsWith(`${answer.id}.json`)) report(file, `file name must be ${answer.id}.json`);
  const declared = [...answer.placeholders].sort().join(',');
  for (const language of POST_LANGUAGES) {
    const text = answer.texts[language];
    if (!text) {
      report(file, `texts.${language}: missing`);
      continue;
    }
    if (text.examples.length < 5)
      report(file, `texts.${language}.examples: ${text.examples.length} < 5`);
    if (text.sourceVersion !== answer.canonicalVersion)
      report(
        file,
        `texts.${language}.sourceVersion ${text.sourceVersion} != canonicalVersion ${answer.canonicalVersion}`,
      );
    const used = [...new Set([...text.body.matchAll(placeholderPattern)].map((m) => m[1]))]
      .sort()
      .join(',');
    if (used !== declared)
      report(
        file,
        `texts.${language}.body: placeholders {${used}} differ from declared {${declared}}`,
      );
    if (/<[a-z!/]/i.test(text.body + text.title))
      report(file, `texts.${language}: contains markup; write plain text`);
  }
}
console.log(`${files.length} file(s) checked, ${problems} problem(s)`);
process.exitCode = problems > 0 ? 1 : 0;
