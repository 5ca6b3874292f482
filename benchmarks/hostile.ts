/**
 * `npm run bench:hostile` (also run at the end of `npm run bench`): the real server against hostile input.
 *
 *   - the built server (`node dist/cli/ovola.js serve`, `npm run build` first when dist/ is stale) on a temp
 *     SQLite file with OVOLA_ADMIN_KEY, its sample county loaded at first start;
 *   - one request of each class of bad input (~35 classes: bodies past their limit, collections past their
 *     bound, nesting, NUL characters, odd keys and URLs, sheets that are bombs or too long, a job flood…),
 *     recording the status, whether the answer is problem+json, and the time;
 *   - `/healthz` latency sampled every 10 ms (p50/p99/max) and the server's RSS (VmRSS, and VmHWM at the
 *     end, from /proc/<pid>/status) with no load (the baseline), while the largest body the limits allow
 *     is refused (100,000 villages in ~16 MB, every one in an unknown town: parsed and checked in full),
 *     and while a province (26,500 villages, ~6 MB) is uploaded and accepted.
 *
 * Reports; asserts nothing (the exit code stays 0). Writes benchmarks/results/<date>-hostile.json.
 * Only 127.0.0.1 is targeted.
 */
import { ensureBuilt } from '../scripts/dist.js';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { connect } from 'node:net';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateScenario } from '../src/gen/index.js';
import { makeZip, nestedArrays, nestedObjects } from '../test/fixtures/hostile.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli', 'ovola.js');
const ADMIN = `bench-hostile-${randomBytes(12).toString('hex')}`;
const MB = 1024 * 1024;

interface Server {
  proc: ChildProcess;
  port: number;
  output: () => string;
}

