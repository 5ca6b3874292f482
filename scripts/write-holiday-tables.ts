/**
 * `npx tsx scripts/write-holiday-tables.ts`: writes `data/holidays/<year>.json` (ovola.holidays/v1) for
 * every year the `chinese-days` package covers, from its table of days off (holidays) and make-up working
 * days (workdays, 调休). Run it after upgrading the package; review the diff against the State Council's notice.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseHolidayTable } from '../src/domain/index.js';

const require = createRequire(import.meta.url);
const pkgJson = require.resolve('chinese-days/package.json');
const { version } = JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string };
const data = JSON.parse(readFileSync(join(pkgJson, '..', 'dist', 'chinese-days.json'), 'utf8')) as {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
};
const out = join(import.meta.dirname, '..', 'data', 'holidays');
mkdirSync(out, { recursive: true });
const years = [...new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
for (const year of years) {
  const inYear = (d: string) => d.startsWith(`${year}-`);
  const table = parseHolidayTable({
    schema: 'ovola.holidays/v1',
    year,
    holidays: Object.keys(data.holidays).filter(inYear).sort(),
    workdays: Object.keys(data.workdays).filter(inYear).sort(),
    source: `国务院办公厅关于${year}年部分节假日安排的通知 (via chinese-days ${version})`,
  });
  writeFileSync(join(out, `${year}.json`), `${JSON.stringify(table, null, 2)}\n`);
}
process.stderr.write(`wrote ${years.length} tables (${years[0]}–${years[years.length - 1]}) to ${out}\n`);
