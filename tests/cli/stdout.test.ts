import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-db';

// The command line writes its output straight to the file descriptor (electron/cli/stdout.ts).
// Whoever reads it, all of it arrives, and a reader that stops early is not a failure.

const TSX = path.resolve('node_modules/tsx/dist/cli.mjs');

function writer(): string {
  const script = path.join(tempDir(), 'write.ts');
  writeFileSync(
    script,
    `import { writeOut } from ${JSON.stringify(path.resolve('electron/cli/stdout.ts'))};\n` +
      "writeOut('x'.repeat(3_000_000) + '\\n');\nwriteOut('the end\\n');\nprocess.stderr.write('finished');\n",
  );
  return script;
}

function run(read: (stdout: NodeJS.ReadableStream, stop: () => void) => void) {
  const child = spawn(process.execPath, [TSX, writer()], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  read(child.stdout, () => child.stdout.destroy());
  return new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stderr })),
  );
}

describe("the command line's output", () => {
  it('arrives whole at a reader slower than the writer', async () => {
    let received = '';
    const done = await run((stdout) =>
      stdout.on('data', (chunk: Buffer) => {
        received += chunk.toString();
        stdout.pause();
        setTimeout(() => stdout.resume(), 1);
      }),
    );
    expect(done).toEqual({ code: 0, stderr: 'finished' });
    expect(received).toBe(`${'x'.repeat(3_000_000)}\nthe end\n`);
  }, 60_000);

  it('lets the command finish and exit 0 when the reader stops early (tranche … | head)', async () => {
    const done = await run((stdout, stop) => stdout.once('data', stop));
    expect(done).toEqual({ code: 0, stderr: 'finished' });
  }, 60_000);
});
