import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { InvalidDocumentError, type Issue, type Lang, langOf, localize, localizeIssue, problemCount, sizeText, TITLE_ZH, zodZh } from '../domain/index.js';
import { RefusedInputError } from '../io/documents.js';
import { IoBusyError } from '../io/offload.js';
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
    /** headers to send with it, e.g. `retry-after` */
    readonly headers?: Record<string, string>,
    /** more members of the problem object, e.g. `errorCount` */
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail ?? title);
    this.name = 'HttpProblem';
  }
}

export const notFound = (what: string, id: string) => new HttpProblem(404, 'Not Found', `${what} ${JSON.stringify(id)} does not exist`);
export const forbidden = (detail: string) => new HttpProblem(403, 'Forbidden', detail);

/** A list's cursor (`cursor`, or the `field` named) that could not be read: 400 naming the field (other errors pass through). */
export function rethrowBadCursor(err: unknown, field = 'cursor'): never {
  if (err instanceof StoreError && err.code === 'invalid_cursor') {
    throw new HttpProblem(400, 'Bad Request', 'the cursor is not one this list gave out', [{ path: `querystring.${field}`, message: 'invalid cursor' }]);
  }
  throw err;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
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

export const titleOf = (status: number) => TITLES[status] ?? (status >= 500 ? 'Internal Server Error' : 'Error');

/** Seconds a caller is told to wait when the store does not answer or the document worker is busy. */
export const RETRY_AFTER_S = 5;

/** The path of the request as `instance`, cut short: a URL refused for its length is not echoed whole. */
const instanceOf = (url: string) => (url.length > 256 ? `${url.slice(0, 256)}…` : url);

/**
 * Sends a problem in the caller's language (Accept-Language; Chinese unless English comes first): the
 * title, the detail and each error's message, every error with its stable English `code`.
 */
function send(reply: FastifyReply, request: FastifyRequest, status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): FastifyReply {
  noteForAudit(request, { title: titleOf(status), ...body });
  const lang = langOf(request.headers?.['accept-language'], defaultLanguageOf(request));
  const { title: _title, detail, errors, ...rest } = body;
  const localized = {
    type: 'about:blank',
    title: lang === 'en' ? titleOf(status) : (TITLE_ZH[status] ?? titleOf(status)),
    status,
    instance: instanceOf(redactUrl(request.url)),
    ...(typeof detail === 'string' ? { detail: localize(detail, lang) } : {}),
    ...(Array.isArray(errors) ? { errors: (errors as Issue[]).map((e) => localizeIssue(e, lang)) } : {}),
    ...rest,
  };
  return reply
    .status(status)
    .headers(headers)
    .header('content-language', lang === 'en' ? 'en' : 'zh-CN')
    .header('vary', 'Accept-Language')
    .type('application/problem+json')
    .send(localized);
}

/** The language of a caller who names none: the app's `defaultLanguage` (Chinese unless set). */
const defaultLanguageOf = (request: FastifyRequest): Lang => (request.server as { defaultLanguage?: Lang } | undefined)?.defaultLanguage ?? 'zh';

/** The value at a validation error's path in the request part it was found in (for how it is worded). */
function valueIn(request: FastifyRequest, part: string, instancePath: string): unknown {
  let cur: unknown = (request as unknown as Record<string, unknown>)[part];
  for (const key of instancePath.split('/').filter(Boolean).slice(0, 32)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** The body limit of the route the request was for (Fastify's server-wide one when the route has none). */
function bodyLimitOf(request: FastifyRequest): number | undefined {
  try {
    return request.routeOptions?.bodyLimit ?? request.server?.initialConfig.bodyLimit;
  } catch {
    return undefined;
  }
}

/** The one error handler: bad input and known problems in detail; anything else as a bare 500, logged. */
export function problemHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof HttpProblem) {
    return send(reply, request, error.status, { title: error.title, detail: error.detail, ...(error.errors ? { errors: error.errors } : {}), ...error.extra }, error.headers);
  }
  if (error instanceof InvalidDocumentError) {
    const detail = `invalid ${error.what}: ${problemCount(error.count, error.issues.length, error.countIsLowerBound)}`;
    return send(reply, request, 422, { detail, errors: error.issues, errorCount: error.count });
  }
  if (error instanceof RefusedInputError) {
    return send(reply, request, error.status, { detail: error.detail, errors: error.issues, errorCount: error.errorCount });
  }
  if (error instanceof StoreError) {
    if (error.code === 'unavailable' || error.code === 'closed') {
      request.log.warn({ err: error, method: request.method, url: request.url }, 'the store does not answer');
      return send(reply, request, 503, { detail: 'the store does not answer; try again shortly' }, { 'retry-after': String(RETRY_AFTER_S) });
    }
    if (error.code === 'invalid_input') {
      const message = 'text the store cannot keep (such as a NUL character)';
      return send(reply, request, 400, { detail: `the request holds ${message}`, errors: [{ path: 'request', message }], errorCount: 1 });
    }
    if (error.code === 'invalid_cursor') return send(reply, request, 400, { detail: error.message, errors: [{ path: 'querystring.cursor', message: error.message }], errorCount: 1 });
    const status = { not_found: 404, conflict: 409 }[error.code];
    return send(reply, request, status, { detail: error.message });
  }
  if (error instanceof IoBusyError) {
    return send(reply, request, 503, { detail: error.message }, { 'retry-after': String(RETRY_AFTER_S) });
  }
  if ((error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    request.log.warn({ err: error, method: request.method, url: request.url }, 'a document needed more memory than its worker has');
    return send(reply, request, 413, { detail: 'the document needs more memory than this service gives one request; send a smaller one' });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = (error as FastifyError).validationContext ?? 'request';
    const at = (instancePath: string) => `${part}${instancePath.replace(/\/$/, '').replaceAll('/', '.').replace(/\.(\d+)(?=\.|$)/g, '[$1]')}`;
    const errors = error.validation.flatMap((v) => {
      // an unknown field is named by its own path, as in documents (`body.extra`, not `body`)
      const keys = v.keyword === 'unrecognized_keys' ? (v.params as { keys?: unknown }).keys : undefined;
      if (Array.isArray(keys)) return keys.map((key) => ({ path: at(`${v.instancePath.replace(/\/$/, '')}/${String(key)}`), message: 'unknown field', code: 'unknown_field', zh: '未知字段' }));
      const message = v.message ?? 'invalid';
      const issue = { ...(v.params as object), code: v.keyword, message } as unknown as Parameters<typeof zodZh>[0];
      return [{ path: at(v.instancePath), message, ...zodZh(issue, valueIn(request, part, v.instancePath)) }];
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
  // Fastify's own 4xx: bad JSON, oversized body, wrong content type, a path too long or not decodable…
  // Each names what failed as `errors[].path`, as every other input error does.
  const code = (error as FastifyError).code;
  const at = (path: string, message: string, detail = message, more: Record<string, unknown> = {}) =>
    send(reply, request, status, { detail, errors: [{ path, message }], errorCount: 1, ...more });
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    const limit = bodyLimitOf(request);
    const message = limit === undefined ? 'larger than this route takes' : `larger than the ${sizeText(limit)} this route takes`;
    return at('body', message, `the body is ${message}`, limit === undefined ? {} : { limit });
  }
  if (code === 'FST_ERR_MAX_PARAM_LENGTH') return at('url', 'a part of the path is longer than this service takes');
  if (code === 'FST_ERR_BAD_URL') return at('url', 'not a valid URL (a bad %-escape?)', 'the path is not a valid URL (a bad %-escape?)');
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') return at('body', error.message);
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return at('headers.content-type', error.message);
  if (status === 400 || status === 413 || status === 422) return at('request', error.message);
  return send(reply, request, status, { detail: error.message });
}
