// Bundles the page's program (main.js) for browsers: `node examples/browser/build.mjs`, after
// `npm run build` (the page imports the built package, dist/, through its own exports map).
// Writes examples/browser/dist/main.js and prints its size, raw and gzipped.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const folder = fileURLToPath(new URL('.', import.meta.url));
const outfile = join(folder, 'dist', 'main.js');

await build({
  entryPoints: [join(folder, 'main.js')],
  outfile,
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  legalComments: 'none',
  logLevel: 'warning',
  // tsup's entry files import their chunks bare (`import './chunk-X.js'`) for evaluation order;
  // the package declares no side effects, so esbuild rightly drops those imports: no warning.
  logOverride: { 'ignored-bare-import': 'silent' },
  // The bundle is generated code; the repository's lint has nothing to say about it.
  banner: { js: '/* eslint-disable */' },
});

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const js = readFileSync(outfile);
const html = readFileSync(join(folder, 'index.html'));
const jsGzip = gzipSync(js, { level: 9 }).length;
const htmlGzip = gzipSync(html, { level: 9 }).length;
console.log(`examples/browser/dist/main.js: ${kb(js.length)} raw, ${kb(jsGzip)} gzipped`);
console.log(`page (index.html + main.js): ${kb(js.length + html.length)} raw, ${kb(jsGzip + htmlGzip)} gzipped`);
