import { defineConfig } from 'vite';

// The renderer is plain React compiled by Vite's own TSX transform (tsconfig: jsx react-jsx).
export default defineConfig({
  root: 'renderer',
  base: '/',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // The CSP forbids inline scripts; keep Vite from inlining its module-preload helper.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // Loaded from disk by a desktop app, not over a network: one bundle is the simpler thing.
    chunkSizeWarningLimit: 2_000,
  },
});
