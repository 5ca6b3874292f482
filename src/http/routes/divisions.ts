import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DIVISIONS_SCHEMA, Id } from '../../domain/index.js';
import type { DocumentWorker } from '../../io/document-worker.js';
import { decodeParts } from '../../store/parts.js';
import { documentBody, pieces } from '../bodies.js';
import type { Store } from '../../store/types.js';
import { documentSchema } from '../openapi.js';
import { notFound } from '../problem.js';
import type { PublicDirectory } from '../public-directory.js';

const DivisionsView = z.object({
  schema: z.literal(DIVISIONS_SCHEMA),
  loadedAt: z.string(),
  /** the key label of the admin who loaded it */
  loadedBy: z.string(),
  regions: z.number().int(),
  villages: z.number().int(),
});

const OwnerView = z.object({
  villageId: z.string(),
  /** the county that owns the village's public card; null while no registry lists it and no county has published it */
  owner: z.object({ countyId: z.string(), cityId: z.string().nullable(), source: z.enum(['registry', 'claim']) }).nullable(),
});

/** The divisions registry (who owns which village) and the owner of one village. */
export const divisionRoutes: FastifyPluginAsyncZod<{ store: Store; directory: PublicDirectory; documents: DocumentWorker }> = async (app, { store, directory, documents }) => {
  app.put(
    '/v1/divisions',
    {
      // the document routes' body limit (bodies.ts): read as bytes, checked in the IO worker
      config: { access: { kind: 'admin' } },
      schema: {
        summary: '载入行政区划登记(ovola.divisions/v1,仅管理员):市、县、镇街与村(社区)',
        description:
          'Replaces the registry. From then on a registered village belongs to the county the registry puts it in: only that county ' +
          '(or its city, or an admin) publishes its card, and a scenario that places a registered village in another town, or a ' +
          'registered region under another parent, is refused with the path. Cards of registered villages published by another county are withdrawn (`withdrawn`).',
        body: documentSchema('Divisions'),
        response: { 200: DivisionsView.extend({ withdrawn: z.number().int() }) },
      },
    },
    async (request) => {
      const divisions = await documents.checkDivisions(pieces(documentBody(request.body)));
      const { record, withdrawn } = await store.putDivisions([...decodeParts(divisions.parts)].join(''), divisions, request.principal.label);
      if (withdrawn > 0) await directory.reload(store);
      return { schema: DIVISIONS_SCHEMA as typeof DIVISIONS_SCHEMA, loadedAt: record.loadedAt, loadedBy: record.loadedBy, regions: record.regions, villages: record.villages, withdrawn };
    },
  );

  app.get(
    '/v1/divisions',
    { config: { access: { kind: 'key' } }, schema: { summary: '行政区划登记的概况', response: { 200: DivisionsView } } },
    async () => {
      const record = await store.getDivisions();
      if (!record) throw notFound('divisions registry', 'current');
      return { schema: DIVISIONS_SCHEMA as typeof DIVISIONS_SCHEMA, loadedAt: record.loadedAt, loadedBy: record.loadedBy, regions: record.regions, villages: record.villages };
    },
  );

  app.get(
    '/v1/divisions/document',
    { config: { access: { kind: 'key' } }, schema: { summary: '行政区划登记文档(ovola.divisions/v1)', response: { 200: documentSchema('Divisions') } } },
    async (_request, reply) => {
      const record = await store.getDivisions();
      if (!record) throw notFound('divisions registry', 'current');
      return reply.type('application/json; charset=utf-8').send(record.body);
    },
  );

  const villageParams = z.object({ villageId: Id });

  app.get(
    '/v1/villages/:villageId/owner',
    { config: { access: { kind: 'key' } }, schema: { summary: '村(社区)公开信息的归属县(区)', params: villageParams, response: { 200: OwnerView } } },
    async (request) => {
      const owner = (await store.villageOwners([request.params.villageId])).get(request.params.villageId);
      return { villageId: request.params.villageId, owner: owner ?? null };
    },
  );

  app.put(
    '/v1/villages/:villageId/owner',
    {
      config: { access: { kind: 'admin' } },
      schema: {
        summary: '把未登记的村(社区)划归另一县(区)(仅管理员);其他县发布的公开信息随即撤下',
        params: villageParams,
        body: z.strictObject({ countyId: Id, cityId: Id.nullable().optional() }),
        response: { 200: OwnerView.extend({ withdrawn: z.boolean() }) },
      },
    },
    async (request) => {
      const { villageId } = request.params;
      const registered = await store.findDivisions([request.body.countyId], []);
      const cityId = registered.regions.get(request.body.countyId)?.cityId ?? request.body.cityId ?? null;
      const { withdrawn } = await store.setVillageOwner(villageId, { countyId: request.body.countyId, cityId }, request.principal.label);
      if (withdrawn) {
        directory.drop([villageId]);
        await directory.reload(store);
      }
      return { villageId, owner: { countyId: request.body.countyId, cityId, source: 'claim' as const }, withdrawn };
    },
  );
};
