import { parseArgs, type ParseArgsConfig } from 'node:util';
import { damagedMessage, openDatabase, type Connection } from '../../db/connection';
import { defaultDatabaseFile } from '../../db/location';
import { createStore } from '../../db/store';
import { storeFault } from '../../db/store-faults';
import { isRefusal } from '../../shared/result';
import { createContext, type HandlerContext } from '../handlers/context';
import { dispatch } from '../handlers/dispatch';
import type { KdfParams } from '../identity/keys';
import { auditCommands } from './audit-commands';
import { CliRefusal, commands as everydayCommands, type Command } from './commands';
import { passphrases, unlockActor } from './identity';
import { preparer } from './prepare-while-unlocking';
import { decisionCommands } from './decision-commands';
import { packCommands } from './pack-commands';
import { grantsCommands } from './grants-commands';
import { publishCommands } from './publish-commands';

const commands: Command[] = [
  ...everydayCommands,
  ...decisionCommands,
  ...auditCommands,
  ...packCommands,
  ...grantsCommands,
  ...publishCommands,
];

/**
 * Files from this size are checked alongside the command (OpenOptions.checkAlongsideFromBytes). A
 * smaller file's check takes less than starting the thread saves (about 45 ms at 16 MiB).
 */
const CHECK_ALONGSIDE_FROM_BYTES = 16 * 1024 * 1024;

export const EXIT_DONE = 0;
export const EXIT_UNEXPECTED = 1;
export const EXIT_REFUSED = 2;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  migrationsFolder: string;
  version: string;
  /** Asks for a passphrase without echoing it; absent when there is no terminal to ask on. */
  prompt?: (question: string) => Promise<string>;
  /** The key derivation for new passphrases (tests choose a cheap one). */
  kdf?: KdfParams;
  /** From what size a file's integrity check runs alongside the command (tests choose 0). */
  checkAlongsideFromBytes?: number;
}

const globalOptions = {
  db: { type: 'string' },
  as: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} satisfies NonNullable<ParseArgsConfig['options']>;

class UnexpectedFailure extends Error {}

function usage(): string {
  return [
    'Usage: tranche [--db FILE] [--as NAME] <command> [options] [--json]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.usage}\n      ${c.summary}`),
    '',
    "The database is the desktop app's unless --db or TRANCHE_DB names another file.",
    "Commands act as the person named by --as, or else as this computer's profile; acting as",
    'someone needs their passphrase: TRANCHE_PASSPHRASE, or asked for on a terminal.',
    'Exit status: 0 done, 2 refused (reason on stderr, nothing changed), 1 unexpected failure.',
    'Money in JSON is integer pence, in fields ending "Pence".',
  ].join('\n');
}

function findCommand(positionals: string[]): Command | undefined {
  return commands
    .filter((c) => c.words.every((w, i) => positionals[i] === w))
    .sort((a, b) => b.words.length - a.words.length)[0];
}

// long-function: the command line's steps, from parsing the options to the exit code, in the order they run
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const firstPass = parseArgs({ args: argv, options: globalOptions, allowPositionals: true, strict: false });
  const command = findCommand(firstPass.positionals);
  if (!command) {
    if (firstPass.values.help) {
      io.stdout(usage());
      return EXIT_DONE;
    }
    const given = firstPass.positionals.join(' ');
    io.stderr(given ? `tranche: unknown command "${given}"; run with --help for the list` : usage());
    return EXIT_REFUSED;
  }
  if (firstPass.values.help) {
    io.stdout(`Usage: tranche [--db FILE] ${command.usage}\n${command.summary}`);
    return EXIT_DONE;
  }

  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...globalOptions, ...command.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    io.stderr(`tranche: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return EXIT_REFUSED;
  }

  // The database is opened only when a command first needs it, so input refused before that
  // point leaves no trace, not even a new empty file.
  const file = typeof parsed.values.db === 'string' ? parsed.values.db : defaultDatabaseFile(io.env);
  let connection: Connection | undefined;
  let ctx: HandlerContext | undefined;
  const open = (): Connection => {
    if (connection) return connection;
    try {
      connection = openDatabase(file, {
        migrationsFolder: io.migrationsFolder,
        checkAlongsideFromBytes: io.checkAlongsideFromBytes ?? CHECK_ALONGSIDE_FROM_BYTES,
      });
    } catch (error) {
      const fault = storeFault(error, file);
      if (fault) throw new CliRefusal(fault);
      throw new UnexpectedFailure(
        `cannot open the database ${file}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    // A check still running alongside says what it found when the command is done (below).
    if (!connection.health.checkedAlongside && connection.health.readOnly)
      io.stderr(
        `tranche: ${connection.health.readOnlyReason ?? damagedMessage(file, connection.health.goodBackup)}`,
      );
    return connection;
  };
  let unlocked = false;
  const secrets = passphrases(io);
  const preparing = preparer();
  const context = async (
    options: { actor: boolean } = { actor: command.acts !== false },
  ): Promise<HandlerContext> => {
    if (!ctx) ctx = createContext(createStore(open()), io.version, undefined, io.kdf ? { kdf: io.kdf } : {});
    // Whoever the command acts as proves their passphrase before anything is read or written; the
    // code the command asked for loads meanwhile (prepare-while-unlocking.ts).
    if (options.actor && !unlocked) {
      const as = typeof parsed.values.as === 'string' ? parsed.values.as : undefined;
      await unlockActor(ctx, as, secrets, preparing.release);
      unlocked = true;
    }
    preparing.release();
    return ctx;
  };
  try {
    await command.run({
      values: parsed.values as Record<string, string | boolean | string[] | undefined>,
      args: parsed.positionals.slice(command.words.length),
      json: parsed.values.json === true,
      print: io.stdout,
      databaseFile: file,
      connection: open,
      migrationsFolder: io.migrationsFolder,
      secrets,
      database: context,
      prepare: preparing.ask,
      call: async (channel, input) => {
        preparing.ask(channel, input);
        const handlerContext = await context();
        await preparing.ready();
        const result = await dispatch(channel, input, handlerContext, { logError: () => undefined });
        if (result.ok) return result.value;
        if (isRefusal(result.error)) {
          const details = (result.error.issues ?? [])
            .map((issue) => issue.message)
            .filter((m) => !result.error.message.includes(m));
          throw new CliRefusal(result.error.message, details);
        }
        throw new UnexpectedFailure(result.error.message);
      },
    });
    return EXIT_DONE;
  } catch (error) {
    if (error instanceof CliRefusal) {
      io.stderr(`tranche: ${error.message}`);
      for (const line of error.details) io.stderr(`  ${line}`);
      return EXIT_REFUSED;
    }
    const fault = storeFault(error, file);
    if (fault) {
      io.stderr(`tranche: ${fault}`);
      return EXIT_REFUSED;
    }
    io.stderr(`tranche: unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_UNEXPECTED;
  } finally {
    if (connection?.health.checkedAlongside && connection.health.readOnly)
      io.stderr(`tranche: ${connection.health.readOnlyReason ?? damagedMessage(file, null)}`);
    connection?.close();
  }
}
