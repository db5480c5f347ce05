#!/usr/bin/env node
import { run } from './run.js';

const color = Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined;
process.exitCode = run(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  color,
  progress: Boolean(process.stderr.isTTY),
});
