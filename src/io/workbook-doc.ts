/** docs/WORKBOOK.md, written from the workbook's own column tables (scripts/write-workbook-doc.ts; a test checks it is current). */
import { describeWorkbook } from './workbook.js';

export function workbookDocument(): string {
  return `# 情景工作簿 / The scenario workbook

<!-- written by \`npx tsx scripts/write-workbook-doc.ts\` from src/io/workbook.ts and src/io/import.ts; do not edit by hand -->

一个 Excel 工作簿即可描述整个情景:律所、律师、村(社区)、镇街、意向与回避、现任顾问(即 \`baseline\`,
现行的顾问安排),以及情景本身(名称、年度、坐标系、政策)。\`ovola template\` 或
\`GET /v1/templates/scenario.xlsx\` 给出空白模板(中文表头,每表一行示例,固定取值的列带下拉选项,表头单元格的批注
说明该列填写什么);\`ovola import\` 或 \`POST /v1/scenarios\`(\`Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\`)
把填好的工作簿读成情景;\`ovola export-workbook\` 或 \`GET /v1/scenarios/:id.xlsx\` 把情景导出为同样的工作簿,
再导入即得到同一个情景(地区边界 \`boundary\` 不写入工作簿)。

One workbook describes a whole scenario: firms, lawyers, villages, towns, preferences and vetoes, the
advisers in force (\`baseline\`), and the scenario itself (name, year, coordinate system, policy).
\`ovola template\` or \`GET /v1/templates/scenario.xlsx\` gives the blank workbook (Chinese headers, one
example row per sheet, drop-down lists where a column takes fixed values, a note on each header cell);
\`ovola import\` or \`POST /v1/scenarios\` with an XLSX body reads a filled-in one; \`ovola export-workbook\`
or \`GET /v1/scenarios/:id.xlsx\` writes a scenario as the same workbook, which reads back into the same
scenario (region boundaries are left out).

## 填写规则 / How cells are read

- 表头可用中文或英文列名(下表第一、二列),也接受常见别名;\`序号\`、\`备注\` 列不读;未知的列报错。
  Headers may be the Chinese or the English name (first two columns below) or a common alias; 序号 and
  备注 columns are ignored; any other unknown column is a problem.
- 每表的表头为前十行中第一行含有两个已知列名的行。The header row is the first of the first ten rows
  with two known column names.
- 数字可用全角(\`１２３\`)。Digits may be full-width.
- 日期可写作 \`2026-05-01\`、\`2026/5/1\`、\`2026.5.1\`、\`2026年5月1日\`,Excel 日期单元格或日期序号(\`46143\`)亦可;
  多个日期用“、”分隔。Dates as \`2026-05-01\`, \`2026/5/1\`, \`2026.5.1\`, \`2026年5月1日\`, an Excel date cell or
  serial; several separated by 、.
- 列表(专长、意向、回避、团队成员)用“、”分隔(逗号、分号亦可)。Lists are separated by 、 (commas and
  semicolons work too).
- 律师的律所可填编号(\`律师事务所编号\`)或名称(\`律师事务所\`,名称须唯一);村(社区)的镇街、律所的所在地区同样可填编号或名称。
  A lawyer's firm may be given by id or by (unique) name; so may a village's town and a firm's region.
- 没有「镇街」表(或该表为空)时,镇街及其所属县、市取自行政区划登记:命令行用 \`--divisions 文件\` 或
  \`--store-divisions\`,HTTP 用已载入的登记。Without 镇街 rows, towns (and their counties and cities) come
  from the divisions registry: \`--divisions file\` or \`--store-divisions\` on the command line, the loaded
  registry over HTTP.
- 「情景」表只有一行;缺少该表时,名称取文件名(HTTP:“导入的情景”),年度取当年,政策取默认值。
  The 情景 sheet has one row; without it the name is the file's, the year this year, the policy the defaults.

## 问题报告 / Problems

所有问题一次列出(最多列出 1000 条,其余计数),每条注明表、行、列:
Every problem is listed at once (the first 1,000; the rest are counted), each naming its sheet, row and column:

\`\`\`
律师 表第 12 行「执业状态」:应为“执业”或“实习”(发现 "退休")
\`\`\`

HTTP 返回 422 \`application/problem+json\`,\`errors[]\` 每项含 \`path\`(\`律师!12!执业状态\`,即 表!行!列)、
\`message\`(默认中文,\`Accept-Language: en\` 时为英文)、\`code\`(如 \`invalid_cell\`、\`required\`、
\`unknown_column\`、\`missing_sheet\`、\`duplicate_id\`)与 \`value\`(单元格原文)。情景整体检查发现的问题(编号重复、
引用不存在的律师等)同样指回其单元格。
Over HTTP: a 422 problem+json whose \`errors[]\` each have \`path\` (\`律师!12!执业状态\`: sheet!row!column),
\`message\` (Chinese unless \`Accept-Language: en\`), \`code\` and \`value\` (the cell as found). Problems the
scenario check finds (a duplicate id, an unknown lawyer) point back at their cell too.

## 各表的列 / The sheets' columns

“必填”的列:同组(如 \`律师事务所编号\` 与 \`律师事务所\`)至少填一列。
A required column: at least one column of its group (such as 律师事务所编号 / 律师事务所) is filled.

${describeWorkbook()}
`;
}
