// Writes docs/WORKBOOK.md from the workbook's column tables (src/io/workbook.ts); a test checks it is up to date.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workbookDocument } from '../src/io/workbook-doc.js';

writeFileSync(join(import.meta.dirname, '..', 'docs', 'WORKBOOK.md'), workbookDocument());
console.log('wrote docs/WORKBOOK.md');
