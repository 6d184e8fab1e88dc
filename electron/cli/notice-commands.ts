import { mkdirSync, writeFileSync } from 'node:fs';
import { formatDate } from '../../shared/dates';
import {
  CliRefusal,
  fileInside,
  idOption,
  printJson,
  requiredOption,
  writeOutput,
  type Command,
} from './command-kit';

// The notice of decision: drafting and exporting it, its readiness, signing, and the letters.

export const noticeCommands: Command[] = [
  {
    words: ['notice'],
    usage: 'notice --round ID --format docx|pdf --out FILE [--public]',
    summary: 'Write the Notice of Decision (or, with --public, the public summary of a confidential one)',
    options: {
      round: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      public: { type: 'boolean' },
    },
    async run(ctx) {
      const format = requiredOption(ctx, 'format');
      if (format !== 'docx' && format !== 'pdf')
        throw new CliRefusal(`--format must be docx or pdf, not "${format}"`);
      requiredOption(ctx, 'out');
      const roundId = idOption(ctx, 'round');
      const exported = { roundId, format, public: ctx.values.public === true } as const;
      ctx.prepare('notices:export', exported);
      // Exporting only reads: where nothing is drafted yet, drafting is its own write, which the
      // rule book allows only a lead officer at the decision stage.
      // Whether one is drafted is asked of the store: notices:get builds the whole notice's view, which
      // for a round of 20,000 bids took seconds only to be thrown away.
      if ((await ctx.database()).store.notices.forRound(roundId).length === 0) {
        await ctx.call('notices:get', { roundId }); // refuses a round that does not exist
        await ctx.call('notices:create', { roundId });
      }
      writeOutput(ctx, await ctx.call('notices:export', exported));
    },
  },
  {
    words: ['readiness'],
    usage: 'readiness --round ID [--json]',
    summary:
      'What stands before sending the notice for sign-off or signing it: what blocks, and the ' +
      'warnings that need a reason (--reason on `sign`)',
    options: { round: { type: 'string' } },
    async run(ctx) {
      const readiness = await ctx.call('notices:readiness', { roundId: idOption(ctx, 'round') });
      if (ctx.json) return printJson(ctx, readiness);
      if (readiness.items.length === 0) return ctx.print('Nothing stands in the way.');
      const words = { blocking: 'Blocks', warning: 'Needs a reason', noted: 'Noted' } as const;
      for (const item of readiness.items) ctx.print(`${words[item.level]}: ${item.message}`);
    },
  },
  {
    words: ['sign'],
    usage: '--as NAME sign --round ID [--interests TEXT] [--date YYYY-MM-DD] [--reason TEXT]',
    summary:
      "Sign the round's Notice of Decision (commissioner only); it then locks the allocation and the " +
      'notice. --reason says why it goes ahead despite the readiness warnings (see `readiness`)',
    options: {
      round: { type: 'string' },
      interests: { type: 'string' },
      date: { type: 'string' },
      reason: { type: 'string' },
    },
    async run(ctx) {
      const interests = ctx.values.interests;
      const date = ctx.values.date;
      const reason = ctx.values.reason;
      const notice = await ctx.call('notices:sign', {
        roundId: idOption(ctx, 'round'),
        ...(typeof interests === 'string' ? { interests } : {}),
        ...(typeof date === 'string' ? { date } : {}),
        ...(typeof reason === 'string' ? { readinessReason: reason } : {}),
      });
      if (ctx.json)
        return printJson(ctx, {
          number: notice.number,
          signedBy: notice.signedBy,
          signedOn: notice.signedOn,
          fingerprint: notice.fingerprint,
        });
      const on = notice.signedOn ? formatDate(notice.signedOn) : 'an unknown date';
      ctx.print(
        `Decision ${notice.number} signed by ${notice.signedBy} on ${on}. Content SHA-256 ${notice.fingerprint}`,
      );
    },
  },
  {
    words: ['letters'],
    usage: 'letters --round ID --format docx|pdf --out FILE.zip|DIR',
    summary:
      'Write an award or decline letter for every bidder (each decline says why) as one FILE.zip, or into DIR',
    options: { round: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
    async run(ctx) {
      const format = requiredOption(ctx, 'format');
      if (format !== 'docx' && format !== 'pdf')
        throw new CliRefusal(`--format must be docx or pdf, not "${format}"`);
      const dir = requiredOption(ctx, 'out');
      const roundId = idOption(ctx, 'round');
      if (/\.zip$/i.test(dir)) {
        const [bundle] = await ctx.call('letters:export', { roundId, format, zip: true });
        if (bundle) writeOutput(ctx, bundle);
        return;
      }
      const files = await ctx.call('letters:export', { roundId, format });
      try {
        mkdirSync(dir, { recursive: true });
        for (const f of files)
          writeFileSync(fileInside(dir, f.fileName), Buffer.from(f.dataBase64, 'base64'));
      } catch (error) {
        throw new CliRefusal(`Cannot write to ${dir}: ${(error as Error).message}`);
      }
      if (ctx.json)
        return printJson(
          ctx,
          files.map((f) => ({ file: fileInside(dir, f.fileName), summary: f.summary })),
        );
      for (const f of files) ctx.print(`${fileInside(dir, f.fileName)}: ${f.summary}`);
    },
  },
];
