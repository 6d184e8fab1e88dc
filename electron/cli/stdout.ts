import { fstatSync, writeSync } from 'node:fs';

// The command line's output goes straight to its file descriptor rather than through
// process.stdout: setting up that stream (a socket when the output is piped, as scripts read it)
// cost every start a few milliseconds, and a command prints its answer whole, once it has one.

let readerGone = false;
let terminal: boolean | undefined;

/**
 * A terminal (a character device) is written through process.stdout as before: on Windows that
 * stream writes the console's own way, so that £ and the like show as they should, and a person at
 * a terminal does not wait on the stream being set up the way a script reading a pipe does.
 */
function toTerminal(): boolean {
  if (terminal === undefined) {
    try {
      terminal = fstatSync(1).isCharacterDevice();
    } catch {
      terminal = true;
    }
  }
  return terminal;
}

/**
 * Writes all of `text` to standard output. A reader that stops early (`tranche … | head`) closes
 * the pipe: that is not a failure, so the rest of the output is dropped and the command finishes
 * and exits as it would have.
 */
export function writeOut(text: string): void {
  if (toTerminal()) {
    process.stdout.write(text);
    return;
  }
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
