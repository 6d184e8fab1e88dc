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
    chunkSizeWarningLimit: 2_000,
    // Three parts: the small entry (main.tsx and start/: it asks for the opening page's data and code
    // before React runs), one chunk of everything pages share (React, the shared rules, components),
    // and each page's own code, loaded when it is first shown. A chunk per shared module instead
    // would be dozens of requests, queued behind the opening page's data.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'start',
              priority: 2,
              test: (id) => /preload-helper|[\\/]renderer[\\/]src[\\/]start[\\/]/.test(id),
            },
            {
              name: 'app',
              test: (id) =>
                /[\\/](node_modules|shared|renderer[\\/]src)[\\/]/.test(id) &&
                !/preload-helper|\.css$|[\\/]renderer[\\/]src[\\/](main\.tsx|start[\\/]|pages[\\/])/.test(id),
            },
          ],
        },
      },
    },
  },
});
