import { writeSync } from 'node:fs';

// The command line's output goes straight to its file descriptor rather than through
// process.stdout: setting up that stream (a socket when the output is piped, as scripts read it)
// cost every start a few milliseconds, and a command prints its answer whole, once it has one.

let readerGone = false;

/**
 * Writes all of `text` to standard output. A reader that stops early (`tranche … | head`) closes
 * the pipe: that is not a failure, so the rest of the output is dropped and the command finishes
 * and exits as it would have.
 */
export function writeOut(text: string): void {
  const bytes = Buffer.from(text);
  let written = 0;
  while (written < bytes.length && !readerGone) {
    try {
      written += writeSync(1, bytes, written);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') readerGone = true;
      // A reader slower than the output (a pipe opened non-blocking): wait a moment for room.
      else if (code === 'EAGAIN') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
      else throw error;
    }
  }
}
