// The TypeScript declarations: they type-check (with miniprogram-api-typings for a native WeChat
// app, with Vue's types for the composables), and they declare exactly what the package exports.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as core from '../src/index.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

function tsc(project) {
  const run = spawnSync(process.execPath, [TSC, '-p', project], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, `tsc -p ${project} failed:\n${run.stdout}${run.stderr}`);
}

test('tsc --noEmit_accepts the native WeChat usage with miniprogram-api-typings', () => {
  tsc('types-test/tsconfig.json');
});

test('tsc --noEmit_accepts the Vue composables usage', () => {
  tsc('types-test/tsconfig.vue.json');
});

function declaredNames(file) {
  const text = fs.readFileSync(path.join(ROOT, 'types', file), 'utf8');
  return [...text.matchAll(/^export declare (?:function|class|const) (\w+)/gm)].map((m) => m[1]);
}

test('index.d.ts_declares every value the package exports, and nothing else', () => {
  assert.deepEqual([...new Set(declaredNames('index.d.ts'))].sort(), Object.keys(core).sort());
});

test('vue.d.ts_declares every value appmessage-client/vue exports', async () => {
  const vue = await import('../src/vue.js');
  assert.deepEqual([...new Set(declaredNames('vue.d.ts'))].sort(), Object.keys(vue).sort());
});
