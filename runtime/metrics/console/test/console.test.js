'use strict';
// The operator console in real headless Chromium, against a real server and its management listener
// started by ConsoleBrowserTest (Java). That test passes in: CONSOLE_URL (the management listener),
// ADMIN_TOKEN, APP_URL (the poll endpoint), SCREENSHOT (where to save a picture of the live console).
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const CONSOLE_URL = required('CONSOLE_URL');
const ADMIN_TOKEN = required('ADMIN_TOKEN');
const APP_URL = required('APP_URL');
const SCREENSHOT = process.env.SCREENSHOT;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

let context;
let userDataDir;
let polling = true;
let pollers = [];

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this through ConsoleBrowserTest (mvn -pl runtime/metrics verify)`);
  return value;
}

// a poll as `user`: the envelope ({code, msg, data, messages, cursor})
async function pollEnvelope(user, cursor) {
  const url = new URL(APP_URL);
  if (user) url.searchParams.set('access_token', user);
  if (cursor) url.searchParams.set('cursor', cursor);
  const response = await fetch(url);
  assert.equal(response.status, 200, `a poll as ${user} was answered ${response.status}`);
  return response.json();
}

// the data keys of a poll as `user`
async function poll(user) {
  return (await pollEnvelope(user)).data;
}

async function eventually(what, check, timeoutMs = 15000) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    try {
      last = await check();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`${what} did not happen within ${timeoutMs} ms (last: ${last})`);
}

before(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'appmessage-console-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 1000 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // two users polling every 100 ms, as clients would (faster than 5 s, so rates show in seconds)
  for (const user of ['user-alice', 'user-bob']) {
    pollers.push((async () => {
      while (polling) {
        await poll(user).catch(() => {});
        await new Promise((r) => setTimeout(r, 100));
      }
    })());
  }
});

after(async () => {
  polling = false;
  await Promise.all(pollers);
  if (context) await context.close();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

test('without the token the console answers 401 and nothing else', async () => {
  for (const url of [`${CONSOLE_URL}/console`, `${CONSOLE_URL}/console?token=not-the-token-at-all`,
    `${CONSOLE_URL}/console/state`]) {
    const response = await context.request.get(url);
    assert.equal(response.status(), 401, url);
    assert.equal(await response.text(), '', url);
  }
  // the browser shows nothing: an empty 401 is a failed navigation, no page is rendered
  const page = await context.newPage();
  await assert.rejects(page.goto(`${CONSOLE_URL}/console`), /ERR_HTTP_RESPONSE_CODE_FAILURE|ERR_INVALID_RESPONSE/);
  assert.equal(await page.locator('#status').count(), 0);
  await page.close();
});

test('with the token the console loads, goes live and its figures move while clients poll', async () => {
  const page = await context.newPage();
  const failedRequests = [];
  page.on('requestfailed', (request) => failedRequests.push(request.url()));
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const response = await page.goto(`${CONSOLE_URL}/console?token=${encodeURIComponent(ADMIN_TOKEN)}`);
  assert.equal(response.status(), 200);
  assert.equal(new URL(page.url()).search, '', 'the token is taken out of the address bar');

  await eventually('the console going live', async () => (await page.textContent('#status')).startsWith('live'));
  await eventually('polls/s above zero', async () => Number(await page.textContent('#polls-rate')) > 0);
  await eventually('two users online', async () => Number(await page.textContent('#online')) === 2);
  await eventually('the flaky handler listed with failures', async () => {
    const row = await page.$('#handlers tbody tr:has-text("flaky")');
    return row && Number(await row.$eval('td:nth-child(5)', (td) => td.textContent)) > 0;
  });
  const lastError = await page.textContent('#handlers tbody tr:has-text("flaky") td.last-error');
  assert.equal(lastError, 'java.lang.IllegalStateException: inventory service down (thrown on purpose by the test app)',
    'the handler table shows the last error, one line and no stack trace');
  assert.ok(Number(await page.textContent('#polls-total')) > 0);
  assert.match(await page.textContent('#settings'), /pollDeadline=2000 ms/, 'the node\'s settings');
  assert.equal(await page.locator('#chart-polls canvas').count(), 1, 'the polls chart is drawn by uPlot');
  await page.waitForTimeout(3000); // let the charts gather a few points for the picture
  if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT, fullPage: true });
  assert.deepEqual(errors, []);
  assert.deepEqual(failedRequests, []);
  await page.close();
});

test('switching the wxapp plugin off removes its keys from the next poll, and on brings them back', async () => {
  const page = await context.newPage();
  await page.goto(`${CONSOLE_URL}/console?token=${encodeURIComponent(ADMIN_TOKEN)}`);
  const wxapp = page.locator('input.plugin-switch[data-plugin="wxapp"]');
  await wxapp.waitFor();
  assert.ok(await wxapp.isChecked());
  assert.ok('plugin_wxapp_test' in await poll('user-carol'));

  await wxapp.uncheck();
  await eventually('the poll without the plugin\'s key', async () => !('plugin_wxapp_test' in await poll('user-carol')));
  assert.ok('shop_status' in await poll('user-carol'), 'the app\'s own handlers still run');

  await page.locator('input.plugin-switch[data-plugin="wxapp"]').check();
  await eventually('the plugin\'s key back', async () => 'plugin_wxapp_test' in await poll('user-carol'));
  await page.close();
});

test('a test message sent from the console reaches that user\'s poll', async () => {
  const page = await context.newPage();
  await page.goto(`${CONSOLE_URL}/console?token=${encodeURIComponent(ADMIN_TOKEN)}`);
  await page.fill('#send-user', 'user-dave');
  await page.fill('#send-key', 'console_test');
  await page.fill('#send-json', '{"hello":"from the console"}');
  await page.click('#send-button');
  await eventually('the send confirmed', async () => (await page.textContent('#send-result')).startsWith('sent: message'));

  const envelope = await pollEnvelope('user-dave');
  const message = (envelope.messages || []).find((m) => m.key === 'console_test');
  assert.ok(message, `user-dave's poll carries the message: ${JSON.stringify(envelope)}`);
  assert.deepEqual(message.data, { hello: 'from the console' });
  await page.close();
});
