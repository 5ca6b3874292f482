import { useEffect, useMemo, useState } from 'preact/hooks';
import { getJson, sendJson, type Me } from '../api';
import { go } from '../route';
import { JobProgress, type Job } from './job';
import { Problems } from './problems';

interface Region {
  id: string;
  name: string;
  level: string;
  parentId?: string;
}
interface Scenario {
  regions: Region[];
  lawyers: { id: string; name: string; firmId: string; status: string }[];
  firms: { id: string; name: string; regionId?: string }[];
  villages: { id: string; townId: string }[];
}
interface Solution {
  id: string;
  scenarioId: string;
  assignments: { villageId: string; lawyerId: string }[];
}

/**
 * Re-plan after a lawyer leaves or is replaced: pick the lawyer, remove or replace them, choose the
 * county that may change, run it, and land on the comparison with the plan before.
 */
export function ReplanView({ solutionId, lawyerId, me }: { solutionId: string; lawyerId?: string; me: Me }) {
  const [solution, setSolution] = useState<Solution | null>(null);
  const [scenario, setScenario] = useState<Scenario | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [lawyer, setLawyer] = useState(lawyerId ?? '');
  const [action, setAction] = useState<'remove' | 'replace'>('remove');
  const [by, setBy] = useState('');
  const [scope, setScope] = useState(me.kind === 'county' ? me.code! : '');
  const [job, setJob] = useState<{ jobId: string } | null>(null);

  useEffect(() => {
    getJson<Solution>(`/v1/solutions/${encodeURIComponent(solutionId)}`)
      .then((s) => {
        setSolution(s);
        return getJson<Scenario>(`/v1/scenarios/${encodeURIComponent(s.scenarioId)}/document`);
      })
      .then(setScenario, setError);
  }, [solutionId]);

  const view = useMemo(() => {
    if (!solution || !scenario) return null;
    const load = new Map<string, number>();
    for (const a of solution.assignments) load.set(a.lawyerId, (load.get(a.lawyerId) ?? 0) + 1);
    const firms = new Map(scenario.firms.map((f) => [f.id, f.name]));
    const lawyers = scenario.lawyers.map((l) => ({ ...l, firm: firms.get(l.firmId) ?? l.firmId, villages: load.get(l.id) ?? 0 }));
    lawyers.sort((x, y) => y.villages - x.villages || x.name.localeCompare(y.name, 'zh-CN'));
    const counties = scenario.regions.filter((r) => r.level === 'county');
    return { lawyers, counties };
  }, [solution, scenario]);

  const run = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const change = action === 'remove' ? { op: 'remove-lawyer', lawyerId: lawyer } : { op: 'replace-lawyer', lawyerId: lawyer, by };
    try {
      const r = await sendJson<{ jobId: string }>('POST', `/v1/solutions/${encodeURIComponent(solutionId)}/replan`, { changes: [change], ...(scope ? { scope } : {}) });
      setJob(r);
    } catch (err) {
      setError(err);
    }
  };
  const onDone = (j: Job) => {
    if (j.status === 'succeeded' && j.solutionId) go('compare', solutionId, j.solutionId);
  };

  if (!view) return error ? <Problems error={error} /> : <p class="loading">加载方案…</p>;
  return (
    <section>
      <h1>重新安排(律师变动后)</h1>
      <form class="replan" onSubmit={run}>
        <label for="lawyer">变动的律师</label>
        <select id="lawyer" required value={lawyer} onChange={(e) => setLawyer(e.currentTarget.value)}>
          <option value="">请选择</option>
          {view.lawyers.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}({l.firm},顾问 {l.villages} 个村)
            </option>
          ))}
        </select>
        <fieldset>
          <legend>变动方式</legend>
          <label>
            <input type="radio" name="action" checked={action === 'remove'} onChange={() => setAction('remove')} /> 不再担任(其村(社区)重新安排)
          </label>
          <label>
            <input type="radio" name="action" checked={action === 'replace'} onChange={() => setAction('replace')} /> 由另一位律师接替
          </label>
        </fieldset>
        {action === 'replace' && (
          <>
            <label for="by">接替的律师</label>
            <select id="by" required value={by} onChange={(e) => setBy(e.currentTarget.value)}>
              <option value="">请选择</option>
              {view.lawyers
                .filter((l) => l.id !== lawyer && l.status === 'practicing')
                .map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}({l.firm},现顾问 {l.villages} 个村)
                  </option>
                ))}
            </select>
          </>
        )}
        <label for="scope">可调整的范围</label>
        <select id="scope" value={scope} disabled={me.kind === 'county'} onChange={(e) => setScope(e.currentTarget.value)}>
          {me.kind !== 'county' && <option value="">整个情景</option>}
          {view.counties.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <button type="submit" disabled={!lawyer || (action === 'replace' && !by) || job !== null}>
          开始重排
        </button>
      </form>
      <Problems error={error} />
      {job && <JobProgress jobId={job.jobId} onDone={onDone} />}
    </section>
  );
}
