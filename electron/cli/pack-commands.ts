import { heldText, recordsText } from '../../shared/pack-receipt';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { ROLE_LABELS } from '../../shared/roles';
import { PACK_KIND_LABELS, type OutboundKind } from '../../shared/pack-kinds';
import { MAX_PACK_BYTES } from '../../shared/limits';
import { idOption, printJson, requiredOption, type Command, type CommandContext } from './commands';
import { CliRefusal } from './refusal';

// Packs between laptops: the office makes a pack for an assessor, a board member, the
// commissioner, or an officer following a signed round's grants (delivery); they open it on their
// own laptop and return their work; the office receives it.

/** A pack file's bytes, refused before reading when it is larger than any pack can be. */
function readPackFile(file: string | undefined): string {
  if (!file) throw new CliRefusal('Name the pack file');
  try {
    if (statSync(file).size > MAX_PACK_BYTES)
      throw new CliRefusal(`${file} is larger than 20 MB: it is not a pack Tranche made`);
    return readFileSync(file).toString('base64');
  } catch (error) {
    if (error instanceof CliRefusal) throw error;
    throw new CliRefusal(
      `Cannot read ${file}: ` +
        `${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
}

function writePackFile(ctx: CommandContext, bytesBase64: string): string {
  const out = requiredOption(ctx, 'out');
  try {
    writeFileSync(out, Buffer.from(bytesBase64, 'base64'));
  } catch (error) {
    throw new CliRefusal(`Cannot write ${out}: ${(error as Error).message}`);
  }
  return out;
}

function makeCommand(kind: OutboundKind, words: string[], person: string | null, usage: string): Command {
  return {
    words,
    usage,
    summary:
      `Make ${kind === 'assessor' ? 'an' : 'a'} ${PACK_KIND_LABELS[kind]} (lead officers); ` +
      'a first pack to someone prints the one-time enrolment code to give them another way',
    options: {
      round: { type: 'string' },
      out: { type: 'string' },
      ...(person ? { [person]: { type: 'string' } } : {}),
    },
    async run(ctx) {
      const roundId = idOption(ctx, 'round');
      requiredOption(ctx, 'out');
      const made = await ctx.call('packs:make', {
        kind,
        roundId,
        ...(person ? { personName: requiredOption(ctx, person) } : {}),
      });
      const file = writePackFile(ctx, made.bytesBase64);
      if (ctx.json) return printJson(ctx, { file, to: made.to, enrolmentCode: made.enrolmentCode });
      ctx.print(`Wrote ${file}: ${PACK_KIND_LABELS[kind]} for ${made.to.name}`);
      if (made.enrolmentCode)
        ctx.print(
          `Enrolment code for ${made.to.name}: ${made.enrolmentCode}\n` +
            'Give it to them another way (by phone or in person), never with the pack. It is shown only now.',
        );
    },
  };
}

export const packCommands: Command[] = [
  makeCommand(
    'assessor',
    ['pack', 'assessor'],
    'assessor',
    'pack assessor --round ID --assessor NAME --out FILE [--json]',
  ),
  makeCommand(
    'board',
    ['pack', 'board'],
    'member',
    'pack board --round ID --member NAME --out FILE [--json]',
  ),
  makeCommand('signoff', ['pack', 'signoff'], null, 'pack signoff --round ID --out FILE [--json]'),
  makeCommand(
    'delivery',
    ['pack', 'delivery'],
    'officer',
    'pack delivery --round ID --officer NAME --out FILE [--json]',
  ),
  {
    words: ['pack', 'open'],
    usage: 'pack open FILE [--enrolment-code CODE] [--json]',
    summary:
      "Open a pack from your office on your own laptop (it creates or updates the round's copy). On a new " +
      'installation your passphrase comes from TRANCHE_NEW_PASSPHRASE or is asked for',
    options: { 'enrolment-code': { type: 'string' } },
    async run(ctx) {
      const bytesBase64 = readPackFile(ctx.args[0]);
      const code = ctx.values['enrolment-code'];
      const database = await ctx.database({ actor: false });
      // A new installation: the pack's recipient is made here, with a passphrase they choose now.
      const newPassphrase =
        database.store.people.count() === 0 ? await ctx.secrets.fresh('your passphrase') : undefined;
      const opened = await ctx.call('packs:open', {
        bytesBase64,
        ...(typeof code === 'string' ? { enrolmentCode: code } : {}),
        ...(newPassphrase ? { newPassphrase } : {}),
      });
      if (ctx.json) return printJson(ctx, { kind: opened.kind, roundId: opened.roundId, from: opened.from });
      ctx.print(
        `${opened.alreadyOpened ? 'Already opened' : 'Opened'} the ${PACK_KIND_LABELS[opened.kind]} from ` +
          `${opened.from.name} (${ROLE_LABELS[opened.from.role].toLowerCase()}, key ${opened.from.fingerprint}): ` +
          `round ${opened.roundId}`,
      );
    },
  },
  {
    words: ['pack', 'return'],
    usage: 'pack return --round ID --out FILE [--json]',
    summary: 'Make the return pack of your work on a round copy, signed with your key, for your office',
    options: { round: { type: 'string' }, out: { type: 'string' } },
    async run(ctx) {
      const roundId = idOption(ctx, 'round');
      requiredOption(ctx, 'out');
      const made = await ctx.call('packs:return', { roundId });
      const file = writePackFile(ctx, made.bytesBase64);
      if (ctx.json) return printJson(ctx, { file });
      ctx.print(`Wrote ${file}: send it to your office`);
    },
  },
  {
    words: ['pack', 'receive'],
    usage: 'pack receive FILE [--json]',
    summary:
      'Receive a return pack at the office (lead officers): merged all or nothing; the same pack twice changes nothing',
    options: {},
    async run(ctx) {
      const received = await ctx.call('packs:receive', { bytesBase64: readPackFile(ctx.args[0]) });
      if (ctx.json)
        return printJson(ctx, {
          kind: received.kind,
          of: received.of,
          from: received.from,
          round: received.round,
          added: received.added,
          unchanged: received.unchanged,
          conflicts: received.conflicts,
          held: received.held,
        });
      ctx.print(
        `${received.alreadyReceived ? 'Already received' : 'Received'} the ${PACK_KIND_LABELS[received.kind]} ` +
          `from ${received.from.name} for round ${received.round.id} "${received.round.name}": ` +
          `it held ${heldText(received.held)}; ${recordsText(received.added, received.unchanged)}, ` +
          `${received.conflicts.length} kept as the office has them`,
      );
      for (const conflict of received.conflicts) ctx.print(`  ${conflict.message}`);
    },
  },
];
