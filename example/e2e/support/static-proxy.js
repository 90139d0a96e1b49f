'use strict';
// Serves a built H5 page (a folder of static files) on a free loopback port and passes /api/*
// through to the real example server, so the page and the poll endpoint share one origin, as
// they would behind the shop's own web server (the example jar sends no CORS headers).
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml', '.json': 'application/json' };

/**
 * @param {string} root the built page, e.g. example/uniapp/dist/build/h5
 * @param {string} apiBase the example server, e.g. http://127.0.0.1:PORT/
 * @returns {Promise<{url: string, close: () => Promise<void>}>}
 */
async function serveWithApi(root, apiBase) {
  const api = new URL(apiBase);
  const server = http.createServer((req, res) => {
    if (req.url.startsWith('/api/')) {
      const upstream = http.request(
        { host: api.hostname, port: api.port, method: req.method, path: req.url, headers: { ...req.headers, host: api.host } },
        (answer) => {
          res.writeHead(answer.statusCode, answer.headers);
          answer.pipe(res);
        }
      );
      upstream.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      res.on('close', () => upstream.destroy()); // the page aborted a held poll: close it upstream too
      req.pipe(upstream);
      return;
    }
    if (req.url === '/favicon.ico') {
      res.writeHead(204); // browsers ask for one; the page has none
      res.end();
      return;
    }
    const file = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname.replace(/^\/$/, '/index.html')));
    if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      })
  };
}

module.exports = { serveWithApi };
