import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { type InvalidDocumentError, type Lang, localize } from '../domain/index.js';
import { dirname, join, basename } from 'node:path';

/** The language of what the CLI says: from LANG (Chinese unless it is English), set once by main. */
let language: Lang = 'zh';
export const setLanguage = (lang: Lang) => {
  language = lang;
};
export const cliLanguage = () => language;
/** A message the CLI prints, written in English, in the CLI's language. */
export const say = (en: string) => localize(en, language);

/** Bad input: exit code 2, with a message that names the file or field (and the document's problems, when they are why). */
export class InputError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
    readonly problems?: InvalidDocumentError,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** Reads a JSON document from a path, or from standard input when the path is `-`. */
export function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`${what}: cannot read ${path === '-' ? 'standard input' : path}${code ? ` (${code})` : ''}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InputError(`${what}: ${path === '-' ? 'standard input' : path} is not valid JSON: ${(err as Error).message}`);
  }
}

/** Writes text (or bytes) to a file in one step (temporary file, then rename), or to standard output for `-`/undefined. */
export function writeText(path: string | undefined, text: string | Uint8Array): void {
  if (path === undefined || path === '-') {
    process.stdout.write(text);
    return;
  }
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (err) {
    throw new InputError(`cannot write ${path}: ${(err as Error).message}`);
  }
}

/** Writes bytes to a file in one step (temporary file, then rename), or to standard output for `-`. */
export function writeBytes(path: string, data: Uint8Array): void {
  if (path === '-') {
    process.stdout.write(data);
    return;
  }
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    throw new InputError(`cannot write ${path}: ${(err as Error).message}`);
  }
}

/** Progress and timings on stderr, shown only once a run has taken more than a second. */
export class ProgressLog {
  private readonly started = performance.now();
  private lastPhase = '';
  private phaseStarted = performance.now();
  private readonly pending: string[] = [];
  private shown = false;

  constructor(private readonly quiet = false) {}

  private emit(line: string): void {
    if (this.quiet) return;
    const elapsed = performance.now() - this.started;
    if (!this.shown && elapsed < 1000) {
      this.pending.push(line);
      return;
    }
    if (!this.shown) {
      this.shown = true;
      for (const p of this.pending) process.stderr.write(p);
    }
    process.stderr.write(line);
  }

  phase(name: string, fraction?: number): void {
    const now = performance.now();
    const t = ((now - this.started) / 1000).toFixed(2);
    if (name !== this.lastPhase) {
      if (this.lastPhase) this.emit(`[${t}s] ${this.lastPhase} done in ${((now - this.phaseStarted) / 1000).toFixed(2)}s\n`);
      this.lastPhase = name;
      this.phaseStarted = now;
      this.emit(`[${t}s] ${name}…\n`);
    } else if (fraction !== undefined && fraction > 0 && fraction < 1) {
      this.emit(`[${t}s] ${name} ${(fraction * 100).toFixed(0)}%\n`);
    }
  }

  done(summary: string): void {
    const now = performance.now();
    if (this.lastPhase) this.emit(`[${((now - this.started) / 1000).toFixed(2)}s] ${this.lastPhase} done in ${((now - this.phaseStarted) / 1000).toFixed(2)}s\n`);
    this.emit(`[${((now - this.started) / 1000).toFixed(2)}s] ${say(summary)}\n`);
  }
}
