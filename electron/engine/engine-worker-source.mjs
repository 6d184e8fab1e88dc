// Starts the engine worker from its TypeScript source, for development and the tests (the web
// bridge under tsx, the desktop wiring under vitest). The packaged app runs the bundled
// dist/electron/engine-worker.cjs instead, and never loads this file.
import { register } from 'tsx/esm/api';

register();
await import('./engine-worker.ts');
