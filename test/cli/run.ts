import { vi } from 'vitest';
import { main } from '../../src/cli/main.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI's `main` in-process with stdout and stderr captured, in English (LANG=en_US.UTF-8) as most tests read it. */
export function ovola(...args: string[]): Promise<Run> {
  return ovolaIn({ ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' }, ...args);
}

/** Runs the CLI's `main` in-process under `env` (its LANG decides the language), stdout and stderr captured. */
export async function ovolaIn(env: Record<string, string | undefined>, ...args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const capture = (append: (s: string) => void) =>
    ((chunk: string | Uint8Array) => {
      append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }) as typeof process.stdout.write;
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture((s) => (stdout += s)));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture((s) => (stderr += s)));
  try {
    return { code: await main(args, env), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
