/**
 * Chinese first: every problem ovola reports reads in Chinese, with a stable English code for programs.
 * Messages are written once, in English, where the problem is found; this module holds their Chinese
 * (and their codes) in one place: zod's own issues from their structure, ovola's by the shape of the
 * English sentence. A message no rule knows keeps its English, and a test lists every message the
 * service can send so that none slips through untranslated.
 */
import type { z } from 'zod';
import type { Issue } from './common.js';

export type Lang = 'zh' | 'en';

/** Things named in messages. */
const NOUN: Record<string, string> = {
  firm: '律师事务所',
  lawyer: '律师',
  village: '村(社区)',
  town: '镇(街道)',
  county: '县(市、区)',
  city: '市',
  region: '地区',
  'lawyer or firm': '律师或律师事务所',
  scenario: '情景',
  solution: '方案',
  calendar: '走访日历',
  job: '任务',
  'API key': 'API 密钥',
  'divisions registry': '行政区划登记',
  'village with a published adviser': '已公布法律顾问的村(社区)',
  'county with published cards': '已有公开信息的县(市、区)',
  changes: '变更',
  replan: '重排',
  'scenario (against the divisions registry)': '情景(与行政区划登记不符)',
  'scenario with the sheet put in': '导入表格后的情景',
  'holiday table': '节假日表',
  sheet: '表格',
  workbook: '工作簿',
  file: '文件',
  policy: '政策',
  year: '年度',
  notice: '公示文字',
};
const noun = (en: string) => NOUN[en] ?? en;

/** zod's types as a clerk reads them. */
const TYPE: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是/否(布尔值)',
  array: '列表(数组)',
  object: '对象',
  null: '空值',
  undefined: '空',
  date: '日期',
  bigint: '整数',
};
const typeName = (t: unknown) => TYPE[String(t)] ?? String(t);

/** Our own messages given to zod schemas (`.regex(…, 'expected HH:MM')`), in Chinese. */
const SCHEMA_MESSAGES: Record<string, string> = {
  'expected HH:MM': '时间格式应为 HH:MM,如 09:30',
  'expected YYYY-MM': '月份格式应为 YYYY-MM,如 2026-03',
  'longitude must lie in [-180, 180]': '经度应在 -180 到 180 之间',
  'latitude must lie in [-90, 90]': '纬度应在 -90 到 90 之间',
};

type ZodIssue = z.core.$ZodIssue;

/** A zod issue's code and Chinese message, from its structure (not its English text). */
export function zodZh(issue: ZodIssue, value: unknown): { code: string; zh: string } {
  const custom = SCHEMA_MESSAGES[issue.message];
  if (custom) return { code: issue.code === 'custom' ? 'invalid' : issue.code, zh: custom };
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return { code: 'required', zh: `缺少此项,应为${typeName(issue.expected)}` };
      return { code: issue.code, zh: `应为${typeName(issue.expected)}` };
    case 'too_small': {
      const min = String(issue.minimum);
      const strict = !issue.inclusive;
      if (issue.origin === 'string') return { code: issue.code, zh: min === '1' ? '不能为空' : `至少 ${min} 个字符` };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: issue.code, zh: `至少 ${min} 项` };
      return { code: issue.code, zh: strict ? `应大于 ${min}` : `不能小于 ${min}` };
    }
    case 'too_big': {
      const max = String(issue.maximum);
      const strict = !issue.inclusive;
      if (issue.origin === 'string') return { code: issue.code, zh: `最多 ${max} 个字符` };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: issue.code, zh: `最多 ${max} 项` };
      return { code: issue.code, zh: strict ? `应小于 ${max}` : `不能大于 ${max}` };
    }
    case 'invalid_value':
      return { code: issue.code, zh: `应为以下之一:${issue.values.map((v) => JSON.stringify(v)).join('、')}` };
    case 'invalid_format': {
      const format = (issue as { format?: string }).format;
      if (format === 'date') return { code: issue.code, zh: '日期格式应为 YYYY-MM-DD,如 2026-05-01' };
      if (format === 'email') return { code: issue.code, zh: '电子邮箱格式不对' };
      return { code: issue.code, zh: '格式不对' };
    }
    case 'not_multiple_of':
      return { code: issue.code, zh: `应为 ${String(issue.divisor)} 的倍数` };
    case 'unrecognized_keys':
      return { code: 'unknown_field', zh: '未知字段' };
    case 'invalid_union':
      return { code: issue.code, zh: '不符合任何一种允许的写法' };
    default: {
      const t = translate(issue.message);
      return { code: t.code ?? issue.code, zh: t.zh ?? issue.message };
    }
  }
}

