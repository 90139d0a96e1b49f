// Every platform adapter against its platform's emulator, one scenario set for all
// (test-support/conformance.js), on fake timers.
import test from 'node:test';
import { defineConformance } from '../test-support/conformance.js';

defineConformance(test, (t) => t.mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_700_000_000_000 }));
