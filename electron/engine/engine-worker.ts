import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/connection';
import { createStore } from '../../db/store';
import { fail } from '../../shared/result';
import { startRecordKeeping } from '../handlers/audit/start';
import { createContext } from '../handlers/context';
import { dispatch } from '../handlers/dispatch';
import { loadAllHandlers } from '../handlers/handler-loaders';
import { loadAllOperations } from '../../shared/contracts/load';
import type { EngineOptions, FromEngine, ToEngine } from './protocol';

// The engine: a worker thread that opens the database, verifies the record, and then answers each
// call with the same dispatch the command line runs in-process. Nothing here decides anything: it
// is a thin host, so the handlers and the rule book stay the single place where that happens.

if (!parentPort) throw new Error('engine-worker.ts runs as a worker thread');
const port = parentPort;
const send = (message: FromEngine) => port.postMessage(message);
const options = workerData as EngineOptions;

function start() {
  try {
    const connection = openDatabase(options.file, { migrationsFolder: options.migrationsFolder });
    const ctx = createContext(createStore(connection), options.version);
    // Verify the record and keep daily backups; problems are printed and shown as a banner.
    const recordKeeping = startRecordKeeping(ctx);
    return { connection, ctx, recordKeeping };
  } catch (error) {
    send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    return null;
  }
}

function serve(engine: NonNullable<ReturnType<typeof start>>) {
  port.on('message', (message: ToEngine) => {
    if (message.type === 'close') {
      engine.recordKeeping.stop();
      engine.connection.close();
      send({ type: 'closed' });
      port.close();
      return;
    }
    const { id, channel, input } = message;
    dispatch(channel, input, engine.ctx).then(
      (result) => send({ type: 'result', id, json: JSON.stringify(result) }),
      (error: unknown) =>
        send({
          type: 'result',
          id,
          json: JSON.stringify(fail('internal', error instanceof Error ? error.message : String(error))),
        }),
    );
  });
  send({ type: 'ready' });
}

const engine = start();
// Every domain's schemas and handlers before the first call: dispatch then never waits on loading,
// so calls are answered in the order they arrive, as they were when everything was loaded up front.
if (engine)
  Promise.all([loadAllOperations(), loadAllHandlers()]).then(
    () => serve(engine),
    (error: unknown) =>
      send({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
