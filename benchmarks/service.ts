/**
 * `npm run bench:service` (also run at the end of `npm run bench`): the HTTP service under load, as
 * villagers and bureaus meet it, against a bare Fastify app on the same machine.
 *
 *   - the real server (`node dist/cli/ovola.js serve`, temp SQLite, the sample county published at first
 *     start, the public look-up's rate limit raised through OVOLA_PUBLIC_RATE_LIMIT);
 *   - a bare Fastify app in a child process of its own, one route answering with the same bytes as the look-up;
 *   - autocannon from this process, one target after another, each warmed up first:
 *     `GET /v1/public/villages/:id` (no key), `GET /v1/solutions/:id` (admin key), and the bare route.
 *
 * Reports req/s, p50/p99 latency and the ratio to the bare route; the public look-up should reach ≥ 60%
 * of the bare route's req/s with p99 < 20 ms: PASS or FAIL is printed, the exit code stays 0.
 * Only 127.0.0.1 is targeted; every run is bounded in time.
 *
 * Flags: --duration s (10)  --connections n (50)  --warmup s (2)  --log-level level (warn)  --no-readme
 * Writes benchmarks/results/<date>-service.json and refreshes its table in benchmarks/README.md.
 */
import { ensureBuilt } from '../scripts/dist.js';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli', 'ovola.js');
const SAMPLE = join(ROOT, 'data', 'sample-county.json');
const START = '<!-- bench:service:start -->';
const END = '<!-- bench:service:end -->';
/** Alternating rounds of bare and public measurements; the median round is reported. */
const ROUNDS = 3;
/** The public look-up's targets, relative to the bare route. */
const TARGET = { ratio: 0.6, p99Ms: 20 };

const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '2' },
    'log-level': { type: 'string', default: 'warn' },
    'no-readme': { type: 'boolean', default: false },
  },
});
const duration = Number(flags.duration);
const connections = Number(flags.connections);
const warmup = Number(flags.warmup);
if (!(duration > 0 && duration <= 120)) throw new Error('--duration: 1 to 120 seconds');
if (!(connections >= 1 && connections <= 1000)) throw new Error('--connections: 1 to 1000');
if (!(warmup >= 0 && warmup <= 30)) throw new Error('--warmup: 0 to 30 seconds');

interface Child {
  proc: ChildProcess;
  output: () => string;
}

/** Spawns a process and waits until its output matches `ready` (60 s at most). */
function startChild(args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<{ child: Child; match: RegExpExecArray }> {
  const proc = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`${args.join(' ')} did not start within 60 s:\n${out}`));
    }, 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = ready.exec(out);
      if (m) {
        clearTimeout(timer);
        proc.off('exit', onExit);
        resolve({ child: { proc, output: () => out }, match: m });
      }
    };
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited (${code}) before it was ready:\n${out}`));
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', onExit);
  });
}

function stopChild(c: Child | undefined): Promise<void> {
  if (!c || c.proc.exitCode !== null || c.proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => c.proc.kill('SIGKILL'), 15_000);
    c.proc.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    c.proc.kill('SIGTERM');
  });
}

/**
 * The bare app: Fastify with no plugins and one route, in a process of its own. It answers with the
 * same bytes as the public look-up (passed in BARE_BODY), so the comparison measures what ovola adds
 * per request, not the size of a villager's card.
 */
const BARE_APP = `
import Fastify from 'fastify';
const app = Fastify({ logger: false });
const body = process.env.BARE_BODY;
app.get('/bare', async (request, reply) => reply.type('application/json; charset=utf-8').send(body));
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log('bare listening on ' + address);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
`;

interface Measured {
  name: string;
  path: string;
  requestsPerSec: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  bytesPerSec: number;
}

async function measure(name: string, url: string, headers: Record<string, string>): Promise<Measured> {
  const check = await fetch(url, { headers });
  if (check.status !== 200) throw new Error(`${name}: GET ${url} answered ${check.status}: ${(await check.text()).slice(0, 300)}`);
  if (warmup > 0) await autocannon({ url, headers, connections: Math.min(10, connections), duration: warmup });
  process.stderr.write(`${name}: ${duration} s, ${connections} connections …\n`);
  const r = await autocannon({ url, headers, connections, duration });
  return {
    name,
    path: new URL(url).pathname,
    requestsPerSec: r.requests.average,
    latencyP50Ms: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    latencyMaxMs: r.latency.max,
    requests: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    bytesPerSec: r.throughput.average,
  };
}

const fmt = (x: number, d = 1) => x.toFixed(d);

function table(rows: Measured[], bare: Measured): string {
  const head = ['route', 'req/s', '÷ bare', 'p50 ms', 'p99 ms', 'max ms', 'requests', 'errors / non-2xx'];
  const lines = rows.map((r) => [
    `${r.name} (\`${r.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, ':id')}\`)`,
    fmt(r.requestsPerSec, 0),
    r === bare ? '1.00' : fmt(r.requestsPerSec / bare.requestsPerSec, 2),
    fmt(r.latencyP50Ms),
    fmt(r.latencyP99Ms),
    fmt(r.latencyMaxMs),
    String(r.requests),
    `${r.errors} / ${r.non2xx}`,
  ]);
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...lines.map((l) => `| ${l.join(' | ')} |`)].join('\n');
}

