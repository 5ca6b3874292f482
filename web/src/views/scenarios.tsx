import { useEffect, useState } from 'preact/hooks';
import { call, download, getJson, type Me, type ScenarioItem } from '../api';
import { Problems } from './problems';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What a file is sent as: a workbook by its name or type, else JSON. */
export function uploadType(file: { name: string; type: string }): string {
  return /\.xlsx$/i.test(file.name) || file.type === XLSX ? XLSX : 'application/json';
}

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

function Upload({ onUploaded }: { onUploaded: (s: ScenarioItem) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const res = await call('/v1/scenarios', { method: 'POST', headers: { 'content-type': uploadType(file) }, body: file });
      onUploaded((await res.json()) as ScenarioItem);
      setFile(null);
      (e.target as HTMLFormElement).reset();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="upload" onSubmit={submit}>
      <label for="scenario-file">上传情景(工作簿 .xlsx 或 JSON)</label>
      <input id="scenario-file" type="file" accept=".xlsx,.json,application/json" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
      <button type="submit" disabled={!file || busy}>
        {busy ? '上传中…' : '上传'}
      </button>
      <button type="button" class="link" onClick={() => download('/v1/templates/scenario.xlsx', '情景模板.xlsx').catch(setError)}>
        下载工作簿模板
      </button>
      <Problems error={error} />
    </form>
  );
}

/** The scenarios the key's region may see, newest first, and an upload. */
export function ScenariosView({ me }: { me: Me }) {
  const [items, setItems] = useState<ScenarioItem[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = () =>
    getJson<{ items: ScenarioItem[] }>('/v1/scenarios?limit=100').then(
      (r) => setItems(r.items),
      (err) => setError(err),
    );
  useEffect(() => void load(), [me.keyId]);
  return (
    <section>
      <h1>情景</h1>
      <Upload onUploaded={() => void load()} />
      <Problems error={error} />
      {items === null ? (
        <p class="loading">加载中…</p>
      ) : items.length === 0 ? (
        <p>本辖区还没有情景。上传一个工作簿开始。</p>
      ) : (
        <table class="list">
          <caption class="sr-only">情景列表</caption>
          <thead>
            <tr>
              <th scope="col">名称</th>
              <th scope="col">地区</th>
              <th scope="col">村(社区)</th>
              <th scope="col">执业律师</th>
              <th scope="col">上传时间</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id}>
                <td>
                  <a href={`#/scenarios/${encodeURIComponent(s.id)}`}>{s.name}</a>
                </td>
                <td>{s.summary.cities.map((c) => `${c.name}(${c.counties.map((k) => k.name).join('、')})`).join(';')}</td>
                <td class="num">{s.summary.villages.toLocaleString('zh-CN')}</td>
                <td class="num">{s.summary.lawyers.practicing.toLocaleString('zh-CN')}</td>
                <td>{when(s.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
