import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WEB_TYPES, webTypes } from '../../scripts/web-types.js';

describe("the console's API types", () => {
  it('are the ones generated from the live /openapi.json (npx tsx scripts/web-types.ts writes them)', async () => {
    expect(readFileSync(WEB_TYPES, 'utf8')).toBe(await webTypes());
  });
});
