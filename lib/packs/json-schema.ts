/**
 * The JSON Schema for pack files, generated from the zod schemas so the two
 * can never disagree. Editors that know JSON Schema (VS Code and others) give
 * completion and checks when a pack says
 * `"$schema": "./pack.schema.json"`. Cross-field rules (placeholders,
 * stale translations, review dates) are only in `cli pack validate`.
 */
import * as z from 'zod';
import { PACK_SCHEMA_VERSION, packSchema } from './schema';

export function buildPackJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(packSchema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    io: 'input',
  });
  return {
    ...generated,
    title: `Outreach Advisor answer pack, format ${PACK_SCHEMA_VERSION}`,
    description:
      'Generated from lib/packs/schema.ts by `npm run pack:schema`; do not edit by hand. Run `npm run --silent cli -- pack validate FILE` for the full checks.',
  };
}

/** The file's text as committed: two-space indentation and a final newline. */
export function renderPackJsonSchema(): string {
  return `${JSON.stringify(buildPackJsonSchema(), null, 2)}\n`;
}
