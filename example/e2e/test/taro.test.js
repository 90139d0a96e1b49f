'use strict';
// The Taro (Vue 3) demo page (example/taro), built for H5 by Taro's own toolchain (webpack 5), in
// headless Chromium against the REAL example jar: appmessage-client gets `Taro` and polls through
// Taro.request (on H5 Taro's own fetch-based implementation), and the useAppMessage /
// useAppMessages / useTopic refs show what arrives.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { startExampleServer, sendDemoMessage, sayInLiveRoom } = require('../support/example-server');
const { serveWithApi } = require('../support/static-proxy');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const H5 = path.resolve(__dirname, '..', '..', 'taro', 'dist', 'h5');
const SEEN_WITHIN_MS = 5000;

let server;
let site;
let context;
let userDataDir;
const outsideRequests = [];

test.before(async () => {
  if (!fs.existsSync(path.join(H5, 'index.html'))) {
    throw new Error(`${H5} is missing: build it with "npm ci && npm run build:h5" in example/taro (mvn verify does)`);
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium, or set CHROMIUM_PATH`);
  server = await startExampleServer();
  site = await serveWithApi(H5, server.url);
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'appmessage-chromium-taro-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync']
  });
  // The page is served from loopback; anything it asks of another host would fail as a console error
  // on a machine without outside DNS, so such a request fails the test by name instead.
  await context.route((url) => !['127.0.0.1', 'localhost'].includes(url.hostname), (route) => {
    outsideRequests.push(route.request().url());
    return route.abort();
  });
});

test.after(async () => {
  assert.deepEqual(outsideRequests, [], 'the page asked hosts other than loopback');
  if (context) await context.close();
  if (site) await site.close();
  if (server) await server.stop();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

async function openPage(t, query) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  t.after(() => page.close());
  await page.goto(site.url + '#/pages/index/index?' + query);
  return { page, problems };
}

test('Taro H5 page_polls through Taro.request and shows useAppMessage values', async (t) => {
  const { page, problems } = await openPage(t, 'user=alice&interval=1000');
  await page.locator('#test-msg').filter({ hasText: 'test_msg: 测试消息' }).waitFor({ timeout: SEEN_WITHIN_MS });
  await page.locator('#order').filter({ hasText: 'A-1001 shipped' }).waitFor({ timeout: SEEN_WITHIN_MS });
  assert.equal(await page.locator('#platform').textContent(), 'platform: taro');
  assert.deepEqual(problems, []);
});

test('Taro H5 page_lists a targeted message once, delivered through a held long-poll', async (t) => {
  const { page, problems } = await openPage(t, 'user=bob&longpoll=1');
  await page.locator('#test-msg').filter({ hasText: '测试消息' }).waitFor({ timeout: SEEN_WITHIN_MS });
  const text = `Taro hello ${Date.now()}`;
  assert.equal((await sendDemoMessage(server, 'demo-carol', 'bob', text)).status, 200);
  await page.locator('.message').filter({ hasText: text }).waitFor({ timeout: SEEN_WITHIN_MS });
  await page.waitForTimeout(1500); // later polls re-send nothing already delivered
  assert.equal(await page.locator('.message').filter({ hasText: text }).count(), 1);
  assert.deepEqual(problems, []);
});

test('Taro H5 page_subscribes to live:42 with useTopic and lists a line said there once', async (t) => {
  const { page, problems } = await openPage(t, 'user=carol&longpoll=1');
  await page.locator('#test-msg').filter({ hasText: '测试消息' }).waitFor({ timeout: SEEN_WITHIN_MS });
  const text = `Taro room line ${Date.now()}`;
  assert.equal((await sayInLiveRoom(server, 'demo-alice', '42', text)).status, 200);
  await page.locator('#room .line').filter({ hasText: text }).waitFor({ timeout: SEEN_WITHIN_MS });
  await page.waitForTimeout(1500); // later polls re-send nothing already delivered
  assert.equal(await page.locator('#room .line').filter({ hasText: text }).count(), 1);
  assert.equal(await page.locator('.message').filter({ hasText: text }).count(), 0, 'a room line is no personal message');
  assert.deepEqual(problems, []);
});

test('Taro H5 page on another origin_polls the server directly once CORS allows its origin', async (t) => {
  // the page's own origin serves only files; the poll goes to a second server, across origins
  const pageOnly = await serveWithApi(H5, 'http://127.0.0.1:9/');
  t.after(() => pageOnly.close());
  const origin = new URL(pageOnly.url).origin;
  const direct = await startExampleServer({ APPMESSAGE_CORS_ALLOWED_ORIGINS: origin });
  t.after(() => direct.stop());
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  t.after(() => page.close());
  await page.goto(pageOnly.url + '#/pages/index/index?user=alice&interval=1000&api=' + encodeURIComponent(new URL(direct.url).origin));
  await page.locator('#order').filter({ hasText: 'A-1001 shipped' }).waitFor({ timeout: SEEN_WITHIN_MS });
  assert.deepEqual(problems, []);
});
