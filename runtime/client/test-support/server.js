// A real node:http server on a free loopback port, for the HTTP-level tests.
import http from 'node:http';

/**
 * @param {function(req, res, record)} handler answers each request; `record` is what the test sees
 * @returns {Promise<{url, requests, close}>} url of /api/message/index
 */
async function startServer(handler) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const record = {
      at: Date.now(),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      closedEarly: false
    };
    requests.push(record);
    res.on('close', () => {
      record.closedEarly = !res.writableFinished;
    });
    handler(req, res, record);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/api/message/index`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      })
  };
}

function sendJson(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** Waits until `predicate()` is true, checking every 10 ms; fails after `timeoutMs`. */
async function waitFor(predicate, what, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for ' + what);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export { startServer, sendJson, waitFor };
