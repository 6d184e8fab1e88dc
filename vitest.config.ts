import { defineConfig } from 'vitest/config';
import { assertSupportedNode } from './build/scripts/check-node.mjs';

// On an older Node better-sqlite3 would crash the workers; stop first with the fix instead.
assertSupportedNode();

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    setupFiles: ['tests/support/vitest-temp-root.ts'],
    testTimeout: 20_000,
  },
});
