import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { getJson, sendJson, type ScenarioItem } from '../api';
import {
  buildIndex,
  figures,
  filterVillages,
  lawyerColour,
  options,
  orderedHistogram,
  UNCOVERED_REASONS,
  type Figures,
  type Filter,
  type PlanIndex,
  type ScenarioDoc,
  type SolutionDoc,
} from '../map/plan-data';
import { PlanMap } from '../map/plan-map';
import { go } from '../route';
import { JobProgress, type Job } from './job';
import { Problems } from './problems';

interface SolutionItem {
  id: string;
  createdAt: string;
  publishedVillages: number;
}

interface Explanation {
  village: { id: string; name: string };
  adviserId: string | null;
  uncovered: { reason: string; detail: string } | null;
  summary: string;
  maxTravelKm: number;
  candidates: { lawyerId: string; name: string; firmName: string; km: number; role: string; load: number; cap: number; reasons: string[] }[];
}

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
const km1 = (x: number) => x.toLocaleString('zh-CN', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const int = (x: number) => x.toLocaleString('zh-CN');
const METHODS: Record<string, string> = { optimal: '最优(个人)', 'stable-village-proposing': '稳定匹配(村居优先)', 'stable-lawyer-proposing': '稳定匹配(律师优先)' };
const ROLES: Record<string, string> = { adviser: '顾问', member: '团队成员', candidate: '候选', ineligible: '不符合条件' };
const PAGE = 50;

function Solve({ scenarioId, onSolved }: { scenarioId: string; onSolved: (solutionId: string) => void }) {
  const [mode, setMode] = useState('optimal');
  const [limit, setLimit] = useState('60');
  const [job, setJob] = useState<{ id: string; done: boolean } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const running = job !== null && !job.done;

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const [m, proposing] = mode === 'optimal' ? ['optimal', 'villages'] : ['stable', mode === 'stable-lawyers' ? 'lawyers' : 'villages'];
    const seconds = Number(limit);
    try {
      const r = await sendJson<{ jobId: string }>('POST', `/v1/scenarios/${encodeURIComponent(scenarioId)}/solve`, {
        mode: m,
        proposing,
        ...(seconds > 0 ? { timeLimitS: seconds } : {}),
      });
      setJob({ id: r.jobId, done: false });
    } catch (err) {
      setError(err);
    }
  };
  const onDone = (j: Job) => {
    setJob({ id: j.id, done: true });
    if (j.status === 'succeeded' && j.solutionId) onSolved(j.solutionId);
  };
  return (
    <form class="solve" onSubmit={submit} aria-label="求解">
      <label>
        方式
        <select value={mode} onChange={(e) => setMode(e.currentTarget.value)} disabled={running}>
          <option value="optimal">最优(个人)</option>
          <option value="stable-villages">稳定匹配(村居优先)</option>
          <option value="stable-lawyers">稳定匹配(律师优先)</option>
        </select>
      </label>
      <label>
        时限(秒)
        <input type="number" min="1" max="3600" value={limit} onInput={(e) => setLimit(e.currentTarget.value)} disabled={running} />
      </label>
      <button type="submit" disabled={running}>
        {running ? '求解中…' : '求解'}
      </button>
      {job && <JobProgress key={job.id} jobId={job.id} onDone={onDone} label="求解进度" />}
      <Problems error={error} />
    </form>
  );
}

interface CalendarItem {
  id: string;
  year: number;
  months: string[];
  createdAt: string;
}

