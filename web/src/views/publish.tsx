import { useEffect, useState } from 'preact/hooks';
import { call, getJson, sendJson, type PublishPreview } from '../api';
import { Problems } from './problems';

type Face = { adviser: string; firm: string };

const SKIP_REASONS = { 'owned-elsewhere': '归属其他县(区)', 'out-of-scope': '不在本密钥辖区', unplaced: '未能确定所属县(区)' } as const;
const face = (f: Face | null) => (f ? `${f.adviser}(${f.firm})` : '暂无顾问');

/** Publish a plan: first exactly which villages' public cards change and how, then the confirmation; also withdraw. */
export function PublishView({ solutionId }: { solutionId: string }) {
  const [preview, setPreview] = useState<PublishPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const load = () => {
    setPreview(null);
    getJson<PublishPreview>(`/v1/solutions/${encodeURIComponent(solutionId)}/publish-preview`).then(setPreview, setError);
  };
  useEffect(load, [solutionId]);

  const act = async (method: 'POST' | 'DELETE') => {
    setBusy(true);
    setError(null);
    try {
      const path = `/v1/solutions/${encodeURIComponent(solutionId)}/publish`;
      if (method === 'POST') {
        const r = await sendJson<{ published: number; skippedCount: number }>('POST', path, {});
        setDone(`已发布:${r.published} 个村(社区)的公开信息已更新${r.skippedCount ? `,${r.skippedCount} 个未变` : ''}。`);
      } else {
        const r = (await (await call(path, { method: 'DELETE' })).json()) as { withdrawn: number };
        setDone(`已撤销发布:${r.withdrawn} 个村(社区)的公开信息已撤下。`);
      }
      load();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <h1>发布方案</h1>
      <p>
        <button type="button" class="link" onClick={() => history.back()}>
          返回
        </button>
      </p>
      {done && (
        <p class="ok" role="status">
          {done}
        </p>
      )}
      <Problems error={error} />
      {!preview ? (
        !error && <p class="loading">正在核对将要变化的公开信息…</p>
      ) : (
        <>
          <p class="figures">
            发布后 <strong>{preview.published}</strong> 个村(社区)显示本方案:新增 <strong>{preview.changes.new}</strong> 个,更换顾问{' '}
            <strong>{preview.changes.changed}</strong> 个,不变 {preview.changes.unchanged} 个
            {preview.skippedCount > 0 && `;${preview.skippedCount} 个不在本次发布范围内`}。
          </p>
          <div class="actions">
            <button type="button" disabled={busy || preview.published === 0} onClick={() => void act('POST')}>
              确认发布
            </button>
            <button type="button" class="secondary" disabled={busy} onClick={() => void act('DELETE')}>
              撤销本方案的发布
            </button>
          </div>
          {preview.villages.length > 0 && (
            <table class="list">
              <caption>将要变化的公开信息</caption>
              <thead>
                <tr>
                  <th scope="col">村(社区)</th>
                  <th scope="col">镇(街)</th>
                  <th scope="col">现在</th>
                  <th scope="col">发布后</th>
                </tr>
              </thead>
              <tbody>
                {preview.villages.map((v) => (
                  <tr key={v.villageId} class={v.change}>
                    <td>{v.name}</td>
                    <td>{v.town ?? ''}</td>
                    <td>{v.before ? `${face(v.before)},${v.before.publishedBy}发布` : '未公布'}</td>
                    <td>{face(v.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {preview.skipped.length > 0 && (
            <details>
              <summary>不在本次发布范围内的村(社区)({preview.skippedCount})</summary>
              <ul>
                {preview.skipped.map((s) => (
                  <li key={s.villageId}>
                    {s.villageId}:{SKIP_REASONS[s.reason]}
                    {s.ownerCountyId ? `(${s.ownerCountyId})` : ''}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
