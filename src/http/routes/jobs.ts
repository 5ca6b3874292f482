import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { JobRecord, Store } from '../../store/types.js';
import { mayAccess } from '../auth.js';
import type { JobRunner } from '../jobs.js';
import { notFound } from '../problem.js';

export const JobView = z.object({
  id: z.string(),
  kind: z.string(),
  scenarioId: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
  progress: z.number(),
  phase: z.string(),
  solutionId: z.string().optional(),
  error: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export function jobView(j: JobRecord): z.infer<typeof JobView> {
  return {
    id: j.id,
    kind: j.kind,
    scenarioId: j.scenarioId,
    status: j.status,
    progress: j.status === 'succeeded' ? 1 : j.progress,
    phase: j.status === 'succeeded' ? 'done' : j.phase,
    ...(j.solutionId ? { solutionId: j.solutionId } : {}),
    ...(j.error ? { error: j.error } : {}),
    createdAt: j.createdAt,
    updatedAt: j.updatedAt,
  };
}

export const jobRoutes: FastifyPluginAsyncZod<{ store: Store; jobs: JobRunner }> = async (app, { store, jobs }) => {
  const params = z.object({ jobId: z.string().min(1).max(100) });

  /** A job the caller may see: its scenario must lie in the caller's region. */
  async function visibleJob(jobId: string, principal: Parameters<typeof mayAccess>[0]): Promise<JobRecord> {
    const job = await store.getJob(jobId);
    const scenario = job ? await store.getScenario(job.scenarioId) : undefined;
    if (!job || !scenario || !mayAccess(principal, scenario.regions)) throw notFound('job', jobId);
    return job;
  }

  app.get('/v1/jobs/:jobId', { schema: { summary: '求解任务的状态与进度', params, response: { 200: JobView } } }, async (request) =>
    jobView(await visibleJob(request.params.jobId, request.principal)),
  );

  app.delete('/v1/jobs/:jobId', { schema: { summary: '取消求解任务', params, response: { 200: JobView } } }, async (request) => {
    const job = await visibleJob(request.params.jobId, request.principal);
    if (job.status === 'queued' || job.status === 'running') await jobs.cancel(job.id);
    return jobView((await store.getJob(job.id))!);
  });
};
