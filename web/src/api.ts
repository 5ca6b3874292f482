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

export interface Me {
  keyId: string;
  label: string;
  scope: string;
  kind: 'admin' | 'city' | 'county';
  code?: string;
}

export interface ScenarioItem {
  id: string;
  parentId: string | null;
  name: string;
  createdAt: string;
  regions: string[];
  summary: {
    villages: number;
    lawyers: { practicing: number; intern: number; pairedAssistance: number };
    firms: number;
    cities: { id: string; name: string; villages: number; counties: { id: string; name: string; villages: number }[] }[];
  };
}
