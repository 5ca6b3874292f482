/**
 * How request bodies are read, in one place: which routes take large documents (and so the document body
 * limit, 16 MB by default), the JSON parser every other route uses (the structural pre-scan, then Fastify's
 * own parse, on bodies of at most 1 MB), and the NUL check of URLs. The large documents are not parsed
 * here at all: a scenario upload gets its bytes, which the IO worker scans, parses and checks.
 */
import { errorCodes, type FastifyInstance, type FastifyRequest } from 'fastify';
import { breathe } from '../store/parts.js';
import { RefusedInputError } from '../io/documents.js';
import { scanJson, type ScanLimits } from '../io/json-scan.js';
import { CSV_MIME, XLSX_MIME } from '../io/table.js';
import { HttpProblem } from './problem.js';

/** `scenario`: a JSON document read as bytes; `sheet`: a CSV or XLSX file (imports.ts reads it as bytes). */
export type DocumentKind = 'scenario' | 'sheet';

/** The routes that take large documents, by `METHOD url` as registered. */
export const DOCUMENT_ROUTES: Readonly<Record<string, DocumentKind>> = {
  'POST /v1/scenarios': 'scenario',
  'PUT /v1/divisions': 'scenario',
  'POST /v1/scenarios/:id/import/lawyers': 'sheet',
  'POST /v1/scenarios/:id/import/villages': 'sheet',
};

/** Body limit of every other route. */
export const SMALL_BODY_BYTES = 1024 * 1024;
/** Default body limit of the document routes: a province is about 7 MB of JSON, its villages' XLSX 1–2 MB. */
export const DOCUMENT_BODY_BYTES = 16 * 1024 * 1024;

const documentOf = (request: FastifyRequest): DocumentKind | undefined => DOCUMENT_ROUTES[`${request.method} ${request.routeOptions.url ?? ''}`];

/** A large document's body as it arrived: its chunks, never joined on the event loop. */
export interface DocumentChunks {
  chunks: Uint8Array[];
  length: number;
}

/** Chunks up to this size are copied as they arrive (a socket's are 64 kB at most, views of its read buffer). */
const COPY_CHUNK = 1024 * 1024;
/** A larger chunk (an in-process request's whole body) is handed on in copies of this size, one per turn. */
const PIECE = 256 * 1024;
/** Bytes read in one turn of the event loop at most. */
const YIELD_BYTES = 256 * 1024;
/** How much of a body past its limit is read (and dropped) before the 413, so that the client reads it. */
const LINGER_BYTES = 16 * 1024 * 1024;

/** The route's body limit, else the server's. */
function limitOf(request: FastifyRequest): number {
  return request.routeOptions.bodyLimit ?? request.server.initialConfig.bodyLimit ?? SMALL_BODY_BYTES;
}

/**
 * Reads a body as chunks within the route's limit, as Fastify's own parser would (413 past the limit,
 * announced or sent; 400 when the length sent is not the length announced), but never joins them: joining
 * 16 MB takes 60+ ms of page faults on the event loop. Each chunk is copied (a socket reuses its buffer).
 */