interface Rule {
  code: string;
  re: RegExp;
  zh: (m: RegExpExecArray) => string;
}

const NOUNS = Object.keys(NOUN)
  .sort((a, b) => b.length - a.length)
  .map((n) => n.replace(/[()]/g, '\\$&'))
  .join('|');

/** ovola's own English messages and details, by their shape: code and Chinese. */
const RULES: Rule[] = [
  // --- documents ---------------------------------------------------------------------------
  { code: 'unknown_field', re: /^unknown field$/, zh: () => '未知字段' },
  { code: 'unknown_key', re: /^unknown API key$/, zh: () => 'API 密钥无效' },
  { code: 'duplicate_id', re: /^duplicate id$/, zh: () => '编号重复' },
  { code: 'unknown_reference', re: new RegExp(`^unknown (${NOUNS})$`), zh: (m) => `未知的${noun(m[1])}` },
  { code: 'wrong_level', re: /^region is a (city|county|town), not a (city|county|town)(?: or (city|county|town))?$/, zh: (m) => `该地区是${noun(m[1])},不是${noun(m[2])}${m[3] ? `或${noun(m[3])}` : ''}` },
  { code: 'own_parent', re: /^a region cannot be its own parent$/, zh: () => '地区不能以自己为上级' },
  { code: 'parent_cycle', re: /^region parents form a cycle$/, zh: () => '地区的上级关系形成了循环' },
  { code: 'duplicate_entry', re: /^village has a second preference entry$/, zh: () => '该村(社区)的意向重复填写' },
  { code: 'duplicate_entry', re: /^lawyer has a second preference entry$/, zh: () => '该律师的意向重复填写' },
  { code: 'duplicate_entry', re: /^village is pinned twice$/, zh: () => '该村(社区)被固定了两次' },
  { code: 'duplicate_entry', re: /^village appears twice in the baseline$/, zh: () => '该村(社区)在现任顾问中出现两次' },
  { code: 'duplicate_entry', re: /^a second override for the same lawyer and village$/, zh: () => '同一律师和村(社区)的路程数据重复' },
  { code: 'rule_r2', re: /^R2: an intern cannot be a village’s responsible adviser$/, zh: () => 'R2:实习人员不能担任村(社区)的法律顾问' },
  { code: 'rule_r5', re: /^R5: the village vetoes this lawyer$/, zh: () => 'R5:该村(社区)回避此律师' },
  { code: 'rule_r5', re: /^R5: the lawyer vetoes this village$/, zh: () => 'R5:该律师回避此村(社区)' },
  { code: 'rule_r1', re: /^R1: more pins than the lawyer's cap of (\d+) villages$/, zh: (m) => `R1:固定给该律师的村(社区)超过其上限 ${m[1]} 个` },
  { code: 'rule_r7', re: /^R7: the lawyer serves another city and is not in paired assistance$/, zh: () => 'R7:该律师属外市且未参加对口支援' },
  { code: 'self_replacement', re: /^a lawyer cannot replace themselves$/, zh: () => '律师不能由本人替换' },
  { code: 'duplicate_id', re: /^a lawyer with this id already exists; give the id alone to hand over to them$/, zh: () => '已有此编号的律师;如要交接给该律师,只填编号即可' },
  { code: 'duplicate_id', re: /^a lawyer with this id already exists$/, zh: () => '已有此编号的律师' },
  { code: 'out_of_scope_pin', re: /^(.*): village (\S+) lies outside scope (\S+) and keeps its adviser (\S+) \(R6\)$/, zh: (m) => `${tr(m[1])}:村(社区)${m[2]}在调整范围 ${m[3]} 之外,保留原顾问 ${m[4]}(R6)` },
  { code: 'registry_level', re: /^the divisions registry has (\S+) \((.*)\) as a (city|county|town)$/, zh: (m) => `行政区划登记中 ${m[1]}(${m[2]})是${noun(m[3])}` },
  { code: 'registry_parent', re: /^the divisions registry puts (\S+) \((.*)\) under (.*)$/, zh: (m) => `行政区划登记中 ${m[1]}(${m[2]})的上级是 ${m[3] === 'no region' ? '无' : m[3]}` },
  { code: 'registry_town', re: /^the divisions registry puts village (\S+) \((.*)\) in town (\S+)$/, zh: (m) => `行政区划登记中村(社区)${m[1]}(${m[2]})属于镇(街道)${m[3]}` },
  { code: 'registry_parent', re: /^a city has no parent in the registry$/, zh: () => '行政区划登记中的市没有上级' },
  { code: 'registry_parent', re: /^a (county|town) needs its (city|county)$/, zh: (m) => `${noun(m[1])}须填写所属${noun(m[2])}` },
  { code: 'wrong_year', re: /^expected (\d{4}), the year in the path$/, zh: (m) => `应为 ${m[1]} 年,与路径中的年份一致` },
  { code: 'wrong_year', re: /^date is not in the table's year (\d{4})$/, zh: (m) => `日期不在本表的年份 ${m[1]} 内` },
  { code: 'holiday_conflict', re: /^date is listed both as a holiday and as a make-up working day$/, zh: () => '该日期同时列为假日和调休上班日' },
  { code: 'holiday_weekday', re: /^a make-up working day \(调休\) must be a Saturday or Sunday$/, zh: () => '调休上班日须为周六或周日' },
  { code: 'month_outside_year', re: /^(\S+) is not a month of (\d{4})$/, zh: (m) => `${m[1]} 不是 ${m[2]} 年的月份` },
  { code: 'duplicate_entry', re: /^(\S+) is listed twice$/, zh: (m) => `${m[1]} 重复列出` },
  { code: 'bad_range', re: /^must be later than from \((.*)\)$/, zh: (m) => `须晚于起始时间(${m[1]})` },
  { code: 'bad_scope', re: /^expected admin, city:<code> or county:<code> .*$/, zh: () => '应为 admin、city:<代码> 或 county:<代码>(代码为字母、数字、_ 或 -)' },
  // --- sizes and bytes ------------------------------------------------------------------------
  { code: 'too_many_entries', re: /^more than (\d+) entries$/, zh: (m) => `超过 ${m[1]} 项` },
  { code: 'too_many_entries', re: /^(\S+) has more than (\d+) entries, the most this service takes there$/, zh: (m) => `${m[1]} 超过 ${m[2]} 项,超出本服务在此处接受的上限` },
  { code: 'too_deep', re: /^nested deeper than (\d+) levels$/, zh: (m) => `嵌套超过 ${m[1]} 层` },
  { code: 'too_deep', re: /^the document nests deeper than (\d+) levels at (\S+)$/, zh: (m) => `文档在 ${m[2]} 处嵌套超过 ${m[1]} 层` },
  { code: 'too_long', re: /^(?:text|a key|a string|a number)? ?longer than (\d+) characters$/, zh: (m) => `超过 ${m[1]} 个字符` },
  { code: 'too_long', re: /^(.+) at (\S+) is longer than (\d+) characters$/, zh: (m) => `${m[2]} 处的内容超过 ${m[3]} 个字符` },
  { code: 'nul_character', re: /^contains a NUL character.*$/, zh: () => '含有 NUL 字符(\\u0000)' },
  { code: 'nul_character', re: /^a NUL character \(\\u0000\) at (\S+): text may not contain it$/, zh: (m) => `${m[1]} 处含有 NUL 字符(\\u0000),文本中不允许出现` },
  { code: 'nul_character', re: /^the request (?:holds|contains) .*NUL.*$/, zh: () => '请求中含有 NUL 字符等无法保存的文本' },
  { code: 'nul_character', re: /^text the store cannot keep \(such as a NUL character\)$/, zh: () => '无法保存的文本(如 NUL 字符)' },
  { code: 'forbidden_key', re: /^forbidden key$/, zh: () => '不允许的键' },
  { code: 'forbidden_key', re: /^a "__proto__" key is not accepted$/, zh: () => '不接受名为 "__proto__" 的键' },
  { code: 'not_utf8', re: /^not UTF-8$/, zh: () => '不是 UTF-8 文本' },
  { code: 'not_utf8', re: /^the body is not UTF-8 text$/, zh: () => '请求内容不是 UTF-8 文本' },
  { code: 'not_json', re: /^not valid JSON$/, zh: () => '不是有效的 JSON' },
  { code: 'not_json', re: /^the body is not valid JSON: (.*)$/, zh: (m) => `请求内容不是有效的 JSON:${m[1]}` },
  { code: 'empty_body', re: /^empty$/, zh: () => '为空' },
  { code: 'empty_body', re: /^the body is empty: send the (document|sheet)$/, zh: (m) => `请求内容为空:请发送${m[1] === 'sheet' ? '表格' : '文档'}` },
  { code: 'too_large', re: /^the body is larger than the (.+) this route takes$/, zh: (m) => `请求内容超过本接口接受的 ${m[1]}` },
  { code: 'too_large', re: /^the document needs more memory than this service gives one request; send a smaller one$/, zh: () => '该文档所需内存超出本服务对单个请求的限额,请发送较小的文档' },
  { code: 'bad_media_type', re: /^send the (document|sheet) as (.+?)(?: or (.+?))?(?:, not (.+))?$/, zh: (m) => `请以 ${m[2]}${m[3] ? ` 或 ${m[3]}` : ''} 格式发送${m[1] === 'sheet' ? '表格' : '文档'}${m[4] ? `,而不是 ${m[4]}` : ''}` },
  { code: 'too_large', re: /^(?:the body is )?larger than (?:the (.+) )?this route takes$/, zh: (m) => `超过本接口接受的${m[1] ? ` ${m[1]}` : '大小'}` },
  { code: 'too_long', re: /^a part of the path is longer than this service takes$/, zh: () => '网址路径中有一段超过本服务接受的长度' },
  {
    code: 'invalid_sheet',
    re: /^(at least )?(\d+) problems? (?:\(the first (\d+) are listed\) )?in the (sheet|file|workbook)$/,
    zh: (m) => `${{ sheet: '表格', file: '文件', workbook: '工作簿' }[m[4]] ?? m[4]}有${m[1] ? '至少 ' : ' '}${m[2]} 处问题${m[3] ? `(列出前 ${m[3]} 处)` : ''}`,
  },
  { code: 'no_header', re: /^no header row found: expected columns such as (.+)$/, zh: (m) => `找不到表头行:应有 ${m[1].replace(/ \([A-Za-z]+\)/g, '').split(', ').join('、')} 等列` },
  { code: 'bad_media_type', re: /^Unsupported Media Type$/, zh: () => '不支持的内容类型' },
  { code: 'nul_in_url', re: /^the URL holds a NUL character \(%00\); no id or value may contain it$/, zh: () => '网址中含有 NUL 字符(%00),编号和参数中都不允许出现' },
  { code: 'headers_too_large', re: /^the request line and headers are larger than this service takes$/, zh: () => '请求行和请求头超过本服务接受的大小' },
  { code: 'not_http', re: /^the request is not valid HTTP$/, zh: () => '请求不是有效的 HTTP' },
  { code: 'request_timeout', re: /^the request took too long to arrive$/, zh: () => '请求传输超时' },
  { code: 'bad_url', re: /^(?:the path is )?not a valid URL \(a bad %-escape\?\)$/, zh: () => '网址无效(百分号转义有误?)' },
  { code: 'bad_media_type', re: /^Unsupported Media Type: (.*)$/, zh: (m) => `不支持的内容类型:${m[1]}` },
  { code: 'empty_body', re: /^Body cannot be empty when content-type is set to 'application\/json'$/, zh: () => '内容类型为 JSON 时,请求内容不能为空' },
  { code: 'not_json', re: /^Body is not valid JSON but content-type is set to 'application\/json'$/, zh: () => '请求内容不是有效的 JSON' },
  { code: 'invalid', re: /^invalid$/, zh: () => '无效' },
  // --- spreadsheets and workbooks ------------------------------------------------------------
  { code: 'not_xlsx', re: /^not an XLSX workbook: save it from Excel or WPS as \.xlsx$/, zh: () => '不是 XLSX 工作簿:请在 Excel 或 WPS 中另存为 .xlsx 后再发送' },
  { code: 'not_xlsx', re: /^this is an old binary Excel file \(\.xls\).*$/, zh: () => '这是旧版 Excel 文件(.xls):请另存为 .xlsx 或 CSV(UTF-8)后再发送' },
  { code: 'not_xlsx', re: /^not a readable XLSX file: (.*)$/, zh: (m) => `无法读取的 XLSX 文件:${m[1]}` },
  { code: 'too_large', re: /^the sheet has more than (\d+) rows, the most this service reads at once; split it$/, zh: (m) => `表格超过 ${m[1]} 行,超出本服务一次读取的上限,请拆分` },
  { code: 'too_large', re: /^the sheet has more than (\d+) columns, the most this service reads$/, zh: (m) => `表格超过 ${m[1]} 列,超出本服务读取的上限` },
  { code: 'too_large', re: /^the XLSX file (?:inflates to|holds|'s entry) .*$/, zh: () => 'XLSX 文件解压后过大或包含的文件过多,超出本服务读取的上限;请减少行数或改用 CSV' },
  { code: 'nul_character', re: /^row (\d+), column (\S+) holds a NUL character .*$/, zh: (m) => `第 ${m[1]} 行 ${m[2]} 列含有 NUL 字符(\\u0000),文本中不允许出现` },
  // --- problem counts -------------------------------------------------------------------------
  {
    code: 'invalid_document',
    re: new RegExp(`^invalid (${NOUNS}): (at least )?(\\d+) problems?(?: \\(the first (\\d+) are listed\\))?$`),
    zh: (m) => `${noun(m[1])}有${m[2] ? '至少 ' : ' '}${m[3]} 处问题${m[4] ? `(列出前 ${m[4]} 处)` : ''}`,
  },
  { code: 'invalid_request', re: /^the (body|querystring|params|headers|request) does not match its schema$/, zh: (m) => `请求的${{ body: '内容', querystring: '查询参数', params: '路径参数', headers: '请求头', request: '内容' }[m[1]] ?? m[1]}不符合要求` },
  // --- who may do what ------------------------------------------------------------------------
  { code: 'unauthenticated', re: /^send an API key as "Authorization: Bearer <key>"$/, zh: () => '请在请求头中提供 API 密钥:Authorization: Bearer <密钥>' },
  { code: 'revoked_key', re: /^this API key has been revoked$/, zh: () => '该 API 密钥已被吊销' },
  { code: 'key_in_url', re: /^send the key in the Authorization header .*$/, zh: () => '请把密钥放在 Authorization 请求头中,不要放在网址里' },
  { code: 'key_in_url', re: /^API keys are not accepted in the query string$/, zh: () => '不接受放在查询参数中的 API 密钥' },
  { code: 'admin_only', re: /^only an admin key may do this$/, zh: () => '只有管理员密钥可以执行此操作' },
  { code: 'not_found', re: new RegExp(`^(${NOUNS}) "(.*)" does not exist$`), zh: (m) => (m[1] === 'village with a published adviser' ? `本村(社区)尚未公布法律顾问(编号 ${m[2]})` : `${noun(m[1])}"${m[2]}"不存在`) },
  { code: 'no_route', re: /^no route (\S+) (\S+)$/, zh: (m) => `没有此接口:${m[1]} ${m[2]}` },
  { code: 'out_of_region', re: /^a (\S+) key may only store scenarios whose villages all lie in (.*?)(?:; this one has villages in (.*)|; this one has villages in no county|; this one has none there)?$/, zh: (m) => `${m[1]} 密钥只能保存村(社区)全部位于${region(m[2])}的情景${m[3] ? `;此情景有村(社区)位于 ${m[3]}` : ''}` },
  { code: 'out_of_region', re: /^a (\S+) key may only change a scenario whose villages all lie in (.*); this one reaches beyond it$/, zh: (m) => `${m[1]} 密钥只能修改村(社区)全部位于${region(m[2])}的情景,此情景超出了该范围` },
  { code: 'out_of_region', re: /^a (\S+) key may only change what lies in (.*): (\d+) changes? reach(?:es)? beyond it$/, zh: (m) => `${m[1]} 密钥只能修改${region(m[2])}内的内容:有 ${m[3]} 处变更超出范围` },
  { code: 'out_of_region', re: /^(village|lawyer \(by their firm\)|firm|region) (\S+) lies (?:in (county|city) (\S+)|in no county), outside (.*)$/, zh: (m) => `${m[1] === 'lawyer (by their firm)' ? '律师(按所属律所)' : noun(m[1])} ${m[2]} 位于${m[3] ? `${noun(m[3])} ${m[4]}` : '县(市、区)之外'},超出${region(m[5])}` },
  { code: 'out_of_region', re: /^the (.+) concerns? every village of a scenario that reaches beyond (.*)$/, zh: (m) => `${m[1].split(', ').map(noun).join('、')}关系到整个情景的所有村(社区),而该情景超出了${region(m[2])}` },
  { code: 'out_of_region', re: /^a county key may only re-plan its own county (\S+), not (\S+)$/, zh: (m) => `县级密钥只能重排本县 ${m[1]},不能重排 ${m[2]}` },
  { code: 'out_of_region', re: /^county (\S+) is not in the city key's city (\S+)$/, zh: (m) => `县(市、区)${m[1]} 不属于该市级密钥的市 ${m[2]}` },
  { code: 'out_of_region', re: /^a (\S+) key may not cancel a job another region submitted$/, zh: (m) => `${m[1]} 密钥不能取消其他地区提交的任务` },
  { code: 'bad_scope', re: /^scope must be a county of the scenario$/, zh: () => '调整范围须为本情景中的县(市、区)' },
  { code: 'bad_scope', re: /^scope must be admin, city:<code> or county:<code>, got (.*)$/, zh: (m) => `权限范围应为 admin、city:<代码> 或 county:<代码>,收到 ${m[1]}` },
  // --- the service --------------------------------------------------------------------------
  { code: 'store_unavailable', re: /^the store does not answer(?:; try again shortly)?$/, zh: () => '数据存储暂时无法访问,请稍后再试' },
  { code: 'stopping', re: /^the service is stopping$/, zh: () => '服务正在停止' },
  { code: 'queue_full', re: /^the service has (\d+) jobs queued or running, the most it takes; try again later$/, zh: (m) => `服务中已有 ${m[1]} 个任务排队或运行,已达上限,请稍后再试` },
  { code: 'queue_full', re: /^this API key has (\d+) jobs queued or running, the most one key may have; wait for one to end$/, zh: (m) => `该密钥已有 ${m[1]} 个任务排队或运行,已达单个密钥的上限;请等待其中一个结束` },
  { code: 'bad_cursor', re: /^(?:invalid cursor|the cursor is not one this list gave out)$/, zh: () => '分页游标无效' },
  { code: 'busy', re: /^the document worker is busy.*$/, zh: () => '文档处理繁忙,请稍后再试' },
  // --- the command line ---------------------------------------------------------------------
  { code: 'cannot_read', re: /^(\S+): cannot read (.+?)(?: \((\w+)\))?$/, zh: (m) => `无法读取${noun(m[1])}文件 ${m[2] === 'standard input' ? '(标准输入)' : m[2]}${m[3] ? `(${m[3]})` : ''}` },
  { code: 'not_json', re: /^(\S+): (.+) is not valid JSON: (.*)$/, zh: (m) => `${noun(m[1])}文件 ${m[2] === 'standard input' ? '(标准输入)' : m[2]} 不是有效的 JSON:${m[3]}` },
  { code: 'cannot_write', re: /^cannot write (.+?): (.*)$/, zh: (m) => `无法写入 ${m[1]}:${m[2]}` },
  { code: 'bad_option', re: /^(--[a-z-]+): expected (.+), got (.+)$/, zh: (m) => `${m[1]}:应为 ${EXPECTED[m[2]] ?? m[2]},收到 ${m[3]}` },
  { code: 'bad_arguments', re: /^solve: give one scenario file \(or - for standard input\)$/, zh: () => 'solve:请给出一个情景文件(或用 - 表示标准输入)' },
  { code: 'bad_arguments', re: /^validate: give a scenario, a solution and optionally a calendar$/, zh: () => 'validate:请给出情景、方案,以及(可选的)走访日历' },
  { code: 'bad_arguments', re: /^calendar: give a scenario and a solution$/, zh: () => 'calendar:请给出情景和方案' },
  { code: 'bad_arguments', re: /^replan: give a scenario and the solution to re-plan from$/, zh: () => 'replan:请给出情景和要据以重排的方案' },
  { code: 'pins_cannot_hold', re: /^the (scenario's|re-plan's) pins cannot all hold:$/, zh: (m) => `${m[1] === "scenario's" ? '情景' : '重排'}中的固定分配无法全部满足:` },
  { code: 'done', re: /^(\d+) villages, (\d+) lawyers, (\d+) firms$/, zh: (m) => `${m[1]} 个村(社区)、${m[2]} 名律师、${m[3]} 家律师事务所` },
  {
    code: 'done',
    re: /^(optimal|feasible|infeasible): objective (\S+), bound (\S+), gap (\S+); (\d+) assigned, (\d+) uncovered; travel (\S+) km$/,
    zh: (m) => `${STATUS[m[1]]}:目标值 ${m[2]},下界 ${m[3]},差距 ${m[4]};已安排 ${m[5]} 个村(社区),未覆盖 ${m[6]} 个;路程合计 ${m[7]} 公里`,
  },
  {
    code: 'done',
    re: /^(optimal|feasible|infeasible): objective (\S+), gap (\S+); (\d+) assigned, (\d+) uncovered; (\d+) moved from an adviser still on the roster, (\d+) vacated$/,
    zh: (m) => `${STATUS[m[1]]}:目标值 ${m[2]},差距 ${m[3]};已安排 ${m[4]} 个,未覆盖 ${m[5]} 个;${m[6]} 个村(社区)更换了仍在册的顾问,${m[7]} 个因原顾问离任而空出`,
  },
  { code: 'done', re: /^(\d+) visits in (\d+) months, (\d+) shortfalls$/, zh: (m) => `${m[2]} 个月共 ${m[1]} 次走访,${m[3]} 处未达要求` },
  {
    code: 'valid',
    re: /^valid: (\d+) assignments, (\d+) uncovered, every hard rule holds(?:; (\d+) warnings? \(WARN lines on stdout\))?$/,
    zh: (m) => `有效:${m[1]} 个分配,${m[2]} 个未覆盖,所有硬性规则均满足${m[3] ? `;${m[3]} 条提醒(见标准输出中的 WARN 行)` : ''}`,
  },
  { code: 'violations', re: /^(\d+) violations?(?:; (\d+) warnings? \(WARN lines on stdout\))?$/, zh: (m) => `${m[1]} 处违反规则${m[2] ? `;${m[2]} 条提醒(见标准输出中的 WARN 行)` : ''}` },
  { code: 'done', re: /^wrote the workbook template to (.+)$/, zh: (m) => `已写出情景工作簿模板:${m[1]}` },
  { code: 'done', re: /^wrote (.+): (\d+) villages, (\d+) lawyers, (\d+) firms$/, zh: (m) => `已写出 ${m[1]}:${m[2]} 个村(社区)、${m[3]} 名律师、${m[4]} 家律师事务所` },
  { code: 'bad_arguments', re: /^import: give one workbook \(\.xlsx\) or a directory of CSV files$/, zh: () => 'import:请给出一个工作簿(.xlsx)或一个存放 CSV 文件的目录' },
  { code: 'bad_arguments', re: /^import: no CSV file in (.+) is named after a sheet \((.*)\)$/, zh: (m) => `import:目录 ${m[1]} 中没有以工作表命名的 CSV 文件(${m[2]})` },
  { code: 'no_registry', re: /^import: the store has no divisions registry .*$/, zh: () => 'import:数据存储中没有行政区划登记(可用 ovola divisions load <文件> 载入)' },
  { code: 'bad_arguments', re: /^export-workbook: give one scenario file$/, zh: () => 'export-workbook:请给出一个情景文件' },
  { code: 'unknown_command', re: /^unknown command "(.*)"$/, zh: (m) => `未知命令 "${m[1]}"` },
  // a change's problem, blamed on the change: `unknown lawyer (pins[3].lawyerId)`
  { code: 'change_problem', re: /^(.*) \(((?:[A-Za-z]+(?:\[\d+\])*\.?)+)\)$/, zh: (m) => `${tr(m[1])}(${m[2]})` },
];

/** What a command-line option expects, in Chinese. */
const EXPECTED: Record<string, string> = {
  'a whole number': '整数',
  'seconds > 0': '大于 0 的秒数',
  'optimal or stable': 'optimal(最优)或 stable(稳定匹配)',
  'villages or lawyers': 'villages 或 lawyers',
  'a year such as 2026': '年份,如 2026',
  'individual, team, firm-town or by-class': 'individual、team、firm-town 或 by-class',
};

/** A solution's status in Chinese. */
const STATUS: Record<string, string> = { optimal: '最优', feasible: '可行(未证明最优)', infeasible: '不可行' };

/** 'county 449021' / 'city 4490' / 'everywhere' as the sentence said it. */
function region(en: string): string {
  const m = /^(county|city) (\S+)$/.exec(en);
  if (m) return `${noun(m[1])} ${m[2]} `;
  return en === 'everywhere' ? '全部地区' : en;
}

/** The Chinese of one of ovola's English messages, with its code; undefined parts where no rule knows it. */
export function translate(en: string): { code?: string; zh?: string } {
  for (const rule of RULES) {
    const m = rule.re.exec(en);
    if (m) return { code: rule.code, zh: rule.zh(m) };
  }
  return {};
}

const tr = (en: string) => translate(en).zh ?? en;

/** An issue as a caller of `lang` reads it: the message in that language, and always a code. */
export function localizeIssue(issue: Issue, lang: Lang): { path: string; message: string; code: string; value?: unknown } {
  const known = issue.zh === undefined || issue.code === undefined ? translate(issue.message) : {};
  const code = issue.code ?? known.code ?? 'invalid';
  const message = lang === 'en' ? issue.message : (issue.zh ?? known.zh ?? issue.message);
  return { path: issue.path, message, code, ...(issue.value !== undefined ? { value: issue.value } : {}) };
}

/** A sentence (a problem's detail, a CLI message) in `lang`. */
export const localize = (en: string, lang: Lang): string => (lang === 'en' ? en : tr(en));

/** HTTP statuses' titles in Chinese. */
export const TITLE_ZH: Record<number, string> = {
  400: '请求有误',
  401: '未通过身份验证',
  403: '无权执行此操作',
  404: '未找到',
  405: '不支持此方法',
  406: '无法提供所要求的格式',
  408: '请求超时',
  409: '冲突',
  413: '内容过大',
  414: '网址过长',
  415: '不支持的内容类型',
  422: '内容有误,无法处理',
  429: '请求过多',
  431: '请求头过大',
  500: '服务器内部错误',
  503: '服务暂时不可用',
};

/**
 * The language a caller asked for: `en` when English comes before Chinese in Accept-Language (or LANG
 * for the CLI); Chinese otherwise, and by default.
 */
export function langOf(acceptLanguage: string | undefined, fallback: Lang = 'zh'): Lang {
  if (!acceptLanguage) return fallback;
  let best: { lang: Lang; q: number } | undefined;
  for (const part of acceptLanguage.split(',').slice(0, 20)) {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.find((p) => p.trim().startsWith('q='));
    const q = qParam ? Number(qParam.trim().slice(2)) : 1;
    if (!(q > 0)) continue;
    const lang: Lang | undefined = tag.startsWith('zh') ? 'zh' : tag.startsWith('en') ? 'en' : undefined;
    if (lang && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? fallback;
}

/** The CLI's language from the environment: English under LANG / LC_ALL / LC_MESSAGES starting with `en`, else Chinese. */
export function langOfEnv(env: Record<string, string | undefined>): Lang {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en([_.-]|$)/i.test(value) ? 'en' : 'zh';
}

/** A document's problems as the CLI prints them: a head line and one line per problem, in `lang`. */
export function formatProblems(what: string, issues: readonly Issue[], count: number, countIsLowerBound: boolean, lang: Lang): string {
  const shown = issues.slice(0, 20).map((i) => {
    const l = localizeIssue(i, lang);
    // a workbook's problems name their sheet, row and column in the message itself
    if (what === 'workbook') return `  ${l.message}${i.value === undefined ? '' : lang === 'en' ? ` (found ${JSON.stringify(i.value)?.slice(0, 200)})` : `(发现 ${JSON.stringify(i.value)?.slice(0, 200)})`}`;
    const found = i.value === undefined ? '' : lang === 'en' ? ` (found ${JSON.stringify(i.value)?.slice(0, 200)})` : `(发现 ${JSON.stringify(i.value)?.slice(0, 200)})`;
    return `  ${l.path}: ${l.message}${found}`;
  });
  const more = count > 20 ? (lang === 'en' ? `\n  … and ${count - 20}${countIsLowerBound ? ' or more' : ''} more` : `\n  ……还有${countIsLowerBound ? '至少 ' : ' '}${count - 20} 处`) : '';
  const head = lang === 'en' ? `invalid ${what}: ${countIsLowerBound ? 'at least ' : ''}${count} problem${count === 1 ? '' : 's'}` : `${noun(what)}有${countIsLowerBound ? '至少 ' : ' '}${count} 处问题`;
  return `${head}\n${shown.join('\n')}${more}`;
}
