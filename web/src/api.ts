import type { paths } from './api-types';
import { session } from './session';

/** One problem the service listed (problem+json `errors[]`). */
export interface FieldProblem {
  path: string;
  message: string;
  code?: string;
}

/** A refused request, as the service explained it (RFC 9457 problem+json, in Chinese). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldProblem[] = [],
    readonly errorCount = errors.length,
  ) {
    super(detail || title);
  }
}

async function problemOf(res: Response): Promise<ApiError> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    const p = (await res.json().catch(() => ({}))) as { title?: string; detail?: string; errors?: FieldProblem[]; errorCount?: number };
    return new ApiError(res.status, p.title ?? res.statusText, p.detail ?? '', p.errors ?? [], p.errorCount ?? p.errors?.length ?? 0);
  }
  return new ApiError(res.status, res.statusText, `服务返回 ${res.status}`);
}

/** Calls the API with the session's key; a refusal becomes an ApiError, a 401 also ends the session. */
export async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const key = session.key();
  if (key) headers.set('authorization', `Bearer ${key}`);
  headers.set('accept-language', 'zh-CN');
  const res = await fetch(path, { ...init, headers });
  if (!res.ok) {
    const err = await problemOf(res);
    if (res.status === 401) {
      session.signOut();
      window.dispatchEvent(new Event('ovola:signed-out'));
    }
    throw err;
  }
  return res;
}

export const getJson = async <T>(path: string): Promise<T> => (await call(path)).json() as Promise<T>;

export const sendJson = async <T>(method: string, path: string, body: unknown): Promise<T> =>
  (await call(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json() as Promise<T>;

/** Saves what a keyed download returns under the file name the service gives. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await call(path);
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name ? decodeURIComponent(name) : fallbackName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** What the service answers with status 200 for `GET path`, from the types generated from its contract. */
type Ok<P extends keyof paths, M extends 'get' | 'post' = 'get'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

export type Me = Ok<'/v1/me'>;
export type ScenarioItem = Ok<'/v1/scenarios'>['items'][number] & { summary: ScenarioSummary };
export type PublishPreview = Ok<'/v1/solutions/{id}/publish-preview'>;
export type Comparison = Ok<'/v1/compare'>;
export type Moved = Comparison['moved'][number];
export type CountyNotice = Ok<'/v1/notices/{countyId}'>;
export type Card = CountyNotice['items'][number];

/** The summary a scenario carries (the contract leaves it open: it grows with the scenario's fields). */
export interface ScenarioSummary {
  villages: number;
  lawyers: { practicing: number; intern: number; pairedAssistance: number };
  firms: number;
  cities: { id: string; name: string; villages: number; counties: { id: string; name: string; villages: number }[] }[];
}