function readChunks(request: FastifyRequest, payload: NodeJS.ReadableStream, done: (err: Error | null, body?: DocumentChunks) => void): void {
  const limit = limitOf(request);
  const declared = Number(request.headers['content-length']);
  let chunks: Uint8Array[] = [];
  let length = 0;
  let sinceTurn = 0;
  /** past the limit: the rest is read and dropped, and the 413 sent once it is all in (see below) */
  let tooLarge = false;
  const finish = (err: Error | null, body?: DocumentChunks) => {
    payload.removeListener('data', onData);
    payload.removeListener('end', onEnd);
    payload.removeListener('error', onEnd);
    done(err, body);
  };
  // A body sent without its length (chunked) that runs past the limit: a client still sending when the
  // answer comes and the connection closes gets a reset and may never read the 413, so up to LINGER_BYTES
  // more are read and dropped first, as a proxy's lingering close does.
  const refuse = () => {
    finish(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
    payload.resume();
  };
  const onData = (chunk: Buffer | string) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    length += bytes.length;
    if (tooLarge || length > limit) {
      tooLarge = true;
      chunks = [];
      if (length > limit + LINGER_BYTES) refuse();
      return;
    }
    chunks.push(bytes.length <= COPY_CHUNK ? new Uint8Array(bytes) : bytes);
    // A socket delivers many chunks in one turn when the client is fast; copying megabytes there holds
    // the event loop (fresh memory is slow to touch): reading pauses for a turn every YIELD_BYTES.
    sinceTurn += bytes.length;
    if (sinceTurn >= YIELD_BYTES) {
      sinceTurn = 0;
      payload.pause();
      setImmediate(() => payload.resume());
    }
  };
  const onEnd = (err?: Error & { statusCode?: number }) => {
    if (err) {
      if (!(typeof err.statusCode === 'number' && err.statusCode >= 400)) err.statusCode = 400;
      return finish(err);
    }
    if (tooLarge) return finish(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
    if (!Number.isNaN(declared) && length !== declared) return finish(new errorCodes.FST_ERR_CTP_INVALID_CONTENT_LENGTH());
    finish(null, { chunks, length });
  };
  // announced past the limit: refused at once, as Fastify does (a client that waits for `100 Continue`
  // sends nothing more)
  if (declared > limit) {
    payload.resume();
    return done(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
  }
  payload.on('data', onData);
  payload.on('end', onEnd);
  payload.on('error', onEnd);
  payload.resume();
}

/** A content-type parser that hands the body on as chunks (a scenario upload, a sheet). */
export const chunkParser = (request: FastifyRequest, payload: NodeJS.ReadableStream, done: (err: Error | null, body?: unknown) => void) => readChunks(request, payload, done);

/**
 * A document route's body (its chunks), else 415 (it came as something else: text, a form); 400 when empty.
 */
export function documentBody(body: unknown, expected = 'application/json'): DocumentChunks {
  const chunks = body as Partial<DocumentChunks> | undefined;
  if (!chunks || !Array.isArray(chunks.chunks) || typeof chunks.length !== 'number') throw new HttpProblem(415, 'Unsupported Media Type', `send the document as ${expected}`);
  if (chunks.length === 0) throw new HttpProblem(400, 'Bad Request', 'the body is empty: send the document', [{ path: 'body', message: 'empty' }]);
  return chunks as DocumentChunks;
}

/**
 * The body's bytes for a worker, each piece a buffer of its own (so it is moved, not copied), a turn of
 * the event loop between two pieces of a large chunk.
 */
export async function* pieces(body: DocumentChunks): AsyncGenerator<Uint8Array> {
  for (const chunk of body.chunks) {
    if (chunk.length <= COPY_CHUNK) {
      yield chunk;
      continue;
    }
    for (let from = 0; from < chunk.length; from += PIECE) {
      if (from > 0) await breathe();
      // a copy of its own (Buffer#slice would be a view, and posting a view copies its whole buffer)
      yield new Uint8Array(chunk.subarray(from, from + PIECE));
    }
  }
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

  // Read as chunks within the route's limit; a scenario upload's go to the IO worker as they are, any
  // other body (1 MB at most) is pre-scanned, then parsed by Fastify's own JSON parser.
  const parse = app.getDefaultJsonParser('error', 'ignore');
  app.addContentTypeParser('application/json', (request, payload, done) => {
    const document = documentOf(request);
    readChunks(request, payload, (err, body) => {
      if (err || !body) return done(err ?? new Error('no body'), undefined);
      if (document === 'scenario') return done(null, body);
      if (document === 'sheet') return done(new HttpProblem(415, 'Unsupported Media Type', `send the sheet as ${CSV_MIME} or ${XLSX_MIME}, not JSON`), undefined);
      const text = Buffer.concat(body.chunks).toString('utf8');
      const problem = scanJson(text, opts.scan);
      // named as the schema's errors are: body.changes[0].lawyer.name
      if (problem) return done(new RefusedInputError(problem.status, problem.detail, [{ ...problem.issue, path: bodyPath(problem.issue.path) }]), undefined);
      parse(request, text, done);
    });
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
