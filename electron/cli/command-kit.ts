import { safeFileName } from '../../shared/file-names';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import type { Connection } from '../../db/connection';
import type { Channel, Input, Output } from '../../shared/contract';
import { fileSizeRefusal } from '../../shared/limits';
import { parseMoney } from '../../shared/money';
import type { HandlerContext } from '../handlers/context';
import type { Passphrases } from './identity';
import { CliRefusal } from './refusal';

export { CliRefusal };

// What every command file shares: the context a command runs in, and reading its options and files.

export interface CommandContext {
  values: Record<string, string | boolean | string[] | undefined>;
  args: string[];
  json: boolean;
  call: <C extends Channel>(channel: C, input: Input<C>) => Promise<Output<C>>;
  /**
   * Starts loading what a later call will need (its schemas, handler and file library), for a
   * command that reads the database before that call: the loading overlaps the passphrase check.
   */
  prepare: <C extends Channel>(channel: C, input: Input<C>) => void;
  print: (text: string) => void;
  /** The database file named by --db or the default, for commands that work on the file itself. */
  databaseFile: string;
  /** The open database (opened on first use), for commands that read or copy it whole. */
  connection: () => Connection;
  /** Where the schema's migrations are, for a command that opens another database file (restore). */
  migrationsFolder: string;
  /** Passphrases from the environment or the terminal. */
  secrets: Passphrases;
  /** The database itself, for checks that are not operations (`actor: false`: as nobody). */
  database: (options?: { actor: boolean }) => Promise<HandlerContext>;
}

export interface Command {
  words: string[];
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** False for a command nobody acts in (enrolling: the person has no passphrase yet). */
  acts?: false;
  run: (ctx: CommandContext) => Promise<void>;
}

export function requiredOption(ctx: CommandContext, name: string): string {
  const value = ctx.values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new CliRefusal(`--${name} is required`);
  return value;
}

export function moneyOption(ctx: CommandContext, name: string, fallback?: number): number {
  const value = ctx.values[name];
  if (value === undefined && fallback !== undefined) return fallback;
  const text = requiredOption(ctx, name);
  const parsed = parseMoney(text);
  if (!parsed.ok) throw new CliRefusal(`--${name}: ${parsed.reason}`);
  return parsed.pence;
}

export function idOption(ctx: CommandContext, name: string): number {
  const text = requiredOption(ctx, name);
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw new CliRefusal(`--${name} must be an id (a whole number), not "${text}"`);
  return Number(text);
}

export function readInputFile(file: string | undefined): { fileName: string; dataBase64: string } {
  if (!file) throw new CliRefusal('Name the file to import');
  try {
    // By its size first: reading a 500 MB file only to refuse it takes seconds and a gigabyte.
    const tooLarge = fileSizeRefusal(path.basename(file), statSync(file).size);
    if (tooLarge) throw new CliRefusal(tooLarge);
    return { fileName: path.basename(file), dataBase64: readFileSync(file).toString('base64') };
  } catch (error) {
    if (error instanceof CliRefusal) throw error;
    throw new CliRefusal(
      `Cannot read ${file}: ` +
        `${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
}

export function printJson(ctx: CommandContext, value: unknown) {
  ctx.print(JSON.stringify(value, null, 2));
}

/** A file the app names, always directly inside the folder asked for, whatever the name holds. */
export function fileInside(dir: string, name: string): string {
  return path.join(dir, safeFileName(path.basename(name)));
}

export function writeOutput(ctx: CommandContext, file: { fileName: string; dataBase64: string }) {
  const out = requiredOption(ctx, 'out');
  try {
    writeFileSync(out, Buffer.from(file.dataBase64, 'base64'));
  } catch (error) {
    throw new CliRefusal(`Cannot write ${out}: ${(error as Error).message}`);
  }
  if (ctx.json) printJson(ctx, { file: out });
  else ctx.print(`Wrote ${out}`);
}

export function bidRefs(ctx: CommandContext): string[] | undefined {
  const value = ctx.values.bid as unknown;
  return Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : undefined;
}
