// Writes docs/ACCESS.md from the rules the routes declare (src/http/policy.ts); `npm test` checks it is up to date.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { accessDocument } from '../src/http/access-doc.js';

writeFileSync(join(import.meta.dirname, '..', 'docs', 'ACCESS.md'), await accessDocument());
console.log('wrote docs/ACCESS.md');
