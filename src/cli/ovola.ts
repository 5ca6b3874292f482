#!/usr/bin/env node
import { main } from './main.js';

const code = main(process.argv.slice(2));
if (typeof code === 'number') process.exitCode = code;
else code.then((c) => (process.exitCode = c));
