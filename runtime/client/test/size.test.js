// The size budget of the core (index.js and everything it imports, all adapters included):
// at most 6 KB minified and gzipped, measured as shipped (private `_` names shortened, as build.js
// does for every build) with esbuild --minify and zlib level 9.
import test from 'node:test';
import assert from 'node:assert/strict';
import { coreSize } from '../build.js';

const BUDGET = 6 * 1024;

test('the core_fits 6 KB min+gzip', async (t) => {
  const { minified, gzipped } = await coreSize();
  t.diagnostic(`core: ${minified} B minified, ${gzipped} B min+gzip (budget ${BUDGET} B)`);
  assert.ok(gzipped <= BUDGET, `the core is ${gzipped} B min+gzip, over the ${BUDGET} B budget`);
});
