import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDatabaseFile } from '../../db/location';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { startEngine } from '../engine/engine';
import { startWebServer } from './server';

const { values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string' } } });
const rendererRoot = fileURLToPath(new URL('../../dist/renderer', import.meta.url));
if (!existsSync(`${rendererRoot}/index.html`)) {
  console.error(
    'tranche: the renderer is not built; run `npm run web` (it builds first) or `npm run build:renderer`.',
  );
  process.exit(1);
}
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const file = values.db ?? defaultDatabaseFile();
// The database and every handler run in the engine's worker thread: this thread only serves the
// page's files and forwards each call, so it answers while a long handler (a ranking) runs.
const engine = await startEngine(new URL('../engine/engine-worker.ts', import.meta.url), {
  file,
  migrationsFolder: MIGRATIONS_FOLDER,
  version,
});
const server = await startWebServer({
  call: engine.call,
  callJson: engine.callJson,
  rendererRoot,
  port: values.port ? Number(values.port) : 0,
});

console.log(`Tranche web mode: ${server.url}`);
console.log(`Database: ${file}`);
console.log(
  'Tranche is running in your web browser on this computer only (nobody else can reach it). ' +
    'Keep this window open while you work; press Ctrl+C to stop.',
);

const stop = () => {
  void server
    .close()
    .then(() => engine.close())
    .then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
