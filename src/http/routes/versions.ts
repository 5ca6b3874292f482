import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Change } from '../../domain/changes.js';
import type { DocumentWorker } from '../../io/index.js';
import type { Store } from '../../store/types.js';
import { deriveScenario, ScenarioView, scenarioParts, scenarioView } from '../access.js';

export const VersionRequest = z.strictObject({
  changes: z.array(Change).min(1).max(1000),
  /** the new version's name; the parent's by default */
  name: z.string().min(1).max(200).optional(),
});

/** SPEC §6: scenarios change by new versions; a stored scenario is never edited. */
export const versionRoutes: FastifyPluginAsyncZod<{ store: Store; documents: DocumentWorker }> = async (app, { store, documents }) => {
  app.post(
    '/v1/scenarios/:id/versions',
    {
      config: { access: { kind: 'scenario', action: 'derive' } },
      schema: {
        summary: '由变更生成情景新版本:替换、移除、新增律师,修改村(社区),调整政策',
        description:
          'Applies the changes in order to the scenario and stores the result as a new scenario whose parentId is this one. ' +
          'replace-lawyer hands the old lawyer’s baseline entries, pins and ranking places to the replacement. ' +
          'Every problem is reported with its path, e.g. changes[2].lawyerId.',
        params: z.object({ id: z.string().min(1).max(100) }),
        body: VersionRequest,
        response: { 201: ScenarioView },
      },
    },
    async (request, reply) => {
      const parent = request.granted.scenario!;
      // applied and checked in the IO worker: a province takes a second, off the event loop
      const next = await documents.applyChanges(await scenarioParts(store, parent.id), request.body.changes);
      const rec = await deriveScenario(store, request.principal, parent, next, request.body.name);
      return reply.status(201).header('location', `/v1/scenarios/${rec.id}`).send(scenarioView(rec));
    },
  );
};
