/**
 * The contract: /openapi.json is a valid OpenAPI 3.1 document (swagger-parser, zero errors) in which every
 * operation has an id, a tag, a Chinese summary, its request and answer schemas, and the problem+json
 * answers it can give with a Chinese example.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../src/domain/json-schema.js';
import { buildApp, type App } from '../../src/http/app.js';
import { createStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';

type Media = { schema?: Record<string, unknown>; example?: Record<string, unknown> };
type Operation = {
  operationId?: string;
  tags?: string[];
  summary?: string;
  security?: unknown[];
  parameters?: { in: string; name: string }[];
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { description: string; content?: Record<string, Media> }>;
};
type Spec = { openapi: string; servers?: { url: string }[]; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Record<string, unknown>> } };

let store: Store;
let app: App;
let spec: Spec;
const operations = () => Object.entries(spec.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })));

beforeAll(async () => {
  store = createStore({ sqlitePath: ':memory:' });
  await store.migrate();
  app = await buildApp({ store, adminKey: 'test-admin-key-openapi-0123456789' });
  spec = (await app.inject('/openapi.json')).json();
});

afterAll(async () => {
  await app.close();
  await store.close();
});

describe('/openapi.json', () => {
  it('is valid OpenAPI 3.1 for swagger-parser, with servers set', async () => {
    expect(spec.openapi).toBe('3.1.0');
    expect(spec.servers?.length).toBeGreaterThan(0);
    await expect(SwaggerParser.validate(structuredClone(spec) as never)).resolves.toBeDefined();
  });

  it('every operation has a unique operationId, a tag and a Chinese summary', () => {
    const ids = operations().map(({ key, op }) => {
      expect(op.operationId, key).toMatch(/^[a-z][A-Za-z]+$/);
      expect(op.tags?.length, key).toBe(1);
      expect(op.summary, key).toMatch(/[\u4e00-\u9fff]/);
      return op.operationId;
    });
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every operation declares a success answer with its content, and every body its schema', () => {
    for (const { key, op } of operations()) {
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2') || status === '304');
      expect(success.length, key).toBeGreaterThan(0);
      for (const [status, res] of success) {
        if (status === '204' || status === '304') continue;
        const media = Object.entries(res.content ?? {});
        expect(media.length, `${key} ${status}`).toBeGreaterThan(0);
        for (const [type, m] of media) expect(m.schema && Object.keys(m.schema).length, `${key} ${status} ${type}`).toBeTruthy();
      }
      for (const [type, m] of Object.entries(op.requestBody?.content ?? {})) expect(m.schema && Object.keys(m.schema).length, `${key} body ${type}`).toBeTruthy();
    }
  });

  it('files are declared with their content types', () => {
    const types = (path: string, method = 'get', status = '200') => Object.keys(spec.paths[path][method].responses[status].content ?? {});
    expect(types('/v1/solutions/{id}.geojson')).toEqual(['application/geo+json']);
    expect(types('/v1/solutions/{id}.csv')).toEqual(['text/csv']);
    expect(types('/v1/solutions/{id}.xlsx')).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    expect(types('/v1/calendars/{id}.csv')).toEqual(['text/csv']);
    expect(types('/v1/calendars/{id}/lawyers/{lawyerId}.ics')).toEqual(['text/calendar']);
    expect(types('/v1/calendars/{id}/villages/{villageId}.ics')).toEqual(['text/calendar']);
    expect(Object.keys(spec.paths['/v1/scenarios/{id}/import/lawyers'].post.requestBody!.content)).toEqual(expect.arrayContaining(['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']));
  });

  it('document bodies and answers are the schemas of data/schema', () => {
    const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
    expect(spec.paths['/v1/scenarios'].post.requestBody!.content['application/json'].schema).toEqual(ref('Scenario'));
    expect(spec.paths['/v1/holidays/{year}'].put.requestBody!.content['application/json'].schema).toEqual(ref('HolidayTable'));
    expect(spec.paths['/v1/divisions'].put.requestBody!.content['application/json'].schema).toEqual(ref('Divisions'));
    expect(spec.paths['/v1/solutions/{id}'].get.responses['200'].content!['application/json'].schema).toEqual(ref('SolutionRecord'));
    expect(spec.paths['/v1/calendars/{id}'].get.responses['200'].content!['application/json'].schema).toEqual(ref('CalendarRecord'));
    const generated = jsonSchemas()['scenario.v1.json'] as { properties: unknown; required: unknown };
    expect(spec.components.schemas.Scenario.properties).toEqual(generated.properties);
    expect(spec.components.schemas.Scenario.required).toEqual(generated.required);
    expect(Object.keys(spec.components.schemas.SolutionRecord.properties as object)).toEqual(expect.arrayContaining(['id', 'scenarioId', 'publishedVillages', 'assignments', 'blockingPairs']));
  });

  it('every operation declares its problem+json answers with the Problem schema and a Chinese example', () => {
    for (const { key, op } of operations()) {
      const problems = Object.entries(op.responses).filter(([status]) => Number(status) >= 400);
      expect(problems.map(([s]) => s), key).toEqual(expect.arrayContaining(['400', '500']));
      for (const [status, res] of problems) {
        const media = res.content?.['application/problem+json'];
        expect(media?.schema, `${key} ${status}`).toEqual({ $ref: '#/components/schemas/Problem' });
        expect(media?.example, `${key} ${status}`).toMatchObject({ status: Number(status) });
        expect(String(media?.example?.title), `${key} ${status}`).toMatch(/[\u4e00-\u9fff]/);
      }
      const secured = op.security === undefined;
      expect(Object.keys(op.responses).includes('401'), key).toBe(secured);
    }
    const statuses = (path: string, method: string) => Object.keys(spec.paths[path][method].responses).filter((s) => Number(s) >= 400);
    expect(statuses('/v1/scenarios', 'post')).toEqual(['400', '401', '403', '413', '415', '422', '500', '503']);
    expect(statuses('/v1/scenarios/{id}/solve', 'post')).toEqual(expect.arrayContaining(['404', '429']));
    expect(statuses('/v1/public/villages/{villageId}', 'get')).toEqual(['400', '404', '429', '500', '503']);
    expect(spec.components.schemas.Problem).toMatchObject({ required: ['type', 'title', 'status'] });
  });

  it('the problem examples are what the service answers', async () => {
    const res = await app.inject({ url: '/v1/jobs/nope' });
    const example = spec.paths['/v1/jobs/{jobId}'].get.responses['401'].content!['application/problem+json'].example!;
    expect(res.json()).toMatchObject({ type: example.type, title: example.title, status: example.status, detail: example.detail });
  });
});