/** What a bureau does next with the plan on screen: publish it, re-plan after a lawyer leaves, build its calendar, compare it. */
function PlanActions({ solutionId, solutions, lawyerId }: { solutionId: string; solutions: SolutionItem[]; lawyerId?: string }) {
  const [calendars, setCalendars] = useState<CalendarItem[] | null>(null);
  const [job, setJob] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [other, setOther] = useState('');
  const year = new Date().getFullYear();
  useEffect(() => {
    setCalendars(null);
    getJson<{ items: CalendarItem[] }>(`/v1/solutions/${encodeURIComponent(solutionId)}/calendars`).then((r) => setCalendars(r.items), setError);
  }, [solutionId]);
  const buildCalendar = async () => {
    setError(null);
    try {
      setJob((await sendJson<{ jobId: string }>('POST', `/v1/solutions/${encodeURIComponent(solutionId)}/calendars`, { year })).jobId);
    } catch (err) {
      setError(err);
    }
  };
  const others = solutions.filter((s) => s.id !== solutionId);
  const enc = encodeURIComponent;
  return (
    <div class="plan-actions">
      <a class="button" href={`#/solutions/${enc(solutionId)}/publish`}>
        发布…
      </a>
      <a class="button secondary" href={`#/solutions/${enc(solutionId)}/replan${lawyerId ? `/${enc(lawyerId)}` : ''}`}>
        {lawyerId ? '所选村的顾问变动,重新安排…' : '律师变动,重新安排…'}
      </a>
      {others.length > 0 && (
        <span class="compare-pick">
          <label for="compare-with">与</label>
          <select id="compare-with" value={other} onChange={(e) => setOther(e.currentTarget.value)}>
            <option value="">选择方案</option>
            {others.map((s) => (
              <option key={s.id} value={s.id}>
                {when(s.createdAt)}
              </option>
            ))}
          </select>
          <button type="button" class="secondary" disabled={!other} onClick={() => go('compare', other, solutionId)}>
            比较
          </button>
        </span>
      )}
      <span class="calendars">
        走访日历:
        {calendars?.map((c) => (
          <a key={c.id} href={`#/calendars/${enc(c.id)}`}>
            {c.year} 年{c.months.length < 12 ? `(${c.months.length} 个月)` : ''}
          </a>
        ))}
        {calendars?.length === 0 && '尚无'}
        <button type="button" class="link" disabled={job !== null} onClick={() => void buildCalendar()}>
          生成 {year} 年日历
        </button>
      </span>
      {job && (
        <JobProgress
          jobId={job}
          label="日历进度"
          onDone={(j) => {
            setJob(null);
            if (j.status === 'succeeded' && j.calendarId) go('calendars', j.calendarId);
          }}
        />
      )}
      <Problems error={error} />
    </div>
  );
}

