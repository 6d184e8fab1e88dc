import { readFileSync, statSync } from 'node:fs';
import { checkOfficeKeyFile } from '../identity/office-key-check';
import { normaliseFingerprint } from '../identity/fingerprint-text';
import type { CommandContext } from './command-kit';
import { CliRefusal } from './refusal';

// `verify office-key.json [--key FINGERPRINT]`: the office's public key file checked on its own, with
// no database, by anyone who downloads it (electron/identity/office-key-check.ts says what is checked).

/** Larger than any office's key file by far; a bigger one is not read. */
const MAX_BYTES = 5 * 1024 * 1024;

function readKeyFile(file: string): string {
  try {
    const size = statSync(file).size;
    if (size > MAX_BYTES)
      throw new CliRefusal(`${file} is ${Math.ceil(size / 1024 / 1024)} MB: an office key file is a few KB`);
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof CliRefusal) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliRefusal(
      `Cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
}

export function verifyOfficeKey(ctx: CommandContext, file: string, expected: string | null) {
  const report = checkOfficeKeyFile(readKeyFile(file));
  const keyTrusted =
    expected === null || !report.ok ? null : report.chain.some((k) => normaliseFingerprint(k) === expected);
  if (ctx.json) ctx.print(JSON.stringify({ ...report, keyTrusted }, null, 2));
  else if (!report.ok) for (const problem of report.problems) ctx.print(`Problem: ${problem}`);
  else {
    const root = report.rootedIn!;
    const handOvers =
      report.handOvers === 0
        ? `${report.commissioner} is the office's first commissioner`
        : `${report.handOvers} hand-over${report.handOvers === 1 ? '' : 's'}, each signed by the commissioner ` +
          `before, back to ${root.name}, key ${root.fingerprint}`;
    ctx.print(`Sound: ${report.commissioner}'s key ${report.fingerprints.join(' and ')}; ${handOvers}.`);
    if (keyTrusted === null)
      ctx.print(
        `Compare ${root.name}'s key with one you already trust (give it with --key) before relying on it.`,
      );
    else if (keyTrusted) ctx.print('The key you gave is on that chain.');
    else ctx.print('Not trusted: the key you gave is not on that chain. Do not rely on this file.');
  }
  if (!report.ok) throw new CliRefusal(`${file} does not verify: ${report.problems[0] ?? 'unknown problem'}`);
  if (keyTrusted === false)
    throw new CliRefusal(
      `${file} does not lead back to key ${expected!.match(/.{4}/g)!.join(' ')}: ` +
        `its first commissioner's is ${report.rootedIn?.fingerprint}`,
    );
}
