import { fileURLToPath } from 'node:url';

// For entry points run from source (command line, web bridge, tests). The Electron main process,
// which is bundled, finds the folder beside the packaged app instead.
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));
