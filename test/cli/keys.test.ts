/**
 * `ovola keys create | list | revoke` against the service's store (OVOLA_DB, a SQLite file here; with
 * DATABASE_URL, PostgreSQL in a schema of its own), and what the service then makes of those keys.
 */
import { statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { openStore, readConfig } from '../../src/http/server.js';
import { useCliStore } from '../fixtures/cli-store.js';
import { DATABASE_URL } from '../fixtures/store.js';
import { ovola } from './run.js';

const cliStore = useCliStore('keys');
const dir = () => cliStore.dir();

/** The service on the store the CLI writes to. */
async function service() {
  const store = openStore(readConfig());
  await store.migrate();
  const app = await buildApp({ store, closeStore: true, workers: 1 });
  return app;
}

const asJson = async () => JSON.parse((await ovola('keys', 'list', '--json')).stdout) as { id: string; label: string; scope: string; lastUsedAt: string | null; revokedAt: string | null }[];

describe('ovola keys', () => {
  let key: string;
  let id: string;

  test('create prints the key once; list shows it; the service accepts it and notes its use', async () => {
    const made = await ovola('keys', 'create', '--scope', 'county:449021', '--label', '潮川县司法局 法律服务科');
    expect(made.code, made.stderr).toBe(0);
    key = made.stdout.trim();
    expect(key).toMatch(/^ovk_[A-Za-z0-9_-]{32}$/);
    expect(made.stderr).toContain('shown only this once');
    [{ id }] = await asJson();
    expect(made.stderr).toContain(id);

    const table = await ovola('keys', 'list');
    expect(table.code).toBe(0);
    const [header, row] = table.stdout.trimEnd().split('\n');
    expect(header.split(/\s{2,}/)).toEqual(['id', 'label', 'scope', 'created', 'last used', 'revoked']);
    expect(row.split(/\s{2,}/)).toEqual([id, '潮川县司法局 法律服务科', 'county:449021', expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\dZ$/), '-', '-']);
    expect(table.stdout).not.toContain(key);

    const app = await service();
    try {
      expect((await app.inject({ url: '/v1/scenarios', headers: { authorization: `Bearer ${key}` } })).statusCode).toBe(200);
    } finally {
      await app.close(); // waits for the last-use write
    }
    expect((await asJson())[0].lastUsedAt).toEqual(expect.any(String));
    expect((await ovola('keys', 'list')).stdout.split('\n')[1]).toMatch(/\d\d:\d\dZ {2}-$/);
  });

  test('revoke: the key is refused from its next request; twice is fine; an unknown id exits 2', async () => {
    const revoked = await ovola('keys', 'revoke', id);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stderr).toContain(`revoked key ${id}`);
    expect((await asJson())[0].revokedAt).toEqual(expect.any(String));
    const app = await service();
    try {
      const res = await app.inject({ url: '/v1/scenarios', headers: { authorization: `Bearer ${key}` } });
      expect(res.statusCode).toBe(401);
    } finally {
      await app.close();
    }
    expect((await ovola('keys', 'revoke', id)).code).toBe(0);
    const unknown = await ovola('keys', 'revoke', 'no-such-key');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no key no-such-key');
  });

  test('making and revoking keys is in the audit trail, as the CLI and its user', async () => {
    const store = openStore(readConfig());
    try {
      const rows = (await store.listAudit({ limit: 10, keyId: 'cli' })).items;
      const user = `cli (${userInfo().username})`;
      expect(rows.map((r) => [r.route, r.target, r.status])).toEqual([
        ['keys revoke', 'no-such-key', 2],
        ['keys revoke', id, 0],
        ['keys revoke', id, 0],
        ['keys create', id, 0],
      ]);
      for (const r of rows) expect(r).toMatchObject({ keyId: 'cli', keyLabel: user, method: 'CLI' });
      expect(rows[3]).toMatchObject({ region: '449021', detail: expect.stringContaining('潮川县司法局') });
    } finally {
      await store.close();
    }
  });

  test.runIf(!DATABASE_URL)('the SQLite file it creates is 0600, its folder 0700', () => {
    expect(statSync(join(dir(), 'var')).mode & 0o777).toBe(0o700);
    expect(statSync(process.env.OVOLA_DB!).mode & 0o777).toBe(0o600);
  });

  test('a label defaults to who made the key', async () => {
    const made = await ovola('keys', 'create', '--scope', 'admin');
    expect(made.code).toBe(0);
    expect((await asJson())[0]).toMatchObject({ scope: 'admin', label: `created by ${userInfo().username} with the ovola CLI` });
  });

  test('bad input exits 2 naming the argument; nothing is made', async () => {
    const before = (await asJson()).length;
    const cases: [args: string[], says: string][] = [
      [['create'], '--scope'],
      [['create', '--scope', 'town:4401'], '--scope'],
      [['create', '--scope', 'county:'], '--scope'],
      [['create', '--scope', 'admin', '--label', ''], '--label'],
      [['create', '--scope', 'admin', '--label', 'x'.repeat(201)], '--label'],
      [['create', '--scope', 'admin', '--label', 'a\u202Eb'], '--label'],
      [['create', '--scope', 'admin', '--lable', 'typo'], '--lable'],
      [['revoke'], 'keys revoke'],
      [['revoke', 'a', 'b'], 'keys revoke'],
      [['list', '--csv'], '--csv'],
      [['rotate'], 'keys: unknown command "rotate"'],
      [[], 'Usage: ovola keys'],
    ];
    for (const [args, says] of cases) {
      const r = await ovola('keys', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(says);
      expect(r.stdout, args.join(' ')).toBe('');
    }
    expect((await asJson()).length).toBe(before);
  });

  test('--help for each command', async () => {
    for (const [args, says] of [
      [['--help'], 'Usage: ovola keys <create|list|revoke>'],
      [['create', '--help'], 'Usage: ovola keys create --scope'],
      [['list', '-h'], 'Usage: ovola keys list [--json]'],
      [['revoke', '--help'], 'Usage: ovola keys revoke <id>'],
    ] as const) {
      const r = await ovola('keys', ...args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toContain(says);
    }
  });
});