function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const proc = spawn(process.execPath, [CLI, 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`the server did not start within 120 s:\n${out}`));
    }, 120_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        proc.off('exit', onExit);
        resolve({ proc, port: Number(m[1]), output: () => out });
      }
    };
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before listening:\n${out}`));
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', onExit);
  });
}

function stopServer(s: Server | undefined): Promise<void> {
  if (!s || s.proc.exitCode !== null || s.proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => s.proc.kill('SIGKILL'), 15_000);
    s.proc.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    s.proc.kill('SIGTERM');
  });
}

/** The server's resident memory now and at its highest (MB), from /proc. */
function memory(pid: number): { rssMb: number; hwmMb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: Math.round(kb('VmRSS') / 1024), hwmMb: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return { rssMb: NaN, hwmMb: NaN };
  }
}

let server: Server;
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

interface Answer {
  status: number;
  type: string;
  body: string;
  headers: http.IncomingHttpHeaders;
  ms: number;
}

/** One request; the body as bytes or text; resolves with the answer (status 0 when the connection failed). */
function request(
  method: string,
  path: string,
  opts: { body?: Buffer | string; type?: string; key?: string | null; headers?: Record<string, string>; agent?: http.Agent; announce?: number } = {},
): Promise<Answer> {
  const t0 = performance.now();
  const body = typeof opts.body === 'string' ? Buffer.from(opts.body) : opts.body;
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.key !== null) headers.authorization = `Bearer ${opts.key ?? ADMIN}`;
  if (body) {
    headers['content-type'] = opts.type ?? 'application/json';
    headers['content-length'] = String(opts.announce ?? body.length);
  }
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method, path, headers, agent: opts.agent ?? agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8'), headers: res.headers, ms: performance.now() - t0 }));
    });
    // a server that answers early (413) may close while the body is still going out
    req.on('error', (err) => resolve({ status: 0, type: '', body: String(err), headers: {}, ms: performance.now() - t0 }));
    // `announce`: a length is announced and only the first bytes sent; the server answers from the header
    if (opts.announce !== undefined && body) req.write(body);
    else if (body) req.end(body);
    else req.end();
  });
}

/** Raw bytes on a socket (for requests Node's parser refuses); the status of the answer. */
function raw(text: string): Promise<Answer> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.write(text));
    let out = '';
    socket.on('data', (d) => (out += d.toString()));
    const done = () => {
      const status = Number(/^HTTP\/1\.1 (\d+)/.exec(out)?.[1] ?? 0);
      const type = /content-type: ([^\r\n]+)/i.exec(out)?.[1] ?? '';
      resolve({ status, type, body: out.slice(out.indexOf('\r\n\r\n') + 4), headers: {}, ms: performance.now() - t0 });
    };
    socket.on('close', done);
    socket.on('error', done);
  });
}

/**
 * A body sent chunked over a socket of its own, the answer read while it is still being sent: a server
 * that refuses a body past its limit answers before the end (Node's HTTP client reports the broken upload
 * instead of the answer, which curl and browsers read).
 */
function chunkedUpload(path: string, total: number): Promise<Answer> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const socket = connect(server.port, '127.0.0.1');
    let out = '';
    let sent = 0;
    let answered = false;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        socket.write(`${chunk.length.toString(16)}\r\n`);
        socket.write(chunk);
        if (!socket.write('\r\n')) return void socket.once('drain', pump);
      }
      if (!answered) socket.write('0\r\n\r\n');
    };
    socket.on('connect', () => {
      socket.write(`POST ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${ADMIN}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`);
      pump();
    });
    const done = () => {
      if (answered) return;
      answered = true;
      const status = Number(/^HTTP\/1\.1 (\d+)/.exec(out)?.[1] ?? 0);
      const type = /content-type: ([^\r\n]+)/i.exec(out)?.[1] ?? '';
      const body = out.slice(out.indexOf('\r\n\r\n') + 4);
      socket.destroy();
      resolve({ status, type, body: body.includes('{') ? body.slice(body.indexOf('{'), body.lastIndexOf('}') + 1) : body, headers: {}, ms: performance.now() - t0 });
    };
    socket.on('data', (d) => {
      out += d.toString();
      if (/\r\n\r\n[\s\S]*\}/.test(out)) done();
    });
    socket.on('close', done);
    socket.on('error', done);
  });
}

interface Samples {
  healthz: number[];
  rssMb: number[];
}

/** Samples /healthz every 10 ms (its own connection) and RSS every 50 ms until `stop` resolves. */
async function sampling<T>(work: () => Promise<T>): Promise<{ result: T; samples: Samples; ms: number }> {
  const own = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const samples: Samples = { healthz: [], rssMb: [] };
  let busy = true;
  const probe = (async () => {
    while (busy) {
      const t0 = performance.now();
      const res = await request('GET', '/healthz', { key: null, agent: own });
      if (res.status === 200) samples.healthz.push(res.ms);
      const wait = 10 - (performance.now() - t0);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  })();
  const rss = setInterval(() => samples.rssMb.push(memory(server.proc.pid!).rssMb), 50);
  const t0 = performance.now();
  try {
    const result = await work();
    return { result, samples, ms: performance.now() - t0 };
  } finally {
    busy = false;
    clearInterval(rss);
    await probe;
    own.destroy();
  }
}

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const round1 = (x: number) => Math.round(x * 10) / 10;
const stats = (s: Samples) => ({
  samples: s.healthz.length,
  p50Ms: round1(pct(s.healthz, 50)),
  p99Ms: round1(pct(s.healthz, 99)),
  maxMs: round1(s.healthz.length ? s.healthz.reduce((a, b) => Math.max(a, b)) : NaN),
  peakRssMb: s.rssMb.length ? s.rssMb.reduce((a, b) => Math.max(a, b)) : NaN,
});

interface Row {
  class: string;
  expected: string;
  status: number;
  problemJson: boolean;
  ms: number;
  detail: string;
}

async function main(): Promise<void> {
  ensureBuilt((line) => process.stderr.write(`${line}\n`));
  const tmp = mkdtempSync(join(os.tmpdir(), 'ovola-hostile-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', OVOLA_DB: join(tmp, 'ovola.db'), OVOLA_ADMIN_KEY: ADMIN, LOG_LEVEL: 'fatal' };
  delete env.DATABASE_URL;
  try {
    process.stderr.write('starting the server…\n');
    server = await startServer(env);
    const scenarioId: string = JSON.parse((await request('GET', '/v1/scenarios?limit=1')).body).items[0].id;

    // the documents first, so their making does not count against the server's latency
    process.stderr.write('making the documents…\n');
    const county = JSON.parse((await request('GET', `/v1/scenarios/${scenarioId}/document`)).body) as Record<string, unknown> & { villages: Record<string, unknown>[] };
    const province = Buffer.from(JSON.stringify(generateScenario({ preset: 'province', seed: 1 })));
    /** 100,000 villages (the bound) padded to just under 16 MB, every one in an unknown town: checked in full, then refused */
    const villages = (padChars: number) =>
      Buffer.from(JSON.stringify({ ...county, villages: Array.from({ length: 100_000 }, (_, i) => ({ id: `X${i}`, name: `村${i}${'一'.repeat(padChars)}`, townId: 'nowhere', kind: 'village', location: [113.1, 23.1] })) }));
    const bare = villages(0).length;
    // a Chinese character is 3 bytes of UTF-8; names stay under their 200 characters
    const largest = villages(Math.min(190, Math.floor((16 * MB - 64 * 1024 - bare) / 100_000 / 3)));
    const adminLength = ADMIN.length;

    const baseline = await sampling(() => new Promise((r) => setTimeout(r, 3_000)));
    process.stderr.write(`baseline /healthz: ${JSON.stringify(stats(baseline.samples))}\n`);

    const rows: Row[] = [];
    const run = async (name: string, expected: string, send: () => Promise<Answer>) => {
      const res = await send();
      const problemJson = res.type.includes('application/problem+json');
      let detail = '';
      try {
        const body = JSON.parse(res.body) as { detail?: string; errors?: { path: string }[] };
        detail = `${body.detail ?? ''}${body.errors?.[0] ? ` [${body.errors[0].path}]` : ''}`;
      } catch {
        detail = res.body.slice(0, 80);
      }
      rows.push({ class: name, expected, status: res.status, problemJson, ms: Math.round(res.ms), detail: detail.slice(0, 100) });
      process.stderr.write(`${String(res.status).padStart(3)} ${name}\n`);
    };
    const upload = (body: Buffer | string, type?: string) => () => request('POST', '/v1/scenarios', { body, type });
    const json = (x: unknown) => JSON.stringify(x);
    const csv = (text: string, kind = 'lawyers') => () => request('POST', `/v1/scenarios/${scenarioId}/import/${kind}`, { body: text, type: 'text/csv' });
    const xlsx = (data: Buffer) => () => request('POST', `/v1/scenarios/${scenarioId}/import/villages`, { body: data, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const version = (body: string) => () => request('POST', `/v1/scenarios/${scenarioId}/versions`, { body });

    await run('body over the 16 MB document limit (17 MB announced)', '413', () => request('POST', '/v1/scenarios', { body: Buffer.alloc(64 * 1024, 0x20), announce: 17 * MB, agent: new http.Agent() }));
    await run('body over the 16 MB document limit (17 MB sent, chunked)', '413', () => chunkedUpload('/v1/scenarios', 17 * MB));
    await run('body over the 1 MB limit of another route', '413', version(json({ changes: [], pad: 'x'.repeat(1.1 * MB) })));
    await run('1.2 M empty villages (3.6 MB)', '413', upload(json({ ...county, villages: Array.from({ length: 1_200_000 }, () => ({})) })));
    await run('200 k empty villages (0.6 MB)', '413', upload(json({ ...county, villages: Array.from({ length: 200_000 }, () => ({})) })));
    await run('100 k empty villages (the bound; every one invalid)', '422', upload(json({ ...county, villages: Array.from({ length: 100_000 }, () => ({})) })));
    await run('100 k nested arrays as the body', '422', upload(nestedArrays(100_000)));
    await run('100 k nested arrays as the name', '422', upload(json(county).replace(/"name":"[^"]*"/, `"name":${nestedArrays(100_000)}`)));
    await run('5 k nested objects in policy.mode', '422', upload(json({ ...county, policy: {} }).replace('"policy":{}', `"policy":{"mode":${nestedObjects(5_000)}}`)));
    await run('policy.mode with 200 k entries', '413', upload(json({ ...county, policy: { mode: Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`K${i}`, 'team'])) } })));
    await run('a 20,000-character name', '413', upload(json({ ...county, name: 'x'.repeat(20_000) })));
    await run('a NUL in a name', '400', upload(json({ ...county, name: 'a\u0000b' })));
    await run('a NUL in a key', '400', upload(json({ ...county, policy: { mode: { 'K\u0000': 'team' } } })));
    await run('a __proto__ key', '400', upload('{"__proto__": {"polluted": true}}'));
    await run('not JSON', '400', upload('{"schema": '));
    await run('an empty JSON body', '400', upload(''));
    await run('text/plain instead of JSON', '415', upload('{}', 'text/plain'));
    await run('a NUL (%00) in an id', '400', () => request('GET', '/v1/scenarios/ab%00cd'));
    await run('a NUL (%00) in the query string', '400', () => request('GET', '/v1/scenarios?cursor=%00'));
    await run('a cursor decoding to a NUL', '400', () => request('GET', `/v1/scenarios?cursor=${Buffer.from(json(['2026-01-01T00:00:00.000Z', 'a\u0000'])).toString('base64url')}`));
    await run('an id of 3,000 characters', '414', () => request('GET', `/v1/scenarios/${'x'.repeat(3_000)}`));
    await run('a bad %-escape', '400', () => request('GET', '/v1/scenarios/%zz'));
    await run('a non-ASCII key of the admin key’s length', '401', () => request('GET', '/v1/scenarios', { key: 'é'.repeat(adminLength) }));
    await run('headers over 16 kB', '431', () => raw(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`));
    await run('not HTTP', '400', () => raw('NOT HTTP AT ALL\r\n\r\n'));
    await run('an unknown route', '404', () => request('GET', '/v1/nothing-here'));
    await run('1,001 changes', '413', version(json({ changes: Array.from({ length: 1_001 }, () => ({ op: 'remove-lawyer', lawyerId: 'x' })) })));
    await run('100 k nested arrays in changes', '422', version(`{"changes": [${nestedArrays(100_000)}]}`));
    await run('a holiday table with four problems', '422', () =>
      request('PUT', '/v1/holidays/2032', { body: json({ schema: 'ovola.holidays/v1', year: 2031, holidays: ['2031-02-30', '2030-10-01'], workdays: ['2031-03-05'] }) }),
    );
    await run('a NUL in a CSV cell', '400', csv('编号,姓名\nL9,张\u0000三\n'));
    await run('a CSV of 450 k rows', '413', csv(`编号,名称\n${'V,村\n'.repeat(450_000)}`, 'villages'));
    await run('an XLSX zip bomb (2 GB inflated, 2 MB sent)', '413', xlsx(makeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(2000 * MB) }])));
    await run('an XLSX understating its size', '413', xlsx(makeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(64 * MB), declare: 1_000 }])));
    await run('an XLSX that is no archive', '422', xlsx(Buffer.concat([Buffer.from('PK\u0003\u0004'), randomBytes(2_000)])));
    await run('an old binary .xls', '422', xlsx(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])));
    // 40 solves at once from one key: 4 are taken, the rest are 429; the taken ones are cancelled again
    await run('40 solve jobs at once from one key', '202 ×4, 429 ×36', async () => {
      const t0 = performance.now();
      const answers = await Promise.all(Array.from({ length: 40 }, () => request('POST', `/v1/scenarios/${scenarioId}/solve`, { body: '{}' })));
      const taken = answers.filter((a) => a.status === 202);
      for (const a of taken) await request('DELETE', `/v1/jobs/${JSON.parse(a.body).jobId as string}`);
      const refused = answers.filter((a) => a.status === 429);
      const worst = answers.reduce((m, a) => Math.max(m, a.status), 0);
      return { ...refused[0], status: worst, body: json({ detail: `${taken.length} × 202, ${refused.length} × 429, Retry-After ${String(refused[0]?.headers['retry-after'])}` }), ms: performance.now() - t0 };
    });

    process.stderr.write(`the largest refused body (${(largest.length / MB).toFixed(1)} MB)…\n`);
    const refused = await sampling(() => request('POST', '/v1/scenarios', { body: largest }));
    rows.push({ class: `the largest body the limits allow (${(largest.length / MB).toFixed(1)} MB, 100 k villages in an unknown town)`, expected: '422', status: refused.result.status, problemJson: refused.result.type.includes('problem+json'), ms: Math.round(refused.result.ms), detail: (JSON.parse(refused.result.body) as { detail: string }).detail });
    process.stderr.write(`a province upload (${(province.length / MB).toFixed(1)} MB)…\n`);
    const accepted = await sampling(() => request('POST', '/v1/scenarios', { body: province }));
    rows.push({ class: `a province upload (${(province.length / MB).toFixed(1)} MB, 26,500 villages)`, expected: '201', status: accepted.result.status, problemJson: false, ms: Math.round(accepted.result.ms), detail: '' });

    const health = await request('GET', '/healthz', { key: null });
    const mem = memory(server.proc.pid!);
    const fivexx = rows.filter((r) => r.status >= 500 || r.status === 0);
    const notProblem = rows.filter((r) => r.status >= 400 && !r.problemJson);

    const now = new Date();
    const date = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    const machine = { date, node: process.version, cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10, loadAverage: os.loadavg().map(round1) };
    const phases = { baseline: stats(baseline.samples), largestRefused: { ...stats(refused.samples), ms: Math.round(refused.ms) }, provinceUpload: { ...stats(accepted.samples), ms: Math.round(accepted.ms) } };
    const summary = { classes: rows.length, fivexx: fivexx.length, notProblemJson: notProblem.length, serverAliveAfter: health.status === 200, peakRssMb: mem.hwmMb, rssAfterMb: mem.rssMb };

    const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
    const out = [
      '',
      line(['class of bad input', 'expected', 'status', 'problem+json', 'ms', 'detail']),
      line(['---', '---', '---', '---', '---', '---']),
      ...rows.map((r) => line([r.class, r.expected, r.status, r.status >= 400 ? (r.problemJson ? 'yes' : 'NO') : '', r.ms, r.detail.replaceAll('|', '/')])),
      '',
      line(['/healthz while…', 'samples', 'p50 ms', 'p99 ms', 'max ms', 'server RSS peak MB']),
      line(['---', '---', '---', '---', '---', '---']),
      ...Object.entries(phases).map(([k, v]) => line([k, v.samples, v.p50Ms, v.p99Ms, v.maxMs, v.peakRssMb])),
      '',
      `${summary.classes} classes, ${summary.fivexx} answered 5xx (or not at all), ${summary.notProblemJson} errors not problem+json; server alive after: ${summary.serverAliveAfter}; peak RSS (VmHWM) ${summary.peakRssMb} MB, ${summary.rssAfterMb} MB at the end.`,
      `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load average ${machine.loadAverage.join(' ')}.`,
      '',
    ].join('\n');
    process.stdout.write(out);
    const resultFile = join(ROOT, 'benchmarks', 'results', `${date}-hostile.json`);
    mkdirSync(dirname(resultFile), { recursive: true });
    writeFileSync(resultFile, `${JSON.stringify({ machine, summary, phases, rows }, null, 2)}\n`);
    process.stdout.write(`wrote ${join('benchmarks', 'results', `${date}-hostile.json`)}\n`);
  } finally {
    agent.destroy();
    await stopServer(server);
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
