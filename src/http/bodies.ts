/**
 * How request bodies are read, in one place: which routes take large documents (and so the document body
 * limit, 16 MB by default), the JSON parser every other route uses (the structural pre-scan, then Fastify's
 * own parse, on bodies of at most 1 MB), and the NUL check of URLs. The large documents are not parsed
 * here at all: a scenario upload gets its bytes, which the IO worker scans, parses and checks.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RefusedInputError } from '../io/documents.js';
import { scanJson, type ScanLimits } from '../io/json-scan.js';
import { CSV_MIME, XLSX_MIME } from '../io/table.js';
import { HttpProblem } from './problem.js';

/** `scenario`: a JSON document read as bytes; `sheet`: a CSV or XLSX file (imports.ts reads it as bytes). */
export type DocumentBody = 'scenario' | 'sheet';

/** The routes that take large documents, by `METHOD url` as registered. */
export const DOCUMENT_ROUTES: Readonly<Record<string, DocumentBody>> = {
  'POST /v1/scenarios': 'scenario',
  'POST /v1/scenarios/:id/import/lawyers': 'sheet',
  'POST /v1/scenarios/:id/import/villages': 'sheet',
};

/** Body limit of every other route. */
export const SMALL_BODY_BYTES = 1024 * 1024;
/** Default body limit of the document routes: a province is about 7 MB of JSON, its villages' XLSX 1–2 MB. */
export const DOCUMENT_BODY_BYTES = 16 * 1024 * 1024;

const documentOf = (request: FastifyRequest): DocumentBody | undefined => DOCUMENT_ROUTES[`${request.method} ${request.routeOptions.url ?? ''}`];

/** The bytes of a document route's body; 415 when it came as something else (not JSON, not a sheet). */
export function documentBytes(body: unknown, expected = 'application/json'): Buffer {
  if (!Buffer.isBuffer(body)) throw new HttpProblem(415, 'Unsupported Media Type', `send the document as ${expected}`);
  if (body.length === 0) throw new HttpProblem(400, 'Bad Request', 'the body is empty: send the document', [{ path: 'body', message: 'empty' }]);
  return body;
}

const bodyPath = (path: string) => (path === '(root)' ? 'body' : path.startsWith('[') ? `body${path}` : `body.${path}`);

const hasNul = (v: unknown): boolean => (typeof v === 'string' ? v.includes('\u0000') : Array.isArray(v) ? v.some(hasNul) : false);

/**
 * Installs the body handling on `app` (before any route is registered): the document routes' body limit,
 * the JSON parser, and a 400 for a NUL (`%00`) anywhere in the URL, naming the parameter.
 */
export function installBodyHandling(app: FastifyInstance, opts: { documentBytes: number; scan: ScanLimits }): void {
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.some((m) => DOCUMENT_ROUTES[`${m} ${route.url}`])) route.bodyLimit = opts.documentBytes;
  });

  const parse = app.getDefaultJsonParser('error', 'ignore');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    const document = documentOf(request);
    if (document === 'scenario') return done(null, bytes);
    if (document === 'sheet') return done(new HttpProblem(415, 'Unsupported Media Type', `send the sheet as ${CSV_MIME} or ${XLSX_MIME}, not JSON`), undefined);
    const text = bytes.toString('utf8');
    const problem = scanJson(text, opts.scan);
    // named as the schema's errors are: body.changes[0].lawyer.name
    if (problem) return done(new RefusedInputError(problem.status, problem.detail, [{ ...problem.issue, path: bodyPath(problem.issue.path) }]), undefined);
    parse(request, text, done);
  });

  // A NUL in a path parameter or the query string would reach the store (PostgreSQL refuses it in text).
  app.addHook('onRequest', async (request) => {
    if (!/%00/i.test(request.url)) return;
    const paths = [
      ...Object.entries((request.params ?? {}) as Record<string, unknown>)
        .filter(([, v]) => hasNul(v))
        .map(([k]) => `params.${k}`),
      ...Object.entries((request.query ?? {}) as Record<string, unknown>)
        .filter(([k, v]) => hasNul(k) || hasNul(v))
        .map(([k]) => `querystring.${k.replaceAll('\u0000', '\\u0000')}`),
    ];
    throw new RefusedInputError(
      400,
      'the URL holds a NUL character (%00); no id or value may contain it',
      (paths.length > 0 ? paths : ['url']).map((path) => ({ path, message: 'contains a NUL character (%00)' })),
    );
  });
}
