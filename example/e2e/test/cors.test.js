'use strict';
// A page on one loopback origin polls the real example jar on another, in Debian's headless Chromium:
// with the page's origin allowed (APPMESSAGE_CORS_ALLOWED_ORIGINS) the poll, with its X-Access-Token
// header, goes through; with it not allowed, the browser blocks the answer, as seen from the page.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { startExampleServer } = require('../support/example-server');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// What an H5 build does: fetch the poll URL with the token header, show the envelope or the failure.
const PAGE = `<!doctype html><meta charset="utf-8"><title>cross-origin poll</title>
<pre id="out">pending</pre>
<script>
  const target = new URLSearchParams(location.search).get('poll');
  fetch(target, { headers: { 'X-Access-Token': 'demo-alice' } })
    .then((r) => r.json().then((body) => ({ status: r.status, cache: r.headers.get('Cache-Control'), body })))
    .then((answer) => { document.getElementById('out').textContent = 'ok ' + JSON.stringify(answer); })
    .catch((error) => { document.getElementById('out').textContent = 'blocked ' + error.name; });
</script>`;

let pageServer;
let pageOrigin;
let context;
let userDataDir;

test.before(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install Debian's chromium (CI's .ci/run does), or set CHROMIUM_PATH.`);
  }
  pageServer = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  });
  await new Promise((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
  pageOrigin = `http://127.0.0.1:${pageServer.address().port}`;
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'appmessage-chromium-cors-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync']
  });
});

test.after(async () => {
  if (context) await context.close();
  if (pageServer) await new Promise((resolve) => pageServer.close(resolve));
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

async function pollFromOtherOrigin(t, server) {
  const page = await context.newPage();
  t.after(() => page.close());
  await page.goto(`${pageOrigin}/?poll=${encodeURIComponent(server.pollUrl)}`);
  await page.locator('#out').filter({ hasNotText: 'pending' }).waitFor({ timeout: 10000 });
  return page.locator('#out').textContent();
}

test('origin allowed_the page polls across origins with the token header and sees alice\'s order', async (t) => {
  const server = await startExampleServer({ APPMESSAGE_CORS_ALLOWED_ORIGINS: pageOrigin });
  t.after(() => server.stop());
  const text = await pollFromOtherOrigin(t, server);
  assert.match(text, /^ok /, text);
  const answer = JSON.parse(text.slice(3));
  assert.equal(answer.status, 200);
  assert.equal(answer.cache, 'no-store');
  assert.equal(answer.body.data.test_msg, '测试消息');
  assert.match(JSON.stringify(answer.body.data.order_status), /A-1001/, 'the token header reached the server');
});

test('origin not allowed_the browser blocks the answer', async (t) => {
  const server = await startExampleServer({ APPMESSAGE_CORS_ALLOWED_ORIGINS: 'https://shop.example' });
  t.after(() => server.stop());
  const text = await pollFromOtherOrigin(t, server);
  assert.equal(text, 'blocked TypeError');
});
