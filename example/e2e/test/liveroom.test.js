'use strict';
// The example page's live room in Debian's headless Chromium against the REAL example jar: two
// windows (two browser contexts, so each has its own storage), alice and bob, join room 42 and chat;
// each sees both lines exactly once.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { startExampleServer, sleep } = require('../support/example-server');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SCREENSHOTS = path.resolve(__dirname, '..', 'target');
const SEEN_WITHIN_MS = 5000;

let server;
let browser;

test.before(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: the browser test needs Debian's Chromium. ` +
      'Install it with "apt-get install -y chromium" (CI\'s .ci/run does), or set CHROMIUM_PATH.');
  }
  server = await startExampleServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync']
  });
});

test.after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

/** A window of its own (own localStorage), the page open as `user` in room 42. */
async function openWindow(t, user, query = '') {
  const context = await browser.newContext({ viewport: { width: 1100, height: 1000 } });
  t.after(() => context.close());
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.goto(server.url + '?user=' + user + query);
  return { page, problems };
}

const linesSaying = (page, text) => page.locator('#live-lines li .text').filter({ hasText: text });

async function say(page, text) {
  await page.fill('#live-text', text);
  await page.click('#live-send');
}

test('two windows in live room 42_chat, and each sees the other\'s line exactly once', async (t) => {
  const alice = await openWindow(t, 'alice', '&room=42');
  const bob = await openWindow(t, 'bob', '&room=42');
  for (const { page } of [alice, bob]) {
    await page.locator('#live-status').filter({ hasText: 'joined live:42' }).waitFor({ timeout: SEEN_WITHIN_MS });
    await page.locator('#log li').filter({ hasText: 'HTTP 200' }).first().waitFor({ timeout: SEEN_WITHIN_MS });
    assert.equal(await page.isDisabled('#live-send'), false, 'a demo user may say something');
  }

  const saidAt = Date.now();
  await say(alice.page, 'hello from alice · 你好');
  await alice.page.locator('#live-status').filter({ hasText: 'said #' }).waitFor({ timeout: SEEN_WITHIN_MS });
  const answeredAt = Date.now();
  await linesSaying(bob.page, 'hello from alice · 你好').waitFor({ timeout: SEEN_WITHIN_MS });
  t.diagnostic(`alice types and says -> on bob's screen: ${Date.now() - saidAt} ms; ` +
    `from the publish's answer on alice's page: ${Date.now() - answeredAt} ms (long-poll)`);
  await say(bob.page, 'hi alice, bob here');
  await linesSaying(alice.page, 'hi alice, bob here').waitFor({ timeout: SEEN_WITHIN_MS });
  await linesSaying(alice.page, 'hello from alice · 你好').waitFor({ timeout: SEEN_WITHIN_MS });
  await linesSaying(bob.page, 'hi alice, bob here').waitFor({ timeout: SEEN_WITHIN_MS });

  await sleep(2500); // a few more polls (and long-poll rounds): nothing repeats
  for (const { page } of [alice, bob]) {
    assert.equal(await linesSaying(page, 'hello from alice · 你好').count(), 1);
    assert.equal(await linesSaying(page, 'hi alice, bob here').count(), 1);
    assert.equal(await page.locator('#messages li:not(.empty)').count(), 0, 'room lines are not personal messages');
  }
  assert.match(await alice.page.locator('#live-status').textContent(), /said #\S+ to live:42/);

  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await bob.page.screenshot({ path: path.join(SCREENSHOTS, 'example-page-live-room.png'), fullPage: true });
  assert.deepEqual(alice.problems, []);
  assert.deepEqual(bob.problems, []);
});

test('two windows of one browser_keep their cursors apart, and a reload does not replay the room', async (t) => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 1000 } }); // one profile: one localStorage
  t.after(() => context.close());
  const problems = [];
  const open = async (user) => {
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(server.url + '?user=' + user + '&room=7');
    await page.locator('#log li').filter({ hasText: 'HTTP 200' }).first().waitFor({ timeout: SEEN_WITHIN_MS });
    return page;
  };
  const alice = await open('alice');
  const bob = await open('bob');
  await say(alice, 'before the reload');
  await linesSaying(bob, 'before the reload').waitFor({ timeout: SEEN_WITHIN_MS });
  await sleep(1500); // bob's next poll acknowledges the line
  await bob.reload();
  await bob.locator('#log li').filter({ hasText: 'HTTP 200' }).first().waitFor({ timeout: SEEN_WITHIN_MS });
  await say(alice, 'after the reload');
  await linesSaying(bob, 'after the reload').waitFor({ timeout: SEEN_WITHIN_MS });
  await sleep(1500);
  assert.equal(await linesSaying(bob, 'before the reload').count(), 0, 'not shown again after the reload');
  assert.equal(await linesSaying(bob, 'after the reload').count(), 1);
  assert.equal(await linesSaying(alice, 'before the reload').count(), 1);
  assert.equal(await linesSaying(alice, 'after the reload').count(), 1);
  assert.deepEqual(problems, []);
});

test('a window that joins after the Join button_gets the lines said from then on; leaving stops them', async (t) => {
  const carol = await openWindow(t, 'carol', '&interval=1000&longpoll=0');
  assert.equal(await carol.page.isDisabled('#live-send'), true, 'not joined: nothing to say to');
  await carol.page.click('#live-join');
  await carol.page.locator('#live-status').filter({ hasText: 'joined live:42' }).waitFor({ timeout: SEEN_WITHIN_MS });
  await say(carol.page, 'carol polls every second');
  await linesSaying(carol.page, 'carol polls every second').waitFor({ timeout: SEEN_WITHIN_MS });
  await carol.page.click('#live-join'); // Leave
  assert.equal(await carol.page.locator('#live-lines li.empty').count(), 1);
  assert.deepEqual(carol.problems, []);
});
