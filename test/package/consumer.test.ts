import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM helper shared with tsup and typedoc
import { moduleNames } from '../../scripts/modules.mjs';

// A TypeScript project that depends on the packed package, compiled under each moduleResolution a
// user may have: node10 (which ignores "exports" and reads "typesVersions"), node16 from CommonJS
// and from ESM, and bundler. Every run-time export of the root and of every subpath must have a type
// (an untyped `any` fails), and each setting must read exactly the declarations it read before
// "typesVersions" existed. Requires `npm run build` first (npm run test:package does it).

const root = resolve(__dirname, '../..');
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const entries: string[] = ['index', ...(moduleNames() as string[])];
const specifier = (entry: string) => (entry === 'index' ? 'support-rules' : `support-rules/${entry}`);
const scratch = mkdtempSync(join(tmpdir(), 'support-rules-consumer-'));

/** One line per run-time export: its declared type must exist and must not be `any`. */
function consumer(style: 'import' | 'require'): string {
  const load = createRequire(join(root, 'package.json'));
  const lines = ['type Typed<T> = 0 extends 1 & T ? never : T;'];
  for (const entry of entries) {
    const local = `m_${entry}`;
    lines.push(style === 'import' ? `import * as ${local} from '${specifier(entry)}';` : `import ${local} = require('${specifier(entry)}');`);
    for (const name of Object.keys(load(join(root, 'dist', `${entry}.cjs`)))) {
      lines.push(`export const ${local}_${name}: Typed<typeof ${local}.${name}> = ${local}.${name};`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A project folder with its tsconfig and sources. */
function project(name: string, options: Record<string, string>, files: Record<string, string>): string {
  const dir = join(scratch, name);
  mkdirSync(dir);
  // skipLibCheck as `tsc --init` sets it: checking zod's declarations would take 8 s a run (and
  // under node10 fails on zod's own default imports). A declaration of ours that does not resolve
  // still fails here, as an `any` export, and attw checks their internal imports in every mode.
  const compilerOptions = { ...options, target: 'es2022', strict: true, skipLibCheck: true, noEmit: true, types: [] };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: Object.keys(files) }));
  for (const [file, source] of Object.entries(files)) writeFileSync(join(dir, file), source);
  return dir;
}

interface Compiled {
  readonly status: number | null;
  readonly output: string;
  /** The package's entry declarations the compiler read, e.g. `calendar.d.cts`. */
  readonly declarations: string[];
}
const compile = (dir: string) =>
  new Promise<Compiled>((done) => {
    execFile(process.execPath, [tsc, '-p', dir, '--listFiles'], { encoding: 'utf8', maxBuffer: 1 << 26 }, (error, stdout) => {
      const status = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      const dist = `${join(scratch, 'node_modules/support-rules/dist')}/`;
      const declarations = stdout
        .split('\n')
        .filter((line) => line.startsWith(dist))
        .map((line) => line.slice(dist.length))
        .filter((file) => entries.some((entry) => file === `${entry}.d.ts` || file === `${entry}.d.cts`))
        .sort();
      done({ status, output: stdout, declarations });
    });
  });
const declarations = (...extensions: string[]) => entries.flatMap((entry) => extensions.map((extension) => `${entry}${extension}`)).sort();

beforeAll(() => {
  // Packed as npm publishes it, so only what "files" lists reaches the consumer.
  const [{ filename }] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], { cwd: root, encoding: 'utf8' }));
  execFileSync('tar', ['-xzf', join(scratch, filename), '-C', scratch]);
  mkdirSync(join(scratch, 'node_modules'));
  renameSync(join(scratch, 'package'), join(scratch, 'node_modules/support-rules'));
  for (const dependency of Object.keys(pkg.dependencies)) {
    mkdirSync(dirname(join(scratch, 'node_modules', dependency)), { recursive: true });
    symlinkSync(join(root, 'node_modules', dependency), join(scratch, 'node_modules', dependency), 'dir');
  }
  // No "type": a .ts file is CommonJS under node16, an .mts file ESM.
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
});

describe.concurrent('a TypeScript consumer of the packed package', () => {
  it('compiles under moduleResolution node10, with import and with import = require, on the CommonJS types', async () => {
    const run = await compile(project('node10', { module: 'commonjs', moduleResolution: 'node10' }, { 'import.ts': consumer('import'), 'require.ts': consumer('require') }));
    expect(run.status, run.output).toBe(0);
    expect(run.declarations).toEqual(declarations('.d.cts'));
  });

  it('compiles under moduleResolution node16, a CommonJS .ts file on the CommonJS types and an ESM .mts file on the ESM types', async () => {
    const run = await compile(project('node16', { module: 'node16', moduleResolution: 'node16' }, { 'cjs.ts': consumer('import'), 'esm.mts': consumer('import') }));
    expect(run.status, run.output).toBe(0);
    expect(run.declarations).toEqual(declarations('.d.cts', '.d.ts'));
  });

  it('compiles under moduleResolution bundler on the ESM types', async () => {
    const run = await compile(project('bundler', { module: 'esnext', moduleResolution: 'bundler' }, { 'index.ts': consumer('import') }));
    expect(run.status, run.output).toBe(0);
    expect(run.declarations).toEqual(declarations('.d.ts'));
  });
});
