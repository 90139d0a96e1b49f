// Builds dist/ from src/ (dist is build output, not in git):
//   dist/esm/*.js          ES modules, one per source file (bundlers: uni-app, Taro, Vite, webpack)
//   dist/cjs/*.js          CommonJS, one per source file (Node require, older toolchains)
//   dist/miniprogram/      one CommonJS file for WeChat DevTools' 构建 npm (package.json "miniprogram")
//   dist/browser/appmessage.js  one <script> that publishes window.AppMessage
// The per-file builds keep src/vue.js and src/index.js on one shared client.js, so the Vue
// composables see the client that createClient() made.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const SRC = path.join(ROOT, 'src');
const DIST = path.join(ROOT, 'dist');
/** Old WeChat base libraries and browsers: the sources avoid newer syntax, the helpers too. */
const TARGET = 'es2015';

export const CORE_ENTRY = path.join(SRC, 'index.js');
/**
 * Private members (named `_x`, no API: the types declare none) get short names in every build, the
 * same in each (one cache), so the per-file builds still agree with each other. It saves about 200 B
 * of the core's min+gzip; public names, JSON fields and platform APIs are never renamed.
 */
const PRIVATE_NAMES = { mangleProps: /^_/, mangleCache: {} };

export async function buildAll() {
  fs.rmSync(DIST, { recursive: true, force: true });
  const sources = fs.readdirSync(SRC).filter((f) => f.endsWith('.js')).map((f) => path.join(SRC, f));
  const common = { logLevel: 'warning', target: TARGET, charset: 'utf8', legalComments: 'none', ...PRIVATE_NAMES };
  await build({ ...common, entryPoints: sources, outdir: path.join(DIST, 'esm'), format: 'esm' });
  await build({ ...common, entryPoints: sources, outdir: path.join(DIST, 'cjs'), format: 'cjs' });
  fs.writeFileSync(path.join(DIST, 'cjs', 'package.json'), '{ "type": "commonjs" }\n');
  await build({ ...common, entryPoints: [CORE_ENTRY], bundle: true, format: 'cjs', outfile: path.join(DIST, 'miniprogram', 'index.js') });
  await build({ ...common, entryPoints: [CORE_ENTRY], bundle: true, format: 'iife', globalName: 'AppMessage', outfile: path.join(DIST, 'browser', 'appmessage.js') });
}

/** Bytes of the core (src/index.js and what it imports) as shipped, minified, and that gzipped at level 9. */
export async function coreSize() {
  const { gzipSync } = await import('node:zlib');
  const result = await build({ entryPoints: [CORE_ENTRY], bundle: true, minify: true, format: 'esm', target: TARGET, write: false, logLevel: 'warning', ...PRIVATE_NAMES });
  const bytes = result.outputFiles[0].contents;
  return { minified: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildAll();
  if (process.argv.includes('--size')) {
    const { minified, gzipped } = await coreSize();
    console.log(`core: ${minified} B minified, ${gzipped} B min+gzip`);
  }
}
