// The fixture server: LinkedIn-shaped URLs on 127.0.0.1, LinkedIn-strict CSP, and a record of
// everything the browsers asked for, so a test can prove the extension told the site nothing.
//
//   const server = await startServer();   // server.origin = 'http://127.0.0.1:<port>'
//   server.requests      every request: { method, path, query, dest, mode, origin, referer, status }
//   server.cspReports    every body POSTed to /csp-report, parsed
//   server.unexpected()  requests that a fixture page does not make by itself
//   server.browserOwn()  the browsers' housekeeping requests, which reached it as their proxy
//   await server.close();
//
// Node's standard library only: the suite must not need anything the project doesn't ship.

import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

// LinkedIn's own policy has no 'unsafe-eval' and no 'wasm-unsafe-eval': a content script that
// tries to compile wasm in Chromium is refused, and the site receives a report naming the
// extension. The fixture pages keep every script in a file so that they need no exception.
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  'report-uri /csp-report',
].join('; ');

// URL shapes as on LinkedIn, because the extension may read meaning from the path
// ("/in/…" is one person's profile, "/sales/lead/…" a Sales Navigator lead).
const ROUTES = [
  // Era B and era C profiles share URLs on LinkedIn; `?ui=c` picks the newer dialog here.
  { pattern: /^\/in\/[a-z0-9-]+\/?$/, page: (q) => (q.get('ui') === 'c' ? 'profile-c.html' : 'profile-b.html') },
  { pattern: /^\/sales\/people\/[A-Za-z0-9_,-]+\/?$/, page: () => 'sales-old.html' },
  { pattern: /^\/sales\/lead\/[A-Za-z0-9_,-]+\/?$/, page: () => 'sales-new.html' },
  { pattern: /^\/feed\/?$/, page: () => 'control.html' },
  { pattern: /^\/csp-selftest\/?$/, page: () => 'csp-selftest.html' },
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ico': 'image/x-icon',
};

// What a browser fetches by itself for each kind of file (the Sec-Fetch-Dest header).
const DEST = { '.html': 'document', '.js': 'script', '.css': 'style', '.ico': 'image' };

// The browsers' own housekeeping (Chromium's network-time and updater pings, Firefox's remote
// settings) still goes out through the proxy despite the offline flags; it is the browser's,
// not the extension's, and nothing the extension does needs these hosts.
const BROWSER_SERVICES = /(?:^|\.)(?:google\.com|googleapis\.com|gvt1\.com|gstatic\.com|mozilla\.com|mozilla\.net|mozilla\.org|mozaws\.net|firefox\.com)(?::\d+)?$/i;

// A 1×1 transparent .ico, so the browser's automatic favicon request is answered like a real one.
const FAVICON = Buffer.from(
  'AAABAAEAAQEAAAEAIAAwAAAAFgAAACgAAAABAAAAAgAAAAEAIAAAAAAABAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==',
  'base64',
);

function resolve(pathname, query) {
  for (const route of ROUTES) {
    if (route.pattern.test(pathname)) return { file: route.page(query), kind: '.html' };
  }
  if (pathname === '/favicon.ico') return { file: null, kind: '.ico' };
  const asset = /^\/fixtures\/([a-z0-9-]+\.(?:js|css))$/.exec(pathname);
  if (asset) return { file: asset[1], kind: path.extname(asset[1]) };
  return null;
}

function readBody(req, limit = 1 << 20) {
  return new Promise((resolveBody, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startServer() {
  const requests = [];
  const cspReports = [];

  async function handle(req, res) {
    // The browsers use this server as their HTTP(S) proxy for everything but loopback: a
    // request for any other host arrives here in absolute form (or as a CONNECT) and is logged.
    const proxied = /^[a-z][a-z0-9+.-]*:\/\//i.test(req.url);
    const url = new URL(req.url, 'http://127.0.0.1');
    const record = {
      method: req.method,
      host: proxied ? url.host : null,
      path: url.pathname,
      query: url.search,
      dest: req.headers['sec-fetch-dest'] ?? null,
      mode: req.headers['sec-fetch-mode'] ?? null,
      site: req.headers['sec-fetch-site'] ?? null,
      origin: req.headers.origin ?? null,
      referer: req.headers.referer ?? null,
      userAgent: req.headers['user-agent'] ?? null,
      status: 0,
      kind: null,
      at: Date.now(),
    };
    requests.push(record);

    const send = (status, type, body, extra = {}) => {
      record.status = status;
      res.writeHead(status, {
        'Content-Type': type,
        'Cache-Control': 'no-store',
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
        ...extra,
      });
      res.end(body);
    };

    if (proxied) {
      record.kind = 'proxied';
      return send(403, 'text/plain', 'offline');
    }

    if (url.pathname === '/csp-report') {
      if (req.method !== 'POST') return send(405, 'text/plain', 'POST only');
      const body = await readBody(req).catch(() => '');
      let parsed;
      try {
        parsed = JSON.parse(body);
      } catch {
        parsed = { unparsed: body };
      }
      cspReports.push({ at: Date.now(), contentType: req.headers['content-type'] ?? null, report: parsed });
      record.kind = 'csp-report';
      return send(204, 'text/plain', '');
    }

    const target = req.method === 'GET' || req.method === 'HEAD' ? resolve(url.pathname, url.searchParams) : null;
    if (!target) return send(404, 'text/plain; charset=utf-8', 'not found');
    record.kind = target.kind;
    if (target.kind === '.ico') return send(200, TYPES['.ico'], FAVICON);
    try {
      const body = await readFile(path.join(FIXTURES, target.file));
      return send(200, TYPES[target.kind], req.method === 'HEAD' ? '' : body);
    } catch {
      return send(404, 'text/plain; charset=utf-8', 'not found');
    }
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    });
  });
  server.on('connect', (req, socket) => {
    requests.push({
      method: 'CONNECT', host: req.url, path: null, query: '', dest: null, mode: null, site: null,
      origin: null, referer: null, userAgent: req.headers['user-agent'] ?? null, status: 403,
      kind: 'proxied', at: Date.now(),
    });
    socket.on('error', () => {});
    socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
  });
  // Keep-alive sockets would hold close() open until the browser lets go of them.
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise((ready, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ready);
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    port,
    requests,
    cspReports,
    url: (p) => origin + p,
    // A request the fixture pages make by themselves is a GET of something the server serves,
    // fetched the way a browser fetches that kind of file, from this origin or with no origin.
    // Anything else (a POST, a fetch() or XHR, a 404, a cross-origin call, a CSP report) was
    // made by someone else: on LinkedIn it would tell the site about the extension.
    unexpected() {
      return requests.filter((r) => {
        if (r.kind === 'proxied') return !BROWSER_SERVICES.test(r.host);
        if (r.method !== 'GET') return true;
        if (r.status !== 200 || !r.kind) return true;
        if (r.dest !== null && r.dest !== DEST[r.kind]) return true;
        if (r.origin !== null && r.origin !== origin) return true;
        if (r.referer !== null && !r.referer.startsWith(origin + '/')) return true;
        return false;
      });
    },
    // Requests the browsers made for themselves (see BROWSER_SERVICES).
    browserOwn() {
      return requests.filter((r) => r.kind === 'proxied' && BROWSER_SERVICES.test(r.host));
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((done) => server.close(() => done()));
    },
  };
}
