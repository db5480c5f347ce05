// A tiny static server for the page: `node examples/browser/serve.mjs [port]`, then open the URL it
// prints (module scripts do not load from file://). It serves index.html and dist/ only, gzipped
// when the browser accepts it, and counts the bytes it sends: the page's transfer size.
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const folder = fileURLToPath(new URL('.', import.meta.url));
const FILES = { '/': ['index.html', 'text/html; charset=utf-8'], '/index.html': ['index.html', 'text/html; charset=utf-8'], '/dist/main.js': ['dist/main.js', 'text/javascript; charset=utf-8'] };

/**
 * Serves the page on 127.0.0.1 (port 0: any free port). `sent` lists every response: its path,
 * status and body bytes as sent (gzipped or not).
 */
export function servePage(port = 0) {
  const sent = [];
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = FILES[path];
    let body;
    try {
      body = file ? readFileSync(join(folder, file[0])) : null;
    } catch {
      body = null; // dist/main.js before `node examples/browser/build.mjs`
    }
    if (!file || !body) {
      const text = Buffer.from(file ? 'Not built yet: run node examples/browser/build.mjs\n' : 'Not found\n');
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'content-length': text.length });
      response.end(text);
      sent.push({ path, status: 404, bytes: text.length, gzip: false });
      return;
    }
    const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const payload = gzip ? gzipSync(body, { level: 9 }) : body;
    response.writeHead(200, {
      'content-type': file[1],
      'content-length': payload.length,
      'cache-control': 'no-store',
      ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
    });
    response.end(payload);
    sent.push({ path, status: 200, bytes: payload.length, gzip });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolve({ url: `http://127.0.0.1:${actual}/`, sent, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { url } = await servePage(Number(process.argv[2] ?? 8080));
  console.log(`Serving examples/browser on ${url} (Ctrl+C to stop); try ${url}?now=2026-11-25T10:30:00%2B07:00`);
}
