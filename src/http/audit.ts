/**
 * The audit trail: every write through the API (any method but GET and HEAD under /v1/, the public
 * look-up aside), refused ones included, as one row: when, which key (id, label, scope), the route's
 * pattern, the record it wrote, the region, the status, and a short note. A bureau can answer "who
 * published this card, and who changed this plan" from it (`GET /v1/audit`).
 */
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { NewAuditRecord, Store } from '../store/types.js';
import { scopeText } from './auth.js';

/** What a handler (or the access code) adds to its request's audit row. */
export interface AuditNote {
  /** the record written, when the route's `:id`, `:jobId` or `:year` does not name it (e.g. a new key's id) */
  target?: string;
  /** the city or county the write concerns */
  region?: string;
  /** a short note; for a refused write the problem's title and detail are noted by default */
  detail?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** filled by handlers; read when the response is sent (`request.audit.region = code`) */
    audit: AuditNote;
  }
}

/** The longest note kept. */
const DETAIL_CHARS = 300;
const NOTE = Symbol('audit note');
type Noted = { [NOTE]?: AuditNote };

/** `request.audit`: an empty note made on first use, so requests that never write cost nothing. */
export function decorateAudit(app: FastifyInstance): void {
  app.decorateRequest('audit', {
    getter(this: FastifyRequest) {
      return ((this as unknown as Noted)[NOTE] ??= {});
    },
    setter(this: FastifyRequest, value: AuditNote) {
      (this as unknown as Noted)[NOTE] = value;
    },
  });
}

const PARAMS = ['id', 'jobId', 'year'] as const;

/** The audit row of a request, or undefined when it is not a write the trail keeps. */
export function auditRow(request: FastifyRequest, reply: FastifyReply): NewAuditRecord | undefined {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  const route = request.routeOptions.url ?? request.url.split('?')[0];
  if (!route.startsWith('/v1/') || route.startsWith('/v1/public/')) return undefined;
  const note = request.audit;
  const p = request.principal;
  const params = (request.params ?? {}) as Record<string, unknown>;
  const param = PARAMS.map((name) => params[name]).find((v) => v !== undefined && v !== '');
  // a write that made a record says where it is: POST /v1/scenarios → Location: /v1/scenarios/<id>
  const location = reply.getHeader('location');
  const made = typeof location === 'string' ? location.split('?')[0].split('/').pop() : undefined;
  const detail = note.detail ?? null;
  return {
    keyId: p?.keyId ?? null,
    keyLabel: p?.label ?? null,
    scope: p ? scopeText(p) : null,
    method: request.method,
    route,
    target: note.target ?? (param !== undefined ? String(param) : undefined) ?? (made || null),
    region: note.region ?? null,
    status: reply.statusCode,
    detail: detail === null ? null : detail.length > DETAIL_CHARS ? `${detail.slice(0, DETAIL_CHARS - 1)}…` : detail,
  };
}

/**
 * Writes audit rows after the response has gone: the request never waits for its row, and a failed
 * write is a warning in the log, never a failed request.
 */
export class AuditTrail {
  readonly #pending = new Set<Promise<void>>();

  constructor(
    private readonly store: Store,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** The onResponse hook of the keyed routes (failed authentication included). */
  readonly onResponse = (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    try {
      const row = auditRow(request, reply);
      if (row) this.write(row, request.log);
    } catch (err) {
      (request.log ?? this.log).warn({ err }, 'could not make the audit row');
    }
    done();
  };

  write(row: NewAuditRecord, log: FastifyBaseLogger = this.log): void {
    const write: Promise<void> = this.store
      .insertAudit(row)
      .then(
        () => {},
        (err: unknown) => log.warn({ err, method: row.method, route: row.route, status: row.status }, 'could not write the audit trail'),
      )
      .finally(() => this.#pending.delete(write));
    this.#pending.add(write);
  }

  /** Resolves once the rows begun so far are written (or failed): before listing the trail, before closing. */
  async settled(): Promise<void> {
    await Promise.all(this.#pending);
  }
}
