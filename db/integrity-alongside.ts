import { createRequire } from 'node:module';
import type * as WorkerThreads from 'node:worker_threads';

// PRAGMA integrity_check run on a thread of its own, over a read-only connection of its own, while
// a command gets on with its work. At 20,000 bids the check takes about half a second, longer than
// most commands' own work; run first, every command paid it in full.
//
// The check still decides before anything is written: whoever asks for its result waits for it
// (Atomics.wait, so the wait can happen inside a synchronous write door: db/audit/capture-before-
// writes.ts), and a damaged file refuses every write, as one opened read-only does.

/** The worker, as source: it loads better-sqlite3 from the path the opening thread resolved. */
const WORKER = `
const { workerData } = require('node:worker_threads');
const done = new Int32Array(workerData.signal);
let answer;
try {
  const Database = require(workerData.driver);
  const sqlite = new Database(workerData.file, { readonly: true, fileMustExist: true });
  try {
    answer = { rows: sqlite.pragma('integrity_check').map((row) => row.integrity_check) };
  } finally {
    sqlite.close();
  }
} catch (error) {
  answer = { error: error && error.message ? error.message : String(error) };
} finally {
  workerData.port.postMessage(answer || { error: 'the check stopped' });
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
}
`;

export type IntegrityAnswer = { rows: string[] } | { error: string };

export interface IntegrityAlongside {
  /** The check's answer, waiting for it if it has not finished. */
  answer: () => IntegrityAnswer;
  /** Stops the check if it is still running (the command ended first). */
  stop: () => void;
}

export function checkIntegrityAlongside(file: string): IntegrityAlongside {
  // Loaded here, not at start-up: most commands open small files and never start a thread.
  const { MessageChannel, receiveMessageOnPort, Worker } = process.getBuiltinModule(
    'node:worker_threads',
  ) as typeof WorkerThreads;
  const signal = new SharedArrayBuffer(4);
  const done = new Int32Array(signal);
  const { port1, port2 } = new MessageChannel();
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { file, driver, signal, port: port2 },
    transferList: [port2],
  });
  // Never keeps the process alive on its own: a command that ends has asked for the answer or
  // stopped the check.
  worker.unref();
  let answer: IntegrityAnswer | undefined;
  return {
    answer() {
      if (answer) return answer;
      // The worker signals once its answer is posted, whatever happened to the check; only a
      // thread that never started would not, and then writes are refused after ten minutes.
      Atomics.wait(done, 0, 0, 600_000);
      const received = receiveMessageOnPort(port1)?.message as IntegrityAnswer | undefined;
      answer = received ?? { error: 'the check did not finish' };
      port1.close();
      void worker.terminate();
      return answer;
    },
    stop() {
      port1.close();
      void worker.terminate();
    },
  };
}
