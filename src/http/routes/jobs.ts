import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { JobRecord, Store } from '../../store/types.js';
import type { JobRunner } from '../jobs.js';

export const JobView = z.object({
  id: z.string(),
  kind: z.string(),
  scenarioId: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
  progress: z.number(),
  phase: z.string(),
  /** the solution a solve or re-plan job made */
  solutionId: z.string().optional(),
  /** the calendar a calendar job made (`GET /v1/calendars/:id`) */
  calendarId: z.string().optional(),
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
    ...(j.calendarId ? { calendarId: j.calendarId } : {}),
    ...(j.error ? { error: j.error } : {}),
    createdAt: j.createdAt,
    updatedAt: j.updatedAt,
  };
}

export const jobRoutes: FastifyPluginAsyncZod<{ store: Store; jobs: JobRunner }> = async (app, { store, jobs }) => {
  const params = z.object({ jobId: z.string().min(1).max(100) });

  app.get(
    '/v1/jobs/:jobId',
    { config: { access: { kind: 'job', action: 'read' } }, schema: { summary: '任务(求解、重排、走访日历)的状态与进度', params, response: { 200: JobView } } },
    async (request) => jobView(request.granted.job!),
  );

  app.delete('/v1/jobs/:jobId', { config: { access: { kind: 'job', action: 'cancel' } }, schema: { summary: '取消任务', params, response: { 200: JobView } } }, async (request) => {
    const job = request.granted.job!;
    if (job.status === 'queued' || job.status === 'running') await jobs.cancel(job.id);
    return jobView((await store.getJob(job.id))!);
  });
};
