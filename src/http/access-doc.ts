import { createStore } from '../store/index.js';
import { buildApp } from './app.js';
import { describeAccess } from './policy.js';

const INTRO = `# Who may read or change what

This page is written from the rules the routes declare (\`src/http/policy.ts\`) by
\`npx tsx scripts/write-access-table.ts\`; a test fails when it falls behind. Access is decided in that
one place: a route that declares no rule is refused when the service starts.

## Principals

- **admin**: a key with scope \`admin\` (or \`OVOLA_ADMIN_KEY\`): everything.
- **city bureau**: a key with scope \`city:<code>\`: the villages of that city.
- **county bureau**: a key with scope \`county:<code>\`: the villages of that county.
- **anyone**: no key; only the public look-up and the health checks.

A revoked or unknown key is a plain 401. A record (scenario, solution, calendar, job) the caller may
not read answers 404, as if it did not exist; a change the caller may not make answers 403 with the
reason, and for a new version every village, lawyer or firm that lies outside the key's region.

## Regions and ownership

- A scenario *contains* a region when one of its villages lies there (by the scenario's own region
  tree). A key reads every scenario that contains its region: a county reads a city-wide scenario
  that contains it, because a county re-plan needs its context.
- A scenario lies *wholly* in a key's region when every one of its villages does. Only then may a city
  or county key store it, solve it or delete it.
- A new version (changes, imports, re-plans) may add, remove or change only the villages, the lawyers
  (where their firm lies), the firms and the regions of the key's region, before and after the change.
  The policy, the year and the notice texts concern every village, so a key changes them only in a
  scenario that lies wholly in its region. Preferences, pins, the baseline and road figures follow the
  villages and lawyers they name.
- A village's public card belongs to one county. With the divisions registry loaded
  (\`PUT /v1/divisions\`, \`ovola divisions load\`), it is the county the registry puts the village in,
  and a scenario that places a registered village in another town (or a registered region under
  another parent) is refused with its path. Without a registry, it is the county that first published
  the village, recorded in the store. Only an admin gives a village to another owner
  (\`PUT /v1/villages/:villageId/owner\`, or a registry that says so).
- Publishing covers only the villages whose owner county lies in the key's region and whose scenario
  puts them in that county; every other card stays as it was and is listed as skipped. Withdrawing
  (\`DELETE /v1/solutions/:id/publish\`) and deleting a scenario take its cards off the look-up at once.
  Each card names the bureau that published it, and when.
- A city or county key builds the visit calendar of its own region's villages; a card takes each month
  from the newest calendar built for its village's county or city, or for the whole solution.

## Routes
`;

/** docs/ACCESS.md: the principles above, then every route with its rule, from the app's own declarations. */
export async function accessDocument(): Promise<string> {
  const store = createStore({ sqlitePath: ':memory:' });
  await store.migrate();
  const app = await buildApp({ store, adminKey: 'x'.repeat(32) });
  try {
    const rows = app.accessRules
      .filter((r) => !r.url.startsWith('/docs'))
      .map((r) => `| \`${r.method} ${r.url}\` | ${describeAccess(r.access)} |`);
    return `${INTRO}\n| route | who may call it |\n|---|---|\n${rows.join('\n')}\n`;
  } finally {
    await app.close();
    await store.close();
  }
}