function Bars({ title, data, unit = '' }: { title: string; data: [string, number][]; unit?: string }) {
  const max = Math.max(1, ...data.map((d) => d[1]));
  const w = 100;
  const h = 14;
  if (data.length === 0) return null;
  return (
    <figure class="bars">
      <figcaption>{title}</figcaption>
      <table>
        <tbody>
          {data.map(([k, v]) => (
            <tr key={k}>
              <th scope="row">
                {k}
                {unit}
              </th>
              <td>
                <svg width={w} height={h} aria-hidden="true">
                  <rect x={0} y={2} width={Math.max(v > 0 ? 1 : 0, (v / max) * w)} height={h - 4} />
                </svg>
              </td>
              <td class="num">{int(v)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function KeyFigures({ f }: { f: Figures }) {
  return (
    <section class="figures" aria-label="关键指标">
      <dl>
        <div>
          <dt>村(社区)</dt>
          <dd>{int(f.villages)}</dd>
        </div>
        <div>
          <dt>已配顾问</dt>
          <dd>{int(f.covered)}</dd>
        </div>
        <div>
          <dt>路程合计</dt>
          <dd>{int(Math.round(f.travel.total))} 公里</dd>
        </div>
        <div>
          <dt>平均</dt>
          <dd>{km1(f.travel.mean)} 公里</dd>
        </div>
        <div>
          <dt>95% 分位</dt>
          <dd>{km1(f.travel.p95)} 公里</dd>
        </div>
        <div>
          <dt>未覆盖</dt>
          <dd class={f.villages - f.covered > 0 ? 'warn' : ''}>{int(f.villages - f.covered)}</dd>
        </div>
      </dl>
    </section>
  );
}

function Charts({ f, solution }: { f: Figures; solution: SolutionDoc }) {
  const bands = f.travelBands.map(([b, n], i): [string, number] => [i === 0 ? `≤${b}` : b === Infinity ? `>${f.travelBands[i - 1][0]}` : `${f.travelBands[i - 1][0]}–${b}`, n]);
  const p = solution.metrics.preferences;
  return (
    <section class="charts" aria-label="分布图">
      <div class="chart-row">
        <Bars title="路程分布(公里)" data={bands} />
        <Bars title="律师负荷(村数 → 律师数)" data={[...f.load].map(([k, v]) => [String(k), v])} unit=" 村" />
        <Bars title="未覆盖原因" data={[...f.uncoveredByReason].map(([k, v]) => [UNCOVERED_REASONS[k] ?? k, v])} />
        <Bars title="村居意向名次(全方案)" data={orderedHistogram(p.villageRankHistogram).map(([k, v]) => [rankName(k), v])} />
        <Bars title="律师意向名次(全方案)" data={orderedHistogram(p.lawyerRankHistogram).map(([k, v]) => [rankName(k), v])} />
      </div>
    </section>
  );
}

const rankName = (k: string) => (k === 'unranked' ? '未列入' : k === 'uncovered' ? '未覆盖' : `第 ${k} 位`);

function Explain({ solutionId, ix, row, onClose }: { solutionId: string; ix: PlanIndex; row: number; onClose: () => void }) {
  const [ex, setEx] = useState<Explanation | null>(null);
  const [error, setError] = useState<unknown>(null);
  const headRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    setEx(null);
    setError(null);
    let live = true;
    getJson<Explanation>(`/v1/solutions/${encodeURIComponent(solutionId)}/villages/${encodeURIComponent(ix.ids[row])}/explain`).then(
      (r) => live && setEx(r),
      (err) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [solutionId, row]);
  const l = ix.lawyer[row];
  const reason = ix.reason[row] >= 0 ? ix.reasons[ix.reason[row]] : null;
  return (
    <aside class="explain" aria-labelledby="explain-title">
      <header>
        <h2 id="explain-title" ref={headRef}>
          {ix.names[row]}
          <small>
            {ix.towns[ix.town[row]]?.name}
            {ix.county[row] >= 0 ? ` · ${ix.counties[ix.county[row]].name}` : ''}
          </small>
        </h2>
        <button type="button" class="link" onClick={onClose} aria-label="关闭说明">
          关闭
        </button>
      </header>
      {l >= 0 ? (
        <p>
          顾问:<strong>{ix.lawyers[l].name}</strong>({ix.firms[ix.lawyers[l].firm]?.name}),路程 {km1(ix.km[row])} 公里
        </p>
      ) : (
        <p class="warn">
          未覆盖:{reason ? (UNCOVERED_REASONS[reason] ?? reason) : ''}。{ix.details.get(row)}
        </p>
      )}
      <Problems error={error} />
      {ex === null && !error ? (
        <p class="loading">正在取得说明…</p>
      ) : ex ? (
        <>
          <p class="summary">{ex.summary}</p>
          <table class="list compact">
            <caption>候选律师(服务半径 {ex.maxTravelKm} 公里)</caption>
            <thead>
              <tr>
                <th scope="col">律师</th>
                <th scope="col">身份</th>
                <th scope="col">公里</th>
                <th scope="col">负荷</th>
                <th scope="col">说明</th>
              </tr>
            </thead>
            <tbody>
              {ex.candidates.map((c) => (
                <tr key={c.lawyerId} class={c.role === 'adviser' ? 'is-adviser' : ''}>
                  <td>
                    {c.name}
                    <br />
                    <small>{c.firmName}</small>
                  </td>
                  <td>{ROLES[c.role] ?? c.role}</td>
                  <td class="num">{km1(c.km)}</td>
                  <td class="num">
                    {c.load}/{c.cap}
                  </td>
                  <td>{c.reasons.join(';')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </aside>
  );
}

function VillageTable({ ix, colours, rows, selected, onSelect }: { ix: PlanIndex; colours: string[]; rows: Uint32Array; selected: number; onSelect: (i: number) => void }) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  useEffect(() => setPage(0), [rows]);
  useEffect(() => {
    // the selected village's page, when it was chosen on the map
    if (selected < 0) return;
    const at = rows.indexOf(selected);
    if (at >= 0) setPage(Math.floor(at / PAGE));
  }, [selected]);
  const p = Math.min(page, pages - 1);
  const shown = rows.subarray(p * PAGE, (p + 1) * PAGE);
  return (
    <div class="villages">
      <table class="list compact">
        <caption class="sr-only">村(社区)与顾问</caption>
        <thead>
          <tr>
            <th scope="col">村(社区)</th>
            <th scope="col">镇(街)</th>
            <th scope="col">顾问</th>
            <th scope="col">律师事务所</th>
            <th scope="col">公里</th>
          </tr>
        </thead>
        <tbody>
          {Array.from(shown, (i) => {
            const l = ix.lawyer[i];
            return (
              <tr key={i} aria-selected={i === selected} data-row={i}>
                <td>
                  <button type="button" class="row-link" onClick={() => onSelect(i)}>
                    {ix.names[i]}
                  </button>
                </td>
                <td>{ix.towns[ix.town[i]]?.name}</td>
                <td>
                  {l >= 0 ? (
                    <>
                      <span class="swatch" style={{ background: colours[l] }} aria-hidden="true" />
                      {ix.lawyers[l].name}
                    </>
                  ) : (
                    <span class="warn">未覆盖</span>
                  )}
                </td>
                <td>{l >= 0 ? ix.firms[ix.firm[i]]?.name : UNCOVERED_REASONS[ix.reasons[ix.reason[i]]] ?? ''}</td>
                <td class="num">{l >= 0 ? km1(ix.km[i]) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <nav class="pager" aria-label="翻页">
        <button type="button" class="secondary" disabled={p === 0} onClick={() => setPage(p - 1)}>
          上一页
        </button>
        <span>
          第 {p + 1}/{pages} 页,共 {int(rows.length)} 个
        </span>
        <button type="button" class="secondary" disabled={p >= pages - 1} onClick={() => setPage(p + 1)}>
          下一页
        </button>
      </nav>
    </div>
  );
}

/** A select's long list of options (a province has ~7,000 lawyers): a component, so an unchanged list is not diffed again. */
function OptionList({ items, names, first }: { items: number[] | null; names: { id: string; name: string }[]; first: string }) {
  return (
    <>
      <option value="">{items ? '全部' : `全部(${first}后可选)`}</option>
      {items?.map((i) => (
        <option key={names[i].id} value={i}>
          {names[i].name}
        </option>
      ))}
    </>
  );
}

function Filters({ ix, filter, onChange }: { ix: PlanIndex; filter: Filter; onChange: (f: Filter) => void }) {
  const opts = useMemo(() => options(ix, filter), [ix, filter.county, filter.firm]);
  const all = useMemo(() => ({ counties: ix.counties.map((_, i) => i), firms: ix.firms.map((_, i) => i) }), [ix]);
  // the same vnode while its list is unchanged: Preact skips it
  const lists = {
    county: useMemo(() => <OptionList items={all.counties} names={ix.counties} first="" />, [all]),
    town: useMemo(() => <OptionList items={opts.towns} names={ix.towns} first="选县" />, [opts.towns]),
    firm: useMemo(() => <OptionList items={all.firms} names={ix.firms} first="" />, [all]),
    lawyer: useMemo(() => <OptionList items={opts.lawyers} names={ix.lawyers} first="选县或律所" />, [opts.lawyers]),
  };
  const num = (v: string) => (v === '' ? undefined : Number(v));
  return (
    <form class="filters" aria-label="筛选" onSubmit={(e) => e.preventDefault()}>
      <label>
        县(市、区)
        <select name="county" value={filter.county ?? ''} onChange={(e) => onChange({ ...filter, county: num(e.currentTarget.value), town: undefined })}>
          {lists.county}
        </select>
      </label>
      <label>
        镇(街)
        <select name="town" value={filter.town ?? ''} onChange={(e) => onChange({ ...filter, town: num(e.currentTarget.value) })}>
          {lists.town}
        </select>
      </label>
      <label>
        律师事务所
        <select name="firm" value={filter.firm ?? ''} onChange={(e) => onChange({ ...filter, firm: num(e.currentTarget.value), lawyer: undefined })}>
          {lists.firm}
        </select>
      </label>
      <label>
        律师
        <select name="lawyer" value={filter.lawyer ?? ''} onChange={(e) => onChange({ ...filter, lawyer: num(e.currentTarget.value) })}>
          {lists.lawyer}
        </select>
      </label>
      <label>
        搜索
        <input type="search" name="q" placeholder="村(社区)名称或代码" value={filter.text ?? ''} onInput={(e) => onChange({ ...filter, text: e.currentTarget.value })} />
      </label>
      <label class="check">
        <input type="checkbox" name="uncovered" checked={filter.uncovered ?? false} onChange={(e) => onChange({ ...filter, uncovered: e.currentTarget.checked })} />
        只看未覆盖
      </label>
    </form>
  );
}

/** A scenario and its plan on the map: solve, filter, read the figures, and ask why a village has its adviser. */
export function PlanView({ scenarioId }: { scenarioId: string }) {
  const [summary, setSummary] = useState<ScenarioItem | null>(null);
  const [doc, setDoc] = useState<ScenarioDoc | null>(null);
  const [solutions, setSolutions] = useState<SolutionItem[] | null>(null);
  const [solutionId, setSolutionId] = useState<string | null>(null);
  const [solution, setSolution] = useState<SolutionDoc | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [filter, setFilter] = useState<Filter>({});
  const [selected, setSelected] = useState(-1);
  const base = `/v1/scenarios/${encodeURIComponent(scenarioId)}`;

  const loadSolutions = (pick?: string) =>
    getJson<{ items: SolutionItem[] }>(`${base}/solutions`).then((r) => {
      setSolutions(r.items);
      setSolutionId(pick ?? r.items[0]?.id ?? null);
    }, setError);

  useEffect(() => {
    performance.mark('ovola:plan-start');
    getJson<ScenarioItem>(base).then(setSummary, setError);
    getJson<ScenarioDoc>(`${base}/document`).then((d) => {
      performance.mark('ovola:document-loaded');
      setDoc(d);
    }, setError);
    void loadSolutions();
  }, [scenarioId]);

  useEffect(() => {
    setSolution(null);
    setSelected(-1);
    if (solutionId)
      getJson<SolutionDoc>(`/v1/solutions/${encodeURIComponent(solutionId)}`).then((s) => {
        performance.mark('ovola:solution-loaded');
        setSolution(s);
      }, setError);
  }, [solutionId]);

  const ix = useMemo(() => {
    if (!doc) return null;
    const built = buildIndex(doc, solution);
    if (solution) performance.mark('ovola:index-built');
    return built;
  }, [doc, solution]);
  const colours = useMemo(() => (ix ? ix.lawyers.map((l) => lawyerColour(l.id)) : []), [ix]);
  const rows = useMemo(() => (ix ? filterVillages(ix, filter) : new Uint32Array(0)), [ix, filter]);
  const f = useMemo(() => (ix ? figures(ix, rows) : null), [ix, rows]);

  useEffect(() => {
    if (!ix || !solution || rows.length === 0) return;
    performance.mark('ovola:table-filled');
  }, [ix, solution]);

  return (
    <section class="plan">
      <p class="crumbs">
        <a href="#/scenarios">情景</a> › {summary?.name ?? '…'}
      </p>
      <h1>{summary ? `${summary.name}:方案地图` : '方案地图'}</h1>
      <Problems error={error} />
      {summary && (
        <p class="lede">
          {summary.summary.cities.map((c) => `${c.name}(${c.counties.map((k) => k.name).join('、')})`).join(';')} · 村(社区) {int(summary.summary.villages)} 个 · 执业律师{' '}
          {int(summary.summary.lawyers.practicing)} 名 · 律师事务所 {int(summary.summary.firms)} 家
        </p>
      )}
      <div class="toolbar">
        <label>
          方案
          <select value={solutionId ?? ''} onChange={(e) => setSolutionId(e.currentTarget.value || null)} disabled={!solutions?.length}>
            {solutions?.length ? null : <option value="">尚无方案</option>}
            {solutions?.map((s) => (
              <option key={s.id} value={s.id}>
                {when(s.createdAt)}
                {s.publishedVillages > 0 ? '(已发布)' : ''}
              </option>
            ))}
          </select>
        </label>
        {solution && (
          <span class="hint">
            {METHODS[solution.method] ?? solution.method} · {solution.status === 'optimal' ? '已证最优' : solution.status === 'feasible' ? '可行' : '不可行'} · 用时{' '}
            {km1(solution.metrics.solveMs / 1000)} 秒
          </span>
        )}
        <Solve scenarioId={scenarioId} onSolved={(id) => void loadSolutions(id)} />
      </div>
      {solutionId && solutions && ix && (
        <PlanActions solutionId={solutionId} solutions={solutions} lawyerId={selected >= 0 && ix.lawyer[selected] >= 0 ? ix.lawyers[ix.lawyer[selected]].id : undefined} />
      )}
      {!doc || (solutionId && !solution) ? (
        <p class="loading">正在载入情景与方案…</p>
      ) : !solution || !ix ? (
        <p>此情景还没有方案。选择方式后点“求解”。</p>
      ) : (
        <>
          <Filters
            ix={ix}
            filter={filter}
            onChange={(f) => {
              setFilter(f);
            }}
          />
          <KeyFigures f={f!} />
          <div class="plan-body">
            <PlanMap doc={doc} ix={ix} colours={colours} rows={rows} selected={selected} onSelect={setSelected} filter={filter} />
            <div class="side">
              {selected >= 0 && solutionId && <Explain solutionId={solutionId} ix={ix} row={selected} onClose={() => setSelected(-1)} />}
              <VillageTable ix={ix} colours={colours} rows={rows} selected={selected} onSelect={setSelected} />
            </div>
          </div>
          <Charts f={f!} solution={solution} />
        </>
      )}
    </section>
  );
}
