import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../db/connection';
import { defaultDatabaseFile } from '../../db/location';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { createStore } from '../../db/store';
import { startRecordKeeping } from '../handlers/audit/start';
import { createContext } from '../handlers/context';
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
const connection = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
const ctx = createContext(createStore(connection), version);
// Verify the record and keep daily backups; problems are printed and shown as a banner.
const recordKeeping = startRecordKeeping(ctx);
const server = await startWebServer({
  ctx,
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
  recordKeeping.stop();
  void server.close().then(() => {
    connection.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
