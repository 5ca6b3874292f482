import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../src/domain/json-schema.js';

describe('JSON Schemas in data/schema', () => {
  it.each(Object.entries(jsonSchemas()))('%s matches the zod schema (run `npm run schema` after a change)', (file, schema) => {
    const onDisk = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'data', 'schema', file), 'utf8'));
    expect(onDisk).toEqual(schema);
  });

  it('rejects unknown fields in the scenario, as the zod schema does', () => {
    const scenario = jsonSchemas()['scenario.v1.json'] as { additionalProperties?: boolean };
    expect(scenario.additionalProperties).toBe(false);
  });
});
