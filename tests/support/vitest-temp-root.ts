import { afterAll } from 'vitest';
import { redirectTempFolder } from './temp-root';

// Loaded before every test file (vitest.config.ts): that file's temporary folders go away with it.
afterAll(redirectTempFolder('tranche-vitest-'));
