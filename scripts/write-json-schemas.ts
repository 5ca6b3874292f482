// Writes data/schema/*.json from the zod schemas; `npm test` checks they are up to date.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from '../src/domain/json-schema.js';

const dir = join(import.meta.dirname, '..', 'data', 'schema');
for (const [file, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(dir, file), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote data/schema/${file}`);
}
