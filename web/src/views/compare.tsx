import { useEffect, useMemo, useState } from 'preact/hooks';
import { getJson, type Comparison } from '../api';
import { movedCsv } from '../compare-csv';
import { Problems } from './problems';

type Metrics = Comparison['a']['metrics'];

const km = (x: number | undefined) => (x === undefined ? '' : x.toLocaleString('zh-CN', { maximumFractionDigits: 1 }));
const signed = (x: number | undefined) => (x === undefined ? '' : `${x > 0 ? '+' : ''}${km(x)}`);

function saveCsv(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Two plans side by side: the figures, and every village whose adviser changed, with the km it gains or saves. */
export function CompareView({ a, b }: { a: string; b: string }) {
  const [cmp, setCmp] = useState<Comparison | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [query, setQuery] = useState('');
  useEffect(() => {
    getJson<Comparison>(`/v1/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`).then(setCmp, setError);
  }, [a, b]);
  const shown = useMemo(() => {
    if (!cmp) return [];
    const q = query.trim();
    return q ? cmp.moved.filter((m) => [m.village, m.town, m.county, m.fromName, m.toName, m.villageId].some((t) => t?.includes(q))) : cmp.moved;
  }, [cmp, query]);
  if (error) return <Problems error={error} />;
  if (!cmp) return <p class="loading">正在比较…</p>;
  const rows: [string, (m: Metrics) => string][] = [
    ['总路程(公里)', (m) => km(m.travelKm.total)],
    ['平均路程(公里)', (m) => km(m.travelKm.mean)],
    ['95% 分位路程(公里)', (m) => km(m.travelKm.p95)],
    ['最远路程(公里)', (m) => km(m.travelKm.max)],
    ['未覆盖村(社区)', (m) => String(m.uncovered)],
    ['单人最多村(社区)', (m) => String(m.load.max)],
    ['阻塞对', (m) => String(m.preferences.blockingPairs.count)],
  ];
  return (
    <section>
      <h1>方案比较</h1>
      <table class="list compare-figures">
        <caption>主要指标(前 → 后)</caption>
        <thead>
          <tr>
            <th scope="col">指标</th>
            <th scope="col">原方案</th>
            <th scope="col">新方案</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, f]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td class="num">{f(cmp.a.metrics)}</td>
              <td class="num">{f(cmp.b.metrics)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="figures" role="status">
        更换顾问 <strong>{cmp.summary.moved}</strong> 个村(社区)(其中新覆盖 {cmp.summary.newlyCovered},新增未覆盖 {cmp.summary.newlyUncovered}),总路程{' '}
        {signed(cmp.summary.travelKmDelta)} 公里。
      </p>
      <div class="actions">
        <label for="moved-filter">筛选</label>
        <input id="moved-filter" type="text" value={query} onInput={(e) => setQuery(e.currentTarget.value)} placeholder="村、镇、律师姓名" />
        <button type="button" disabled={cmp.moved.length === 0} onClick={() => saveCsv(`方案比较-${a.slice(0, 8)}-${b.slice(0, 8)}.csv`, movedCsv(shown))}>
          导出 CSV
        </button>
      </div>
      <table class="list moved">
        <caption>更换顾问的村(社区)({shown.length})</caption>
        <thead>
          <tr>
            <th scope="col">村(社区)</th>
            <th scope="col">镇(街)</th>
            <th scope="col">原顾问</th>
            <th scope="col">新顾问</th>
            <th scope="col">增加路程(公里)</th>
          </tr>
        </thead>
        <tbody>
          {shown.slice(0, 2000).map((m) => (
            <tr key={m.villageId}>
              <td>{m.village ?? m.villageId}</td>
              <td>{m.town ?? ''}</td>
              <td>{m.from ? m.fromName ?? m.from : '(未覆盖)'}</td>
              <td>{m.to ? m.toName ?? m.to : '(未覆盖)'}</td>
              <td class="num">{signed(m.extraKm)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length > 2000 && <p class="hint">表中列出前 2000 个,导出的 CSV 含全部 {shown.length} 个。</p>}
    </section>
  );
}
