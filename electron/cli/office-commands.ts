import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { verifyDatabase } from '../../db/audit/verify';
import { officeKeyFile } from '../handlers/office-key';
import { Refusal } from '../handlers/refusal';
import { CliRefusal, requiredOption, type Command } from './command-kit';

// The office's public key file, for its website: what the public compares a notice's key with; and
// the office's settings kept for its papers (its 360Giving org-id).

export const officeCommands: Command[] = [
  {
    words: ['people', 'publish-key'],
    usage: 'people publish-key --out FILE [--json]',
    summary:
      "Write the office's public key file (the commissioner's key and how they came to hold the role and " +
      "the key) for the office's website; the public checks a notice with verify FILE.pdf --key FINGERPRINT",
    options: { out: { type: 'string' } },
    async run(ctx) {
      const out = path.resolve(requiredOption(ctx, 'out'));
      const { sqlite } = ctx.connection();
      // A key is published only from a record that verifies: never a commissioner slipped in past it.
      const report = verifyDatabase(sqlite);
      if (!report.ok)
        throw new CliRefusal(
          `The record does not verify (${report.problems.length} problem(s), the first: ${report.problems[0]}): ` +
            'no key is published from it; run tranche verify',
        );
      let file;
      try {
        file = officeKeyFile(sqlite, new Date().toISOString());
      } catch (error) {
        if (error instanceof Refusal) throw new CliRefusal(error.message);
        throw error;
      }
      writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`);
      const fingerprints = file.commissioner.keys.map((k) => k.fingerprint);
      if (ctx.json)
        return ctx.print(
          JSON.stringify(
            { file: out, commissioner: file.commissioner.name, fingerprints, office: file.office },
            null,
            2,
          ),
        );
      ctx.print(`Wrote the office's public key file to ${out}`);
      ctx.print(`Commissioner: ${file.commissioner.name}; key fingerprint ${fingerprints.join(', or ')}`);
      ctx.print(
        "Publish it on the office's website. Anyone checks a notice with: " +
          `tranche verify NOTICE.pdf --key "${fingerprints[0]}"`,
      );
    },
  },
  {
    words: ['office', 'set'],
    usage: 'office set --org-id ID [--json]',
    summary:
      "Keeps the office's 360Giving org-id (org-id.guide, like GB-CHC-1234567), so publish 360giving " +
      'need not be given it each time (lead officers); an empty ID clears it',
    options: { 'org-id': { type: 'string' } },
    async run(ctx) {
      const orgId = ctx.values['org-id'];
      if (typeof orgId !== 'string') throw new CliRefusal('--org-id is required (an empty one clears it)');
      const kept = await ctx.call('office:set', { ...(await ctx.call('office:get', {})), orgId });
      if (ctx.json) return ctx.print(JSON.stringify(kept, null, 2));
      ctx.print(kept.orgId ? `The office's org-id is now ${kept.orgId}` : "The office's org-id is cleared");
    },
  },
];
