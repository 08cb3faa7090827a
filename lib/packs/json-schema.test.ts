import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPackJsonSchema } from './json-schema';

describe('packs/pack.schema.json', () => {
  it('is up to date with lib/packs/schema.ts (regenerate with npm run pack:schema)', () => {
    const committed = readFileSync(
      join(import.meta.dirname, '../../packs/pack.schema.json'),
      'utf8',
    );
    expect(committed).toBe(renderPackJsonSchema());
  });

  it('describes strict objects with the topics and https links', () => {
    const schema = JSON.parse(renderPackJsonSchema()) as {
      additionalProperties: boolean;
      required: string[];
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'id', 'answers']));
    expect(renderPackJsonSchema()).toContain('"pattern": "^https://\\\\S+$"');
    expect(renderPackJsonSchema()).toContain('"recognition-qualifications"');
  });
});
