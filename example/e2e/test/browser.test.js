'use strict';
// The browser page (served by the real example jar at /) in Debian's headless Chromium, driven by
// playwright-core: messages arrive, and switching the demo user shows that user's order.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { startExampleServer } = require('../support/example-server');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SCREENSHOTS = path.resolve(__dirname, '..', 'target');
const SEEN_WITHIN_MS = 5000; // the first poll goes out on load; a few seconds is generous

let server;
let context;
let userDataDir;

test.before(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: the browser test needs Debian's Chromium. ` +
      'Install it with "apt-get install -y chromium" (CI\'s .ci/run does), or set CHROMIUM_PATH.');
  }
  server = await startExampleServer();
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'appmessage-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1100, height: 900 }
  });
});

test.after(async () => {
  if (context) await context.close();
  if (server) await server.stop();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

async function openPage(t) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  t.after(() => page.close());
  await page.goto(server.url + '?interval=1000');
  return { page, problems };
}

const row = (page, key) => page.locator(`#keys-body tr[data-key="${key}"] td.data`);

test('page load_shows 测试消息 and the plugin keys within a few seconds', async (t) => {
  const { page, problems } = await openPage(t);
  await row(page, 'test_msg').filter({ hasText: '测试消息' }).waitFor({ timeout: SEEN_WITHIN_MS });
  await row(page, 'plugin_wxapp_test2').filter({ hasText: '"list":["aaa","bbb","ccc"]' }).waitFor({ timeout: SEEN_WITHIN_MS });
  assert.equal(await row(page, 'order_status').count(), 0, 'anonymous: no order_status');
  assert.match(await page.locator('#log li.ok').first().textContent(), /HTTP 200/);
  assert.deepEqual(problems, []);
});

test('switching user_shows alice then bob order, and none when anonymous again', async (t) => {
  const { page, problems } = await openPage(t);
  await row(page, 'test_msg').filter({ hasText: '测试消息' }).waitFor({ timeout: SEEN_WITHIN_MS });

  await page.selectOption('#user', 'demo-alice');
  await row(page, 'order_status').filter({ hasText: 'A-1001' }).waitFor({ timeout: SEEN_WITHIN_MS });

  await page.selectOption('#user', 'demo-bob');
  await row(page, 'order_status').filter({ hasText: 'B-2002' }).waitFor({ timeout: SEEN_WITHIN_MS });
  assert.equal(await page.getByText('A-1001').count(), 0, 'alice\'s order is gone once bob polls');
  assert.match(await page.locator('#curl').textContent(), /X-Access-Token: demo-bob/);

  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'example-page-bob.png'), fullPage: true });

  // switching clears the table, and answers to the old user's poll are dropped: the next rows are anonymous
  await page.selectOption('#user', '');
  await row(page, 'test_msg').waitFor({ timeout: SEEN_WITHIN_MS });
  assert.equal(await row(page, 'order_status').count(), 0, 'anonymous again: no order_status');
  assert.deepEqual(problems, []);
});

test('bob sends to bob from the page_the message appears in his Messages list within seconds', async (t) => {
  const { page, problems } = await openPage(t);
  await page.selectOption('#user', 'demo-bob');
  await row(page, 'order_status').filter({ hasText: 'B-2002' }).waitFor({ timeout: SEEN_WITHIN_MS });
  assert.equal(await page.isChecked('#longpoll'), true, 'long-poll is on by default');

  await page.selectOption('#send-to', 'bob');
  await page.fill('#send-text', 'note to self: 买牛奶');
  const clickedAt = Date.now();
  await page.click('#send');
  const arrived = page.locator('#messages li').filter({ hasText: 'note to self: 买牛奶' });
  await arrived.waitFor({ timeout: SEEN_WITHIN_MS });
  t.diagnostic(`click Send -> shown in the Messages list: ${Date.now() - clickedAt} ms (long-poll)`);
  assert.match(await arrived.locator('.meta').textContent(), /from bob .* #1$/);
  // the held poll may bring the message before the POST's own answer reaches the page: wait for both
  await page.locator('#send-result').filter({ hasText: /sent #1 to bob/ }).waitFor({ timeout: SEEN_WITHIN_MS });
  assert.match(await page.locator('#log li').first().textContent(), /held \(wait 25 s\) · 1 message/);
  assert.equal(await arrived.count(), 1);

  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'example-page-message.png'), fullPage: true });
  assert.deepEqual(problems, []);
});

test('anonymous_cannot send, and long-poll switched off shows the interval', async (t) => {
  const { page, problems } = await openPage(t);
  assert.equal(await page.isDisabled('#send'), true);
  await page.uncheck('#longpoll');
  await page.locator('#status').filter({ hasText: 'polling every 1 s' }).waitFor({ timeout: SEEN_WITHIN_MS });
  assert.equal(await page.locator('#log li').filter({ hasText: 'long-poll off' }).count(), 1);
  assert.deepEqual(problems, []);
});
