/**
 * The console's API types, generated from the service's own OpenAPI document with openapi-typescript:
 * `npx tsx scripts/web-types.ts` writes web/src/api-types.d.ts, and a test checks it is current, so the
 * console does not compile against a contract the service no longer keeps.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { buildApp } from '../src/http/app.js';
import { createStore } from '../src/store/index.js';

export const WEB_TYPES = join(import.meta.dirname, '..', 'web', 'src', 'api-types.d.ts');

export async function webTypes(): Promise<string> {
  const store = createStore({ sqlitePath: ':memory:' });
  await store.migrate();
  const app = await buildApp({ store, workers: 1, logger: false, closeStore: true });
  try {
    const spec = app.swagger() as unknown as OpenAPI3;
    const head = '// Generated from the service\'s /openapi.json by `npx tsx scripts/web-types.ts`; do not edit.\n';
    return head + astToString(await openapiTS(spec));
  } finally {
    await app.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(WEB_TYPES, await webTypes());
  console.log('wrote web/src/api-types.d.ts');
}
