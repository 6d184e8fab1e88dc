// The bundled command line's entry (build/scripts/bundle-cli.mjs). Node's compile cache keeps the
// bytecode of the modules loaded after it is on, so every start after the first skips parsing the
// bundle: it must be on before the rest is imported, hence this file and the dynamic import.
import module from 'node:module';

module.enableCompileCache?.();
await import('./main');
