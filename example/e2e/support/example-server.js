'use strict';
// Starts the REAL example app (the shaded jar Maven builds) as a child process on a free loopback
// port, and stops it. The app prints "AppMessage example listening on http://host:port/" once it
// listens (ExampleApp.LISTENING); that line is how we learn the port it bound for PORT=0.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const JAR = process.env.APPMESSAGE_EXAMPLE_JAR ||
  path.resolve(__dirname, '..', '..', 'app', 'target', 'appmessage-example.jar');
const JAVA = process.env.JAVA_BIN || (process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java');
const LISTENING = /AppMessage example listening on (http:\/\/[^\s/]+:(\d+)\/)/;
const START_TIMEOUT_MS = 30000;

/**
 * @param {object} [env] extra environment, e.g. { APPMESSAGE_DISABLED_PLUGINS: 'wxapp' }
 * @returns {Promise<{url: string, pollUrl: string, output: () => string, stop: () => Promise<void>}>}
 *   url: the page (http://127.0.0.1:PORT/); pollUrl: the poll endpoint
 */
async function startExampleServer(env = {}) {
  if (!fs.existsSync(JAR)) {
    throw new Error(`${JAR} is missing: build it first with "mvn -B -q package -DskipTests" at the repository root`);
  }
  const child = spawn(JAVA, ['-jar', JAR], {
    env: { ...process.env, PORT: '0', APPMESSAGE_HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`the example did not print its port within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    function fail(error) {
      clearTimeout(timer);
      child.kill('SIGKILL');
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
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM'); // the app's shutdown hook closes gracefully
      const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
      await exited;
      clearTimeout(timer);
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

module.exports = { startExampleServer, waitFor, sleep, JAR };
