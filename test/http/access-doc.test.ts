import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accessDocument } from '../../src/http/access-doc.js';

describe('docs/ACCESS.md', () => {
  it('lists every route with the rule it declares (npx tsx scripts/write-access-table.ts writes it)', async () => {
    const written = readFileSync(new URL('../../docs/ACCESS.md', import.meta.url), 'utf8');
    expect(written).toBe(await accessDocument());
  });
});
