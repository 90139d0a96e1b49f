'use strict';
// Starts the REAL example app (the shaded jar Maven builds) as a child process on a free loopback
// port, and stops it. The app prints "AppMessage example listening on http://host:port/" once it
// listens (ExampleApp.LISTENING); that line is how we learn the port it bound for PORT=0.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const JAR = process.env.APPMESSAGE_EXAMPLE_JAR ||
  path.resolve(__dirname, '..', '..', 'app', 'target', 'appmessage-example.jar');
const JAVA = process.env.JAVA_BIN || (process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java');
const LISTENING = /AppMessage example listening on (http:\/\/[^\s/]+:(\d+)\/)/;
// a Spring Boot jar starts in seconds, not milliseconds, on a loaded machine: its build raises this
const START_TIMEOUT_MS = Number(process.env.APPMESSAGE_EXAMPLE_START_TIMEOUT_MS || 30000);

/** A fresh directory for the outbox's embedded store; remove it with removeDataDir. */
function makeDataDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'appmessage-e2e-data-'));
}

function removeDataDir(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * @param {object} [env] extra environment, e.g. { APPMESSAGE_DISABLED_PLUGINS: 'wxapp' }; pass
 *   APPMESSAGE_DATA_DIR (from makeDataDir) to keep messages across a restart, else each server gets
 *   its own temporary store, removed by stop()
 * @returns {Promise<{url: string, pollUrl: string, sendUrl: string, output: () => string, stop: () => Promise<void>}>}
 *   url: the page (http://127.0.0.1:PORT/); pollUrl: the poll endpoint; sendUrl: POST /api/demo/send
 */
async function startExampleServer(env = {}) {
  if (!fs.existsSync(JAR)) {
    throw new Error(`${JAR} is missing: build it first with "mvn -B -q package -DskipTests" at the repository root`);
  }
  // never ./appmessage-data: two servers of one test run must not share (or lock) a store
  const ownDataDir = env.APPMESSAGE_DATA_DIR ? null : makeDataDir();
  const child = spawn(JAVA, ['-jar', JAR], {
    env: { ...process.env, PORT: '0', APPMESSAGE_HOST: '127.0.0.1', ...(ownDataDir ? { APPMESSAGE_DATA_DIR: ownDataDir } : {}), ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  const cleanUp = () => {
    if (ownDataDir) removeDataDir(ownDataDir);
  };
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`the example did not print its port within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    function fail(error) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      exited.then(cleanUp);
      reject(new Error(`${error.message}\n--- output of java -jar ${JAR} ---\n${output}`));
    }
    const collect = (chunk) => {
      output += chunk.toString('utf8');
      const match = LISTENING.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', fail); // java not found
    exited.then(({ code, signal }) => fail(new Error(`the example exited early (code ${code}, signal ${signal})`)));
  });
  return {
    url,
    pollUrl: url + 'api/message/index',
    sendUrl: url + 'api/demo/send',
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM'); // the app's shutdown hook closes gracefully (server, then the outbox)
        const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
        await exited;
        clearTimeout(timer);
      }
      cleanUp();
    }
  };
}

/** Resolves once `condition()` is true; rejects naming `what` after `timeoutMs`. */
async function waitFor(condition, what, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** POST /api/demo/send?to=<to> as the user of `token`; resolves to {status, body}. */
async function sendDemoMessage(server, token, to, text) {
  const response = await fetch(server.sendUrl + '?to=' + encodeURIComponent(to), {
    method: 'POST',
    headers: { 'X-Access-Token': token, 'Content-Type': 'text/plain; charset=utf-8' },
    body: text
  });
  return { status: response.status, body: await response.json() };
}

/** POST /api/live/<room> (a line to the topic live:<room>) as the user of `token`; resolves to {status, body}. */
async function sayInLiveRoom(server, token, room, text) {
  const response = await fetch(server.url + 'api/live/' + encodeURIComponent(room), {
    method: 'POST',
    headers: { ...(token ? { 'X-Access-Token': token } : {}), 'Content-Type': 'text/plain; charset=utf-8' },
    body: text
  });
  const answer = await response.text();
  try {
    return { status: response.status, body: JSON.parse(answer) };
  } catch (e) {
    return { status: response.status, body: answer }; // e.g. a server without the live room: 404, no envelope
  }
}

module.exports = { startExampleServer, sendDemoMessage, sayInLiveRoom, makeDataDir, removeDataDir, waitFor, sleep, JAR };
