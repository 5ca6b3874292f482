/**
 * `ovola generate --divisions` writes the registry of a preset, and `ovola divisions load | show` puts it
 * into the service's store (OVOLA_DB here; PostgreSQL in a schema of its own with DATABASE_URL), where it
 * decides who owns each village's card.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDivisions } from '../../src/domain/index.js';
import { openStore, readConfig } from '../../src/http/server.js';
import { useCliStore } from '../fixtures/cli-store.js';
import { ovola } from './run.js';

const cliStore = useCliStore('div');
const dir = () => cliStore.dir();

describe('ovola divisions', () => {
  test('generate --divisions writes the registry of the generated villages, and load puts it in the store', async () => {
    const scenarioFile = join(dir(), 'county.json');
    const divisionsFile = join(dir(), 'divisions.json');
    expect((await ovola('generate', '--preset', 'county', '--seed', '3', '--out', scenarioFile, '--divisions', divisionsFile)).code).toBe(0);
    const scenario = JSON.parse(readFileSync(scenarioFile, 'utf8'));
    const registry = parseDivisions(JSON.parse(readFileSync(divisionsFile, 'utf8')));
    expect(registry.villages.map((v) => [v.id, v.townId])).toEqual(scenario.villages.map((v: { id: string; townId: string }) => [v.id, v.townId]));
    expect(registry.regions.map((r) => r.id)).toEqual(scenario.regions.map((r: { id: string }) => r.id));

    expect((await ovola('divisions', 'show')).stderr).toContain('no divisions registry is loaded');
    const loaded = await ovola('divisions', 'load', divisionsFile);
    expect(loaded.code, loaded.stderr).toBe(0);
    expect(loaded.stderr).toContain(`${registry.villages.length} villages`);
    const shown = JSON.parse((await ovola('divisions', 'show')).stdout);
    expect(shown).toMatchObject({ regions: registry.regions.length, villages: registry.villages.length, loadedBy: expect.stringMatching(/^cli \(/) });

    const store = openStore(readConfig());
    try {
      const v = registry.villages[0];
      const owners = await store.villageOwners([v.id]);
      expect(owners.get(v.id)?.source).toBe('registry');
      expect((await store.listAudit({ limit: 5 })).items[0]).toMatchObject({ method: 'CLI', route: 'divisions load', status: 0 });
    } finally {
      await store.close();
    }
  });

  test('a registry that does not hold together exits 2 naming every path; bad arguments exit 2 with the usage', async () => {
    const bad = join(dir(), 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        schema: 'ovola.divisions/v1',
        regions: [{ id: 'K', name: '县', level: 'county', parentId: 'nope' }],
        villages: [{ id: 'V', name: '村', townId: 'K', location: [113, 23] }],
      }),
    );
    const run = await ovola('divisions', 'load', bad);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('regions[0].parentId');
    expect(run.stderr).toContain('villages[0].townId');
    expect((await ovola('divisions', 'drop')).code).toBe(2);
    const help = await ovola('divisions', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('ovola divisions load');
  });
});
