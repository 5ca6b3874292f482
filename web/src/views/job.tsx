import { useEffect, useRef, useState } from 'preact/hooks';
import { call, getJson } from '../api';
import { Problems } from './problems';

export interface Job {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  progress: number;
  phase: string;
  solutionId?: string;
  calendarId?: string;
  error?: string;
}

const STATUS = { queued: '排队中', running: '计算中', succeeded: '已完成', failed: '失败', cancelled: '已取消' } as const;
export const finished = (j: Job) => j.status === 'succeeded' || j.status === 'failed' || j.status === 'cancelled';

/** A job's live progress bar, polled about twice a second until it ends, with a cancel button. */
export function JobProgress({ jobId, onDone, label = '任务进度' }: { jobId: string; onDone: (job: Job) => void; label?: string }) {
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<unknown>(null);
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const j = await getJson<Job>(`/v1/jobs/${encodeURIComponent(jobId)}`);
        if (stop) return;
        setJob(j);
        if (finished(j)) return done.current(j);
      } catch (err) {
        if (!stop) setError(err);
        return;
      }
      timer = setTimeout(poll, 500);
    };
    void poll();
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [jobId]);
  const cancel = () => call(`/v1/jobs/${encodeURIComponent(jobId)}`, { method: 'DELETE' }).catch(setError);
  const pct = Math.round((job?.progress ?? 0) * 100);
  return (
    <div class="job">
      <span role="status">
        <progress max={100} value={pct} aria-label={label} /> {job ? STATUS[job.status] : '已提交'} {pct}%
        {job?.status === 'running' && job.phase ? `(${job.phase})` : ''}
      </span>
      {job && !finished(job) && (
        <button type="button" class="secondary" onClick={() => void cancel()}>
          取消
        </button>
      )}
      {job?.status === 'failed' && <p class="error">任务失败:{job.error}</p>}
      <Problems error={error} />
    </div>
  );
}
