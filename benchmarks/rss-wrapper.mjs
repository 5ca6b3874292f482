// Runs a Node script in this process and, on exit, writes this process's peak RSS (KiB) to a file:
// the fallback for measuring a child's peak memory where /usr/bin/time is missing.
// Usage: node benchmarks/rss-wrapper.mjs <rss-out-file> <script.js> [args...]
import { writeFileSync } from 'node:fs';
import process from 'node:process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [, , rssFile, script, ...args] = process.argv;
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', () => writeFileSync(rssFile, `${process.resourceUsage().maxRSS}\n`));
await import(pathToFileURL(resolve(script)).href);
