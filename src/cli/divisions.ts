import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { indexDivisions, parseDivisions } from '../domain/index.js';
import { InputError, readJson } from './io.js';

export const DIVISIONS_USAGE = `ovola divisions load <divisions.json>   loads the divisions registry (ovola.divisions/v1) into the store
ovola divisions show                    what registry is loaded, when and by whom

With a registry loaded, a registered village belongs to the county the registry puts it in: only that
county (or its city, or an admin) publishes its public card, and a scenario that places a registered
village in another town is refused. The store is the service's (DATABASE_URL or OVOLA_DB).
`;

/** `ovola divisions load|show`: the registry, straight into the store the service uses. */
export async function cmdDivisions(args: string[], usage = DIVISIONS_USAGE): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { help: { type: 'boolean', short: 'h', default: false } } });
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  const [sub, file, ...rest] = positionals;
  if ((sub !== 'load' && sub !== 'show') || rest.length > 0 || (sub === 'load') !== (file !== undefined)) {
    throw new InputError(`divisions: expected "load <file>" or "show"\n\n${usage}`);
  }
  const divisions = sub === 'load' ? parseDivisions(readJson(file, 'divisions')) : undefined;
  const { openStore, readConfig } = await import('../http/server.js');
  const store = openStore(readConfig());
  try {
    await store.migrate();
    if (divisions) {
      const by = `cli (${userInfo().username})`;
      const { record, withdrawn } = await store.putDivisions(JSON.stringify(divisions), indexDivisions(divisions), by);
      await store
        .insertAudit({ keyId: 'cli', keyLabel: by, scope: null, method: 'CLI', route: 'divisions load', target: file!, region: null, status: 0, detail: `${record.regions} regions, ${record.villages} villages; ${withdrawn} cards withdrawn` })
        .catch((err: unknown) => process.stderr.write(`ovola: warning: could not write the audit trail: ${(err as Error).message}\n`));
      process.stderr.write(
        `loaded the divisions registry: ${record.regions} regions, ${record.villages} villages` +
          (withdrawn > 0 ? `; ${withdrawn} public card${withdrawn === 1 ? '' : 's'} published by another county withdrawn (a running service shows this at its next reload)` : '') +
          '\n',
      );
      return 0;
    }
    const record = await store.getDivisions();
    if (!record) {
      process.stderr.write('no divisions registry is loaded: villages belong to the county that first publishes them\n');
      return 0;
    }
    process.stdout.write(`${JSON.stringify({ loadedAt: record.loadedAt, loadedBy: record.loadedBy, regions: record.regions, villages: record.villages })}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
