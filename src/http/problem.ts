import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { InvalidDocumentError, type Issue } from '../domain/index.js';
import { StoreError } from '../store/errors.js';
import { redactUrl } from './redact.js';

/**
 * An error that leaves as `application/problem+json` (RFC 9457): what went wrong, for whom, and for
 * bad input every failing field with its path.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: Issue[],
  ) {
    super(detail ?? title);
    this.name = 'HttpProblem';
  }
}

export const notFound = (what: string, id: string) => new HttpProblem(404, 'Not Found', `${what} ${JSON.stringify(id)} does not exist`);
export const forbidden = (detail: string) => new HttpProblem(403, 'Forbidden', detail);

/** A list's `cursor` that the store could not read: 400 naming the field (other errors pass through). */
export function rethrowBadCursor(err: unknown): never {
  if (err instanceof StoreError && err.code === 'invalid_cursor') {
    throw new HttpProblem(400, 'Bad Request', 'the cursor is not one this list gave out', [{ path: 'querystring.cursor', message: 'invalid cursor' }]);
  }
  throw err;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

/** A refused write's audit row notes the problem's title, detail and failing fields, unless its handler noted something. */
function noteForAudit(request: FastifyRequest, body: { title?: unknown; detail?: unknown; errors?: unknown }): void {
  const note = (request as Partial<FastifyRequest>).audit;
  if (!note || note.detail !== undefined) return;
  const paths = Array.isArray(body.errors) ? body.errors.map((e: { path?: unknown }) => String(e.path)) : [];
  const fields = paths.length > 0 ? ` [${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ', …' : ''}]` : '';
  note.detail = `${String(body.title)}${typeof body.detail === 'string' ? `: ${body.detail}` : ''}${fields}`;
}

function send(reply: FastifyReply, request: FastifyRequest, status: number, body: Record<string, unknown>): FastifyReply {
  noteForAudit(request, { title: TITLES[status] ?? 'Error', ...body });
  return reply
    .status(status)
    .type('application/problem+json')
    .send({ type: 'about:blank', title: TITLES[status] ?? 'Error', status, instance: redactUrl(request.url), ...body });
}

/** The one error handler: bad input and known problems in detail; anything else as a bare 500, logged. */
export function problemHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof HttpProblem) {
    return send(reply, request, error.status, { title: error.title, detail: error.detail, ...(error.errors ? { errors: error.errors } : {}) });
  }
  if (error instanceof InvalidDocumentError) {
    return send(reply, request, 422, { detail: error.message.split('\n')[0], errors: error.issues });
  }
  if (error instanceof StoreError && error.code !== 'closed') {
    const status = { not_found: 404, conflict: 409, invalid_cursor: 400 }[error.code];
    return send(reply, request, status, { detail: error.message });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = (error as FastifyError).validationContext ?? 'request';
    const at = (instancePath: string) => `${part}${instancePath.replace(/\/$/, '').replaceAll('/', '.').replace(/\.(\d+)(?=\.|$)/g, '[$1]')}`;
    const errors = error.validation.flatMap((v) => {
      // an unknown field is named by its own path, as in documents (`body.extra`, not `body`)
      const keys = v.keyword === 'unrecognized_keys' ? (v.params as { keys?: unknown }).keys : undefined;
      if (Array.isArray(keys)) return keys.map((key) => ({ path: at(`${v.instancePath.replace(/\/$/, '')}/${String(key)}`), message: 'unknown field' }));
      return [{ path: at(v.instancePath), message: v.message ?? 'invalid' }];
    });
    return send(reply, request, 400, { detail: `the ${part} does not match its schema`, errors });
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error, method: request.method, url: redactUrl(request.url) }, 'response did not match its schema');
    return send(reply, request, 500, { title: 'Internal Server Error' });
  }
  const status = (error as FastifyError).statusCode ?? 500;
  if (status >= 500) {
    request.log.error({ err: error, method: request.method, url: redactUrl(request.url) }, 'request failed');
    return send(reply, request, status, { title: 'Internal Server Error' });
  }
  // Fastify's own 4xx: bad JSON, oversized body, wrong content type…
  return send(reply, request, status, { detail: error.message });
}