function writeReadme(block: string): void {
  const path = join(ROOT, 'benchmarks', 'README.md');
  const section = `## Service

\`npm run bench:service\` (also the last step of \`npm run bench\`) starts the built server (\`node dist/cli/ovola.js serve\`,
a temporary SQLite file, the sample county published at first start, request logging at \`warn\`, the public
look-up's rate limit raised with \`OVOLA_PUBLIC_RATE_LIMIT\`) and a bare Fastify app with one route that answers with the same bytes as the look-up,
each in its own process on 127.0.0.1, and drives them one after another with autocannon from a third
process (a short warm-up, then 10 s at 50 connections each). The target: the public look-up reaches at
least 60% of the bare route's req/s with p99 under 20 ms (PASS or FAIL is printed; the exit code does not
depend on it). Flags: \`--duration\`, \`--connections\`, \`--warmup\`, \`--log-level\`, \`--no-readme\`; \`npm run bench --
--no-service\` skips this part.

`;
  let text = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  if (!text.includes(START) || !text.includes(END)) text = `${text.trimEnd()}\n\n${section}${START}\n${END}\n`;
  text = text.slice(0, text.indexOf(START)) + block + text.slice(text.indexOf(END) + END.length);
  writeFileSync(path, text);
}

async function main(): Promise<void> {
  ensureBuilt((line) => process.stderr.write(`${line}\n`));
  const tmp = mkdtempSync(join(os.tmpdir(), 'ovola-bench-service-'));
  const adminKey = `bench-admin-${randomBytes(12).toString('hex')}`;
  const villageId: string = JSON.parse(readFileSync(SAMPLE, 'utf8')).villages[0].id;
  let server: Child | undefined;
  let bare: Child | undefined;
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: '0', OVOLA_DB: join(tmp, 'bench.db'), OVOLA_ADMIN_KEY: adminKey, OVOLA_PUBLIC_RATE_LIMIT: '1000000000', LOG_LEVEL: flags['log-level'] };
    delete env.DATABASE_URL;
    const started = await startChild([CLI, 'serve'], env, /published as ([0-9a-f-]+)[\s\S]*listening on (http:\/\/127\.0\.0\.1:\d+)/);
    server = started.child;
    const [, solutionId, base] = started.match;
    const card = await (await fetch(`${base}/v1/public/villages/${villageId}`)).text();
    const bareStarted = await startChild(['--input-type=module', '-e', BARE_APP], { ...process.env, BARE_BODY: card }, /bare listening on (http:\/\/127\.0\.0\.1:\d+)/);
    bare = bareStarted.child;
    const bareBase = bareStarted.match[1];

    // The machine is shared and noisy: measure the bare and the public route in alternating rounds
    // and keep the round with the median ratio, so both figures come from the same moment.
    const rounds: { bare: Measured; pub: Measured; ratio: number }[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const bareM = await measure('bare Fastify', `${bareBase}/bare`, {});
      const pubM = await measure('public look-up', `${base}/v1/public/villages/${villageId}`, {});
      rounds.push({ bare: bareM, pub: pubM, ratio: pubM.requestsPerSec / bareM.requestsPerSec });
    }
    rounds.sort((a, b) => a.ratio - b.ratio);
    const { bare: bareRow, pub: publicRow, ratio } = rounds[Math.floor(rounds.length / 2)];
    const solutionRow = await measure('solution (admin key)', `${base}/v1/solutions/${solutionId}`, { authorization: `Bearer ${adminKey}` });
    const rows = [publicRow, solutionRow, bareRow];
    const roundRatios = rounds.map((r) => Number(r.ratio.toFixed(3)));

    const pass = ratio >= TARGET.ratio && publicRow.latencyP99Ms < TARGET.p99Ms && publicRow.errors === 0 && publicRow.non2xx === 0;
    const verdict = `${pass ? 'PASS' : 'FAIL'}: public look-up at ${fmt(ratio * 100, 0)}% of the bare route's req/s (target ≥ ${TARGET.ratio * 100}%), p99 ${fmt(publicRow.latencyP99Ms)} ms (target < ${TARGET.p99Ms} ms)`;

    const now = new Date();
    const date = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    const machine = { date, node: process.version, cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10, platform: `${os.platform()} ${os.release()}` };
    const out = table(rows, bareRow);
    process.stdout.write(`\n${out}\n\n${verdict}\n`);

    const resultFile = join('benchmarks', 'results', `${date}-service.json`);
    mkdirSync(join(ROOT, 'benchmarks', 'results'), { recursive: true });
    const options = { duration, connections, warmup, rounds: ROUNDS, roundRatios, logLevel: flags['log-level'], target: TARGET, villageId };
    writeFileSync(join(ROOT, resultFile), `${JSON.stringify({ machine, options, pass, ratio, rows }, null, 2)}\n`);
    if (!flags['no-readme']) {
      writeReadme(
        [
          START,
          `Measured ${date} on ${machine.cpu}, ${machine.cores} cores, Node ${machine.node} (${duration} s per route, ${connections} connections, after a ${warmup} s warm-up; bare and public alternated in ${ROUNDS} rounds, the median round shown, ratios ${roundRatios.join(', ')}); raw figures in \`${resultFile}\`.`,
          '',
          out,
          '',
          `**${verdict}.**`,
          END,
        ].join('\n'),
      );
    }
    process.stdout.write(`wrote ${resultFile}${flags['no-readme'] ? '' : ' and benchmarks/README.md'}\n`);
  } finally {
    await Promise.all([stopChild(server), stopChild(bare)]);
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
