import { existsSync } from 'node:fs';
import path from 'node:path';
import { formatDate } from '../../shared/dates';
import { verifyDatabase, type VerifyReport } from '../../db/audit/verify';
import { CliRefusal, idOption, requiredOption, type Command, type CommandContext } from './commands';
import { textTable } from './output';
import { normaliseFingerprint } from '../identity/fingerprint-text';

// verify, audit, backup and restore: the commands that check or copy the record itself.

function verifyJson(report: VerifyReport) {
  const { ok, problems, notes, signedBy, signedOn, fingerprint } = report;
  return { ok, problems, notes, signedBy, signedOn, fingerprint };
}

export const auditCommands: Command[] = [
  {
    words: ['verify'],
    usage: 'verify [FILE.pdf|office-key.json [--key FINGERPRINT]] [--json]',
    summary:
      'Check a signed notice PDF on its own (no database needed: who signed what, and that nothing ' +
      'changed; --key the fingerprint the office publishes, to check who signed it), or the office key ' +
      'file people publish-key writes (each hand-over signed back to the first commissioner; --key one ' +
      'you already trust), or else the audit ' +
      'chain, every signature, every recorded row and every signed notice; exit 2 when not sound',
    options: { key: { type: 'string' } },
    async run(ctx) {
      const [file, ...extra] = ctx.args;
      if (extra.length > 0) throw new CliRefusal('Give one file to verify');
      const key = ctx.values.key;
      if (file) return verifyFile(ctx, file, typeof key === 'string' ? key : undefined);
      if (key !== undefined) throw new CliRefusal('--key checks a file: verify FILE.pdf --key FINGERPRINT');
      const connection = ctx.connection();
      // A large file's integrity check runs alongside (db/integrity-alongside.ts): the chain is walked
      // meanwhile, and what the check found is asked only afterwards.
      const walked = connection.health.checkedAlongside ? walkChain(connection) : null;
      let report: VerifyReport;
      // A damaged file cannot be verified; one open read-only for another reason can.
      if (connection.health.damage.length > 0) {
        report = {
          ok: false,
          problems: connection.health.damage,
          notes: [],
          signedBy: null,
          signedOn: null,
          fingerprint: null,
          entries: 0,
          rows: 0,
        };
      } else if (walked) {
        if ('failure' in walked) throw walked.failure;
        report = walked.report;
      } else {
        report = verifyDatabase(connection);
      }
      if (ctx.json) ctx.print(JSON.stringify(verifyJson(report), null, 2));
      else if (report.ok)
        ctx.print(`The record verifies: ${report.entries} audit entries, ${report.rows} rows recorded.`);
      else for (const problem of report.problems) ctx.print(problem);
      if (!ctx.json) for (const note of report.notes) ctx.print(`Note: ${note}`);
      if (!report.ok)
        throw new CliRefusal(
          `${connection.file} does not verify: ${report.problems.length} problem(s), ` +
            `the first: ${report.problems[0]}`,
        );
    },
  },
  {
    words: ['audit'],
    usage: 'audit --round ID [--json]',
    summary:
      "The round's history from the audit chain: at, person, operation, summary " +
      '(lead officers, commissioner)',
    options: { round: { type: 'string' } },
    async run(ctx) {
      const entries = await ctx.call('audit:history', { roundId: idOption(ctx, 'round') });
      const listed = entries.map(({ at, person, operation, summary }) => ({
        at,
        person,
        operation,
        summary,
      }));
      if (ctx.json) return ctx.print(JSON.stringify(listed, null, 2));
      ctx.print(
        textTable(
          ['at', 'person', 'operation', 'summary'],
          listed.map((e) => [e.at, e.person ?? '(no profile)', e.operation, e.summary]),
        ),
      );
    },
  },
  {
    words: ['backup'],
    usage: 'backup --out FILE [--json]',
    summary:
      'Copy the database, consistently, to a new file (a lead officer; recorded with the chain head it ' +
      'carries); the app also keeps its own in backups/',
    options: { out: { type: 'string' } },
    async run(ctx) {
      const out = path.resolve(requiredOption(ctx, 'out'));
      if (existsSync(out)) throw new CliRefusal(`${out} already exists: name a new file`);
      // Loaded by the commands that use them, so every other command starts without them.
      const { backUp } = await import('./record-copies');
      const done = await backUp(ctx, out);
      if (ctx.json) ctx.print(JSON.stringify(done, null, 2));
      else ctx.print(`Backed up ${ctx.databaseFile} to ${out}`);
    },
  },
  {
    words: ['restore'],
    usage: 'restore FILE [--json]',
    summary:
      "Replace the database with one of this office's backups that passes integrity_check and verifies " +
      '(a lead officer; the restore is recorded in it); the replaced file is kept beside it',
    options: {},
    async run(ctx) {
      const backup = ctx.args[0];
      if (!backup) throw new CliRefusal('Name the backup file to restore');
      const { restore } = await import('./record-copies');
      const result = await restore(ctx, path.resolve(backup));
      if (ctx.json) return ctx.print(JSON.stringify(result, null, 2));
      ctx.print(`Restored ${result.restored} from ${result.from}`);
      if (result.replaced) ctx.print(`The file it replaced is kept as ${result.replaced}`);
    },
  },
];

/** The chain walked, or what stopped the walk: reported only if the file's check finds no damage. */
function walkChain(connection: Parameters<typeof verifyDatabase>[0]) {
  try {
    return { report: verifyDatabase(connection) };
  } catch (failure) {
    return { failure };
  }
}

async function verifyFile(ctx: CommandContext, file: string, key: string | undefined) {
  const expected = key === undefined ? null : normaliseFingerprint(key);
  if (expected === '')
    throw new CliRefusal('--key must be a key fingerprint: 64 hexadecimal characters, spaces allowed');
  if (file.toLowerCase().endsWith('.json')) {
    const { verifyOfficeKey } = await import('./verify-office-key');
    return verifyOfficeKey(ctx, file, expected);
  }
  // The PDF reader and the notice's own checks, loaded only to check a file.
  const { verifyNoticeFile } = await import('./verify-file');
  const report = await verifyNoticeFile(file);
  const keyTrusted =
    expected === null || !report.fingerprint ? null : normaliseFingerprint(report.fingerprint) === expected;
  const signedOn = report.signedOn ? formatDate(report.signedOn) : 'an unknown date';
  if (ctx.json) ctx.print(JSON.stringify({ ...report, keyTrusted }, null, 2));
  else if (!report.ok) for (const problem of report.problems) ctx.print(`Problem: ${problem}`);
  else if (keyTrusted === false)
    ctx.print(
      `Not trusted: the notice is intact but was signed by key ${report.fingerprint}, ` +
        'not the key you gave. Do not rely on it.',
    );
  else
    ctx.print(
      `Sound: signed by ${report.signedBy} on ${signedOn} with key ${report.fingerprint}; ` +
        'nothing has changed. ' +
        (keyTrusted
          ? 'That is the key you gave.'
          : "Compare the key's fingerprint with the one the office publishes before relying on it."),
    );
  if (!report.ok) throw new CliRefusal(`${file} does not verify: ${report.problems[0] ?? 'unknown problem'}`);
  if (keyTrusted === false)
    throw new CliRefusal(`${file} was not signed by key ${key}: it was signed by ${report.fingerprint}`);
}
