/** `ovola calendar` and `ovola validate … calendar.json --holidays`, run in-process with stdout and stderr captured. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseCalendar } from '../../src/domain/index.js';
import { plan, tiny } from '../calendar/fixtures.js';
import { ovola } from './run.js';


let dir: string;
const file = (name: string) => join(dir, name);
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ovola-calendar-'));
  const s = tiny([{ id: 'V1', km: 5, evening: 1 }, { id: 'V2', km: 7 }], [{ id: 'L1' }]);
  writeFileSync(file('s.json'), JSON.stringify(s));
  writeFileSync(file('sol.json'), JSON.stringify(plan(s)));
  const y2031 = tiny([{ id: 'V1', km: 5 }], [{ id: 'L1' }], (x) => (x.year = 2031));
  writeFileSync(file('s31.json'), JSON.stringify(y2031));
  writeFileSync(file('sol31.json'), JSON.stringify(plan(y2031)));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ovola calendar', () => {
  test('writes the JSON, one .ics per lawyer and per village, and the CSV; the validator passes it (exit 0)', async () => {
    const run = await ovola('calendar', file('s.json'), file('sol.json'), '--year', '2026', '--months', '2026-03,2026-04', '--out', file('cal.json'), '--ics', file('ics'), '--csv', file('cal.csv'));
    expect(run).toMatchObject({ code: 0, stdout: '' });
    const cal = parseCalendar(JSON.parse(readFileSync(file('cal.json'), 'utf8')));
    expect(cal.months).toEqual(['2026-03', '2026-04']);
    expect(readdirSync(file('ics')).sort()).toEqual(['lawyer-L1.ics', 'village-V1.ics', 'village-V2.ics']);
    expect(readFileSync(file('ics/lawyer-L1.ics'), 'utf8')).toContain('DTSTART;TZID=Asia/Shanghai:');
    expect(readFileSync(file('cal.csv'), 'utf8').trimEnd().split('\r\n')).toHaveLength(cal.visits.length + 1);
    const check = await ovola('validate', file('s.json'), file('sol.json'), file('cal.json'));
    expect(check.code).toBe(0);
  });

  test('validate lists declared shortfalls and unmet evening/weekend requests as WARN lines, counts them on stderr, and exits 0', async () => {
    // The calendar of the first test gives V1 one evening school a month; now V1 asks for two, and a weekend
    // visit. The calendar declares March's evening short itself; the rest the validator finds.
    const scenario = JSON.parse(readFileSync(file('s.json'), 'utf8'));
    scenario.villages[0].requests = { eveningSchoolPerMonth: 2, weekendPerMonth: 1 };
    writeFileSync(file('s-asks.json'), JSON.stringify(scenario));
    const cal = JSON.parse(readFileSync(file('cal.json'), 'utf8'));
    cal.shortfalls = [{ rule: 'R12', villageId: 'V1', lawyerId: 'L1', month: '2026-03', detail: '律师L1 三月晚间无空档' }];
    writeFileSync(file('short.json'), JSON.stringify(cal));
    const run = await ovola('validate', file('s-asks.json'), file('sol.json'), file('short.json'));
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toEqual([
      'WARN\tR12\tV1\t2026-03\t律师L1 三月晚间无空档',
      'WARN\tR12\tV1\t2026-04\tvillage V1 has 1 evening-school visits in 2026-04, asked for 2',
      'WARN\tR12\tV1\t2026-04\tvillage V1 has 0 weekend visits in 2026-04, asked for 1',
    ]);
    expect(run.stderr).toContain('every hard rule holds; 3 warnings');
    // A scenario of another year: said, still exit 0.
    writeFileSync(file('s27.json'), JSON.stringify({ ...JSON.parse(readFileSync(file('s.json'), 'utf8')), year: 2027 }));
    const year = await ovola('validate', file('s27.json'), file('sol.json'), file('cal.json'));
    expect(year.code).toBe(0);
    expect(year.stdout).toBe('WARN\tSCHEDULE\t-\t-\tthe calendar is for 2026, but the scenario is for 2027\n');
  });

  test('JSON goes to standard output without --out', async () => {
    const run = await ovola('calendar', file('s.json'), file('sol.json'), '--year', '2026', '--months', '2026-05');
    expect(run.code).toBe(0);
    expect(parseCalendar(JSON.parse(run.stdout)).months).toEqual(['2026-05']);
  });

  test('a year without an official table says it is provisional; a loaded table replaces it, for the validator too', async () => {
    const run = await ovola('calendar', file('s31.json'), file('sol31.json'), '--year', '2031', '--months', '2031-01', '--out', file('c31.json'));
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('provisional calendar');
    expect(JSON.parse(readFileSync(file('c31.json'), 'utf8')).provisional).toBe(true);
    const days = Array.from({ length: 26 }, (_, i) => `2031-01-${String(i + 5).padStart(2, '0')}`);
    writeFileSync(file('h31.json'), JSON.stringify({ schema: 'ovola.holidays/v1', year: 2031, holidays: ['2031-01-01', ...days], workdays: [] }));
    const loaded = await ovola('calendar', file('s31.json'), file('sol31.json'), '--year', '2031', '--months', '2031-01', '--holidays', file('h31.json'), '--out', file('l31.json'));
    expect(loaded.code).toBe(0);
    expect(loaded.stderr).not.toContain('provisional');
    expect(JSON.parse(readFileSync(file('l31.json'), 'utf8')).provisional).toBe(false);
    expect((await ovola('validate', file('s31.json'), file('sol31.json'), file('l31.json'), '--holidays', file('h31.json'))).code).toBe(0);
    // The provisional calendar, held to the loaded table, breaks it.
    const broken = await ovola('validate', file('s31.json'), file('sol31.json'), file('c31.json'), '--holidays', file('h31.json'));
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/^SCHEDULE\tonsite visit on 2031-01-\d\d falls on a holiday/m);
  });

  test('bad input exits 2 naming the option or field', async () => {
    const months = await ovola('calendar', file('s.json'), file('sol.json'), '--year', '2026', '--months', '2025-03');
    expect(months).toMatchObject({ code: 2, stdout: '' });
    expect(months.stderr).toContain('--months[0]: 2025-03 is not in the calendar year 2026');
    const year = await ovola('calendar', file('s.json'), file('sol.json'));
    expect(year.code).toBe(2);
    expect(year.stderr).toContain('--year: expected a year such as 2026, got null');
    writeFileSync(file('bad-h.json'), JSON.stringify({ schema: 'ovola.holidays/v1', year: 2026, holidays: ['2025-12-31'], workdays: [] }));
    const table = await ovola('calendar', file('s.json'), file('sol.json'), '--year', '2026', '--holidays', file('bad-h.json'));
    expect(table.code).toBe(2);
    expect(table.stderr).toContain("holidays[0]: date is not in the table's year 2026");
  });
});
