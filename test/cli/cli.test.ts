/**
 * The `ovola` command line: `main(argv)` run in-process with stdout and stderr captured, and the
 * built bin (`dist/cli/ovola.js`) for standard input. Exit codes: 0 done, 1 violations or pins that
 * cannot hold, 2 bad input.
 */
import { ensureBuilt } from '../../scripts/dist.js';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { lawyerCap, parseScenario, parseSolution, type Solution } from '../../src/domain/index.js';
import { ovola } from './run.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'dist', 'cli', 'ovola.js');


let dir: string;
/** A file in this run's temporary folder. */
const file = (name: string) => join(dir, name);
const writeJson = (name: string, value: unknown) => {
  writeFileSync(file(name), JSON.stringify(value));
  return file(name);
};

let scenarioText: string;
let scenarioPath: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ovola-cli-'));
  const gen = await ovola('generate', '--preset', 'county', '--seed', '3');
  expect(gen.code).toBe(0);
  scenarioText = gen.stdout;
  scenarioPath = file('county.json');
  writeFileSync(scenarioPath, scenarioText);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Solves the county scenario in-process and returns the solution text. */
async function solveCounty(...extra: string[]): Promise<string> {
  const r = await ovola('solve', scenarioPath, ...extra);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

describe('generate', () => {
  test('generate --preset county --seed 3 is deterministic and parses as a scenario', async () => {
    const again = await ovola('generate', '--preset', 'county', '--seed', '3');
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(scenarioText);
    const s = parseScenario(JSON.parse(scenarioText));
    expect(s.villages.length).toBeGreaterThan(0);
    expect(s.lawyers.length).toBeGreaterThan(0);
    expect((await ovola('generate', '--preset', 'county', '--seed', '4')).stdout).not.toBe(scenarioText);
  });

  test('generate with an unknown preset or a bad seed exits 2', async () => {
    const preset = await ovola('generate', '--preset', 'planet', '--seed', '3');
    expect(preset.code).toBe(2);
    expect(preset.stderr).toContain('--preset');
    const seed = await ovola('generate', '--preset', 'county', '--seed', 'x');
    expect(seed.code).toBe(2);
    expect(seed.stderr).toContain('--seed');
  });
});

describe('solve and validate', () => {
  test('solve exits 0 with a solution that validate accepts', async () => {
    const text = await solveCounty();
    const sol = parseSolution(JSON.parse(text));
    expect(sol.status).toBe('optimal');
    expect(sol.method).toBe('optimal');
    const s = parseScenario(JSON.parse(scenarioText));
    expect(sol.assignments.length + sol.uncovered.length).toBe(s.villages.length);
    const solPath = file('solution.json');
    writeFileSync(solPath, text);
    const v = await ovola('validate', scenarioPath, solPath);
    expect(v.code, v.stdout).toBe(0);
    expect(v.stdout).toBe('');
    expect(v.stderr).toContain('valid');
  });

  test('--mode stable works, village- and lawyer-proposing', async () => {
    for (const [proposing, method] of [
      ['villages', 'stable-village-proposing'],
      ['lawyers', 'stable-lawyer-proposing'],
    ] as const) {
      const r = await ovola('solve', scenarioPath, '--mode', 'stable', '--proposing', proposing, '--quiet');
      expect(r.code, r.stderr).toBe(0);
      const sol = parseSolution(JSON.parse(r.stdout));
      expect(sol.method).toBe(method);
      expect(sol.status).toBe('feasible');
      expect(sol.metrics.optimalTravelKm).toBeDefined();
      // Said even with --quiet: the villages the stable plan leaves uncovered that the optimum covers.
      const n = sol.metrics.stable!.uncoveredCoveredByOptimum;
      expect(r.stderr).toContain(`this stable plan leaves ${sol.uncovered.length} villages uncovered, ${n} of which the optimal plan covers`);
      const v = await ovola('validate', scenarioPath, writeJson(`stable-${proposing}.json`, sol));
      expect(v.code, v.stdout).toBe(0);
    }
  });

  test('--out writes the file and stdout stays empty', async () => {
    const out = file('out-solution.json');
    const r = await ovola('solve', scenarioPath, '--out', out, '--quiet');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(true);
    const sol = parseSolution(JSON.parse(readFileSync(out, 'utf8')));
    expect(sol.status).toBe('optimal');

    const genOut = file('out-scenario.json');
    const g = await ovola('generate', '--preset', 'county', '--seed', '3', '--out', genOut);
    expect(g.code).toBe(0);
    expect(g.stdout).toBe('');
    expect(readFileSync(genOut, 'utf8')).toBe(scenarioText);
  });

  test('--blocking-pairs writes the full list as CSV (Chinese header) or JSON, by extension', async () => {
    const csv = file('pairs.csv');
    const asJson = file('pairs.json');
    const out = file('pairs-solution.json');
    const r = await ovola('solve', scenarioPath, '--out', out, '--blocking-pairs', csv, '--quiet');
    expect(r.code, r.stderr).toBe(0);
    const sol = parseSolution(JSON.parse(readFileSync(out, 'utf8')));
    expect(sol.blockingPairs.length).toBeGreaterThan(0);
    const rows = readFileSync(csv, 'utf8').replace(/^\ufeff/, '').trimEnd().split(/\r?\n/);
    expect(rows[0]).toBe('村(社区)编号,律师编号');
    expect(rows.slice(1)).toEqual(sol.blockingPairs.map(([v, l]) => `${v},${l}`));
    const j = await ovola('solve', scenarioPath, '--out', file('pairs-solution-2.json'), '--blocking-pairs', asJson, '--quiet');
    expect(j.code, j.stderr).toBe(0);
    expect(JSON.parse(readFileSync(asJson, 'utf8'))).toEqual(sol.blockingPairs);
    const bad = await ovola('solve', scenarioPath, '--blocking-pairs', file('pairs.txt'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--blocking-pairs');
    expect((await ovola('solve', '--help')).stdout).toContain('--blocking-pairs');
  });

  test('--pretty indents the JSON', async () => {
    const r = await ovola('solve', scenarioPath, '--pretty', '--quiet');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('{\n  "schema": "ovola.solution/v1"')).toBe(true);
  });
});

describe('last year’s plan as the baseline', () => {
  test('baseline rows of lawyers no longer on the roster are accepted: solve and validate exit 0, their villages counted as vacated', async () => {
    const s = JSON.parse(scenarioText);
    const plan = parseSolution(JSON.parse(await solveCounty('--quiet')));
    // Last year's plan, then two of its advisers leave the roster (and everything naming them but the baseline).
    const gone = [...new Set(plan.assignments.map((a) => a.lawyerId))].slice(0, 2);
    s.baseline = plan.assignments.map((a) => ({ villageId: a.villageId, lawyerId: a.lawyerId }));
    s.lawyers = s.lawyers.filter((l: { id: string }) => !gone.includes(l.id));
    s.pins = [];
    s.preferences = { villages: [], lawyers: [] };
    const path = writeJson('departed.json', s);
    const r = await ovola('solve', path, '--quiet');
    expect(r.code, r.stderr).toBe(0);
    const sol = parseSolution(JSON.parse(r.stdout));
    const vacated = plan.assignments.filter((a) => gone.includes(a.lawyerId));
    expect(sol.metrics.changes.vacated).toBe(vacated.length);
    expect(sol.changes?.vacated).toEqual(vacated.map((a) => ({ villageId: a.villageId, lawyerId: a.lawyerId })));
    const v = await ovola('validate', path, writeJson('departed.solution.json', sol));
    expect(v.code, v.stdout).toBe(0);
    // An unknown village stays an error, with its path.
    s.baseline[0].villageId = 'NO-SUCH-VILLAGE';
    const bad = await ovola('solve', writeJson('bad-baseline.json', s));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('baseline[0].villageId: unknown village (found "NO-SUCH-VILLAGE")');
  });
});

describe('validate finds violations', () => {
  async function solved(): Promise<Solution> {
    return parseSolution(JSON.parse(await solveCounty('--quiet')));
  }

  test('a village moved to an intern exits 1 and prints R2', async () => {
    const s = parseScenario(JSON.parse(scenarioText));
    const intern = s.lawyers.find((l) => l.status === 'intern');
    expect(intern).toBeDefined();
    const sol = await solved();
    sol.assignments[0].lawyerId = intern!.id;
    sol.assignments[0].firmId = intern!.firmId;
    const r = await ovola('validate', scenarioPath, writeJson('tampered-intern.json', sol));
    expect(r.code).toBe(1);
    const rules = r.stdout.trim().split('\n').map((line) => line.split('\t')[0]);
    expect(rules).toContain('R2');
    expect(r.stdout).toContain(intern!.id);
    expect(r.stderr).toMatch(/\d+ violations?/);
  });

  test('a lawyer over the cap exits 1 and prints R1', async () => {
    const s = parseScenario(JSON.parse(scenarioText));
    const sol = await solved();
    const lawyer = s.lawyers.find((l) => l.id === sol.assignments[0].lawyerId)!;
    const cap = lawyerCap(s.policy, lawyer);
    const has = sol.assignments.filter((a) => a.lawyerId === lawyer.id).length;
    for (const a of sol.assignments.filter((x) => x.lawyerId !== lawyer.id).slice(0, cap + 1 - has)) {
      a.lawyerId = lawyer.id;
      a.firmId = lawyer.firmId;
    }
    const r = await ovola('validate', scenarioPath, writeJson('tampered-cap.json', sol));
    expect(r.code).toBe(1);
    const r1 = r.stdout.split('\n').filter((line) => line.startsWith('R1\t'));
    expect(r1).toEqual([`R1\tlawyer ${lawyer.id} advises ${cap + 1} villages, cap ${cap}`]);
  });

  test('validate of a bad solution document exits 2 with the field path', async () => {
    const sol = await solved() as unknown as Record<string, unknown>;
    delete sol.status;
    const r = await ovola('validate', scenarioPath, writeJson('bad-solution.json', sol));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('status');
  });
});

describe('bad input', () => {
  test('a scenario with a broken reference exits 2 and stderr names the field path', async () => {
    const s = JSON.parse(scenarioText);
    s.lawyers[1].firmId = 'NO-SUCH-FIRM';
    s.villages[2].nickname = 'x';
    const r = await ovola('solve', writeJson('bad-scenario.json', s));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('villages[2].nickname');
    // the shape is checked first: the reference is reported once the shape is right
    delete s.villages[2].nickname;
    const again = await ovola('solve', writeJson('bad-scenario-2.json', s));
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('lawyers[1].firmId');
    expect(again.stderr).toContain('NO-SUCH-FIRM');
  });

  test('a file that does not exist exits 2', async () => {
    const missing = file('no-such-file.json');
    const r = await ovola('solve', missing);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(missing);
    expect((await ovola('validate', missing, missing)).code).toBe(2);
  });

  test('invalid JSON exits 2', async () => {
    const path = file('broken.json');
    writeFileSync(path, '{"schema": "ovola.scenario/v1", ');
    const r = await ovola('solve', path);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not valid JSON');
  });

  test('pins that cannot hold exit 1; pins beside other bad input exit 2', async () => {
    const s = JSON.parse(scenarioText);
    const intern = s.lawyers.find((l: { status: string }) => l.status === 'intern');
    s.pins = [{ villageId: s.villages[0].id, lawyerId: intern.id }];
    const r = await ovola('solve', writeJson('bad-pins.json', s));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('pins[0].lawyerId');

    s.lawyers[1].firmId = 'NO-SUCH-FIRM';
    const mixed = await ovola('solve', writeJson('bad-pins-and-ref.json', s));
    expect(mixed.code).toBe(2);
  });

  test('an unknown command, an unknown option or a bad --mode exits 2', async () => {
    const cmd = await ovola('optimise', scenarioPath);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toContain('unknown command');
    expect((await ovola('solve', scenarioPath, '--fast')).code).toBe(2);
    const mode = await ovola('solve', scenarioPath, '--mode', 'fast');
    expect(mode.code).toBe(2);
    expect(mode.stderr).toContain('--mode');
    expect((await ovola()).code).toBe(2);
    expect((await ovola('help')).code).toBe(0);
  });
});

describe('--help on every command', () => {
  test.each(['generate', 'solve', 'validate', 'calendar', 'replan', 'divisions', 'keys', 'serve'])('%s --help and -h print its usage and exit 0', async (command) => {
    for (const flag of ['--help', '-h']) {
      // serve would never return if it started the server: the test's own timeout is the check.
      const r = await ovola(command, flag);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.startsWith(`Usage: ovola ${command}`)).toBe(true);
      expect(r.stdout).toContain('Exit codes');
      expect(r.stderr).toBe('');
    }
  });

  test('an unknown option still exits 2, with that command’s usage', async () => {
    for (const command of ['generate', 'replan', 'serve', 'validate']) {
      const r = await ovola(command, '--frobnicate');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("Unknown option '--frobnicate'");
      expect(r.stderr).toContain(`Usage: ovola ${command}`);
    }
  });
});

describe('replan', () => {
  let city: string;
  let citySolution: Solution;
  beforeAll(async () => {
    const gen = await ovola('generate', '--preset', 'city', '--seed', '5', '--baseline');
    city = writeJson('city.json', JSON.parse(gen.stdout));
    const r = await ovola('solve', city, '--quiet');
    expect(r.code, r.stderr).toBe(0);
    citySolution = parseSolution(JSON.parse(r.stdout));
    writeJson('city.solution.json', citySolution);
  }, 60_000);

  test('a removed adviser: the plan becomes the baseline, villages outside --scope keep their advisers, theirs are vacated', async () => {
    const s = parseScenario(JSON.parse(readFileSync(city, 'utf8')));
    const countyOf = new Map(s.villages.map((v) => [v.id, s.regions.find((r) => r.id === v.townId)!.parentId!]));
    // The adviser with the most villages in one county, which is the scope.
    const counts = new Map<string, number>();
    for (const a of citySolution.assignments) counts.set(a.lawyerId, (counts.get(a.lawyerId) ?? 0) + 1);
    const gone = [...counts].sort((a, b) => b[1] - a[1])[0][0];
    const theirs = citySolution.assignments.filter((a) => a.lawyerId === gone).map((a) => a.villageId);
    const scope = countyOf.get(theirs[0])!;
    const changes = writeJson('changes.json', [{ op: 'remove-lawyer', lawyerId: gone }]);
    const r = await ovola('replan', city, file('city.solution.json'), '--change', changes, '--scope', scope, '--out', file('re.json'), '--scenario-out', file('re.scenario.json'), '--quiet');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const next = parseScenario(JSON.parse(readFileSync(file('re.scenario.json'), 'utf8')));
    const sol = parseSolution(JSON.parse(readFileSync(file('re.json'), 'utf8')));
    const v = await ovola('validate', file('re.scenario.json'), file('re.json'));
    expect(v.code, v.stdout).toBe(0);
    expect(next.lawyers.some((l) => l.id === gone)).toBe(false);
    expect(sol.metrics.changes.vacated).toBe(theirs.length);
    expect(sol.changes?.vacated.map((x) => x.villageId).sort()).toEqual([...theirs].sort());
    const before = new Map(citySolution.assignments.map((a) => [a.villageId, a.lawyerId]));
    // Outside the scope only the departed adviser's villages may move.
    for (const a of sol.assignments) if (countyOf.get(a.villageId) !== scope && !theirs.includes(a.villageId)) expect(a.lawyerId).toBe(before.get(a.villageId));
    expect(next.pins.length).toBe(citySolution.assignments.filter((a) => countyOf.get(a.villageId) !== scope && a.lawyerId !== gone).length);
    expect(sol.weights).toEqual(citySolution.weights);
  }, 60_000);

  test('bad changes and a bad scope exit 2, every problem with its path', async () => {
    const changes = writeJson('bad-changes.json', [{ op: 'remove-lawyer' }, { op: 'replace-lawyer', lawyerId: 'NOBODY', by: 'L1' }]);
    const r = await ovola('replan', city, file('city.solution.json'), '--change', changes, '--scope', 'NOWHERE');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('changes[0].lawyerId');
    expect(r.stderr).toContain('--scope: unknown region (found "NOWHERE")');
    const unknown = writeJson('unknown-lawyer.json', [{ op: 'remove-lawyer', lawyerId: 'NOBODY' }]);
    const u = await ovola('replan', city, file('city.solution.json'), '--change', unknown);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('changes[0].lawyerId: unknown lawyer (found "NOBODY")');
  }, 60_000);
});

describe('the built bin', () => {
  beforeAll(() => ensureBuilt(), 120_000);

  test('solve - reads the scenario from standard input', async () => {
    const r = spawnSync('node', [BIN, 'solve', '-', '--quiet'], { cwd: ROOT, input: scenarioText, encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(r.status, r.stderr).toBe(0);
    const fromStdin = parseSolution(JSON.parse(r.stdout));
    const fromFile = parseSolution(JSON.parse(await solveCounty('--quiet')));
    fromStdin.metrics.solveMs = 0;
    fromFile.metrics.solveMs = 0;
    expect(fromStdin).toEqual(fromFile);
  });

  test('the bin exits with main’s code, and speaks Chinese unless LANG names English', async () => {
    const env = { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
    const zh = spawnSync('node', [BIN, 'solve', '-'], { cwd: ROOT, input: '{ not json', encoding: 'utf8', env });
    expect(zh.status).toBe(2);
    expect(zh.stderr).toContain('情景文件 (标准输入) 不是有效的 JSON');
    const unset = spawnSync('node', [BIN, 'solve', '-'], { cwd: ROOT, input: '{ not json', encoding: 'utf8', env: { ...env, LANG: '' } });
    expect(unset.stderr).toContain('标准输入');
    const en = spawnSync('node', [BIN, 'solve', '-'], { cwd: ROOT, input: '{ not json', encoding: 'utf8', env: { ...env, LANG: 'en_US.UTF-8' } });
    expect(en.status).toBe(2);
    expect(en.stderr).toContain('scenario: standard input is not valid JSON');
  });
});
