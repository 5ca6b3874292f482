/**
 * Keys stay out of URLs and logs. A URL ends up in access logs, proxy logs, browser history and Referer
 * headers, so a key sent as a query parameter is refused (on every route, public ones included) before
 * a handler sees it, and whatever logs the URL logs it with those parameters' values blanked. The
 * Authorization and Cookie headers are redacted wherever a log line carries request headers.
 */
import type { FastifyRequest, FastifyServerOptions } from 'fastify';

/** Query parameters that carry a key, compared case-insensitively (`api_key[]` counts as `api_key`). */
export const KEY_PARAMS: ReadonlySet<string> = new Set(['key', 'api_key', 'apikey', 'access_token', 'token', 'authorization']);

const CENSOR = '[REDACTED]';

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** The parameter's name as compared: decoded, lower case, without an array suffix (`key[]`, `key[0]`). */
const nameOf = (pair: string) => {
  const eq = pair.indexOf('=');
  return decode(eq < 0 ? pair : pair.slice(0, eq))
    .trim()
    .toLowerCase()
    .replace(/\[[^\]]*\]$/, '');
};

/** The first key-like parameter of a URL's query string, as the caller wrote its name; undefined when none. */
export function keyParamIn(url: string): string | undefined {
  const q = url.indexOf('?');
  if (q < 0) return undefined;
  for (const pair of url.slice(q + 1).split('&')) {
    if (KEY_PARAMS.has(nameOf(pair))) return decode(pair.split('=')[0]);
  }
  return undefined;
}

/** The URL with the values of key-like query parameters replaced by `[REDACTED]`; other parts as they were. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const hash = url.indexOf('#', q);
  const query = url.slice(q + 1, hash < 0 ? undefined : hash);
  const pairs = query.split('&').map((pair) => {
    if (!KEY_PARAMS.has(nameOf(pair))) return pair;
    const eq = pair.indexOf('=');
    return `${eq < 0 ? pair : pair.slice(0, eq)}=${CENSOR}`;
  });
  return `${url.slice(0, q)}?${pairs.join('&')}`;
}

/** Log paths censored wherever they occur in a log line. */
export const REDACT_PATHS = ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie'];

/** Fastify's request serializer, with key-like query values blanked in `url`. */
export function serializeRequest(req: FastifyRequest): Record<string, unknown> {
  return {
    method: req.method,
    url: typeof req.url === 'string' ? redactUrl(req.url) : undefined,
    version: req.headers?.['accept-version'],
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

/**
 * Logger options with the redaction and the request serializer added: `true` becomes pino options, an
 * options object keeps its settings (level, stream…) and gains these; false or undefined log nothing.
 */
export function withRedaction(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  const opts = logger === true ? {} : (logger as Record<string, unknown>);
  const redact = opts.redact as string[] | { paths: string[]; censor?: string } | undefined;
  const paths = [...new Set([...(Array.isArray(redact) ? redact : (redact?.paths ?? [])), ...REDACT_PATHS])];
  return {
    ...opts,
    redact: { ...(Array.isArray(redact) || !redact ? {} : redact), paths, censor: CENSOR },
    serializers: { ...(opts.serializers as object | undefined), req: serializeRequest },
  } as FastifyServerOptions['logger'];
}
