import { Worker } from 'node:worker_threads';
import { fail, type Result } from '../../shared/result';
import type { EngineOptions, FromEngine, ToEngine } from './protocol';

// The main thread's side of the engine: it starts the worker, forwards each call and hands back
// the result. The main thread (Electron's, or the web bridge's) stays free for windows, menus and
// requests for the page's files while a long handler runs.

export interface Engine {
  call: (channel: string, input: unknown) => Promise<Result<unknown>>;
  /** The same call, its result left as the JSON text the worker sent (web mode sends it as it is). */
  callJson: (channel: string, input: unknown) => Promise<string>;
  close: () => Promise<void>;
}

/** Starts the worker from `workerFile` (engine-worker.ts, or its bundle) and waits until it is open. */
export function startEngine(workerFile: string | URL, options: EngineOptions): Promise<Engine> {
  const worker = new Worker(workerFile, { workerData: options });
  const pending = new Map<number, (json: string) => void>();
  let nextId = 1;
  let stopped: string | null = null;
  let onClosed: (() => void) | null = null;
  const post = (message: ToEngine) => worker.postMessage(message);

  const stopAll = (why: string) => {
    stopped = why;
    for (const answer of pending.values()) answer(JSON.stringify(fail('internal', why)));
    pending.clear();
  };

  return new Promise((resolve, reject) => {
    worker.on('message', (message: FromEngine) => {
      if (message.type === 'ready') {
        const callJson = (channel: string, input: unknown): Promise<string> => {
          if (stopped) return Promise.resolve(JSON.stringify(fail('internal', stopped)));
          const id = nextId++;
          return new Promise((answer) => {
            pending.set(id, answer);
            post({ type: 'call', id, channel, input });
          });
        };
        resolve({
          call: async (channel, input) => JSON.parse(await callJson(channel, input)) as Result<unknown>,
          callJson,
          close: () =>
            new Promise<void>((done) => {
              if (stopped) return done();
              onClosed = done;
              post({ type: 'close' });
            }),
        });
      } else if (message.type === 'failed') {
        reject(new Error(message.message));
        void worker.terminate();
      } else if (message.type === 'result') {
        pending.get(message.id)?.(message.json);
        pending.delete(message.id);
      } else {
        stopAll("Tranche's engine has closed");
        onClosed?.();
      }
    });
    worker.on('error', (error) => {
      const why = `Tranche's engine stopped: ${error.message}`;
      console.error(`[tranche] ${why}`);
      stopAll(why);
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!stopped) stopAll(`Tranche's engine stopped (exit ${code})`);
      onClosed?.();
    });
  });
}
