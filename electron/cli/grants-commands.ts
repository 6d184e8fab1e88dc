import { formatDate, isIsoDate } from '../../shared/dates';
import { FRAUD_RISKS, GRANT_STATUS_LABELS, RAG_LABELS } from '../../shared/grant-terms';
import { formatMoney, parseMoney } from '../../shared/money';
import {
  CliRefusal,
  idOption,
  moneyOption,
  printJson,
  readInputFile,
  requiredOption,
  writeOutput,
  type Command,
  type CommandContext,
} from './command-kit';
import { textTable } from './output';

// After the award: grants, their due diligence, agreement and schedule, claims paid in arrears,
// monitoring returns and the board's delivery report (electron/handlers/grants/).

const optional = (ctx: CommandContext, name: string) =>
  typeof ctx.values[name] === 'string' ? (ctx.values[name] as string) : undefined;

function asOfOption(ctx: CommandContext): { asOf?: string } {
  const asOf = optional(ctx, 'as-of');
  if (asOf === undefined) return {};
  if (!isIsoDate(asOf)) throw new CliRefusal(`--as-of must be a date like 2027-02-22, not "${asOf}"`);
  return { asOf };
}

const grant = (ctx: CommandContext) => ({
  roundId: idOption(ctx, 'round'),
  bidRef: requiredOption(ctx, 'bid'),
});
const roundAndBid = { round: { type: 'string' }, bid: { type: 'string' } } as const;

function printGrant(
  ctx: CommandContext,
  g: { ref: string; status: keyof typeof GRANT_STATUS_LABELS },
  what: string,
) {
  if (ctx.json) return printJson(ctx, g);
  ctx.print(`${what}: grant ${g.ref} is ${GRANT_STATUS_LABELS[g.status].toLowerCase()}`);
}

export const grantsCommands: Command[] = [
  {
    words: ['grants', 'list'],
    usage: 'grants list --round ID [--as-of YYYY-MM-DD] [--json]',
    summary:
      "A signed round's grants: awarded, paid, remaining, status, the next return due and what is overdue " +
      '(judged on --as-of instead of today)',
    options: { round: { type: 'string' }, 'as-of': { type: 'string' } },
    async run(ctx) {
      const grants = await ctx.call('grants:list', { roundId: idOption(ctx, 'round'), ...asOfOption(ctx) });
      if (ctx.json)
        return printJson(
          ctx,
          grants.map((g) => ({
            ref: g.ref,
            partnership: g.partnership,
            awardedPence: g.awardedPence,
            paidPence: g.paidPence,
            remainingPence: g.remainingPence,
            status: g.status,
            nextReturnDue: g.nextReturnDue,
            overdue: g.overdue,
          })),
        );
      ctx.print(
        textTable(
          ['Bid', 'Partnership', 'Awarded', 'Paid', 'Remaining', 'Status', 'Next return', 'RAG', 'Overdue'],
          grants.map((g) => [
            g.ref,
            g.partnership,
            formatMoney(g.awardedPence),
            formatMoney(g.paidPence),
            formatMoney(g.remainingPence),
            GRANT_STATUS_LABELS[g.status],
            g.nextReturnDue ? formatDate(g.nextReturnDue) : '',
            RAG_LABELS[g.rag],
            g.overdue.map((o) => `return due ${formatDate(o.dueOn)}`).join(', '),
          ]),
          [2, 3, 4],
        ),
      );
    },
  },
  {
    words: ['grants', 'show'],
    usage: 'grants show --round ID --bid REF [--as-of YYYY-MM-DD] [--json]',
    summary: 'One grant in full: due diligence, agreement, schedule, claims and returns',
    options: { ...roundAndBid, 'as-of': { type: 'string' } },
    async run(ctx) {
      const g = await ctx.call('grants:get', { ...grant(ctx), ...asOfOption(ctx) });
      if (ctx.json) return printJson(ctx, g);
      ctx.print(`${g.ref} ${g.title} (${g.partnership}): ${GRANT_STATUS_LABELS[g.status]}`);
      ctx.print(
        `Awarded ${formatMoney(g.awardedPence)} on ${formatDate(g.awardedOn)}; paid ${formatMoney(g.paidPence)}`,
      );
      ctx.print(`Due diligence: ${g.diligenceComplete ? 'complete' : 'not complete'}`);
      const total = g.scheduleTotal;
      if (total)
        ctx.print(
          total.addsUp
            ? `Payment schedule: ${g.years.length} financial year(s), adding up to the award`
            : `Payment schedule: adds up to ${formatMoney(total.scheduledPence)} but the award is now ` +
                `${formatMoney(total.awardedPence)}; set the schedule again`,
        );
      for (const c of g.claims)
        ctx.print(
          `Claim ${c.id} ${c.period}: ${formatMoney(c.amountPence)} ${c.status} (recorded by ${c.recordedBy})`,
        );
      for (const r of g.returns)
        ctx.print(
          `Return due ${formatDate(r.dueOn)}: ` +
            `${r.receivedOn ? `received ${formatDate(r.receivedOn)}` : 'not received'}` +
            `${r.late ? ' (late)' : ''}`,
        );
    },
  },
  {
    words: ['grants', 'diligence'],
    usage:
      'grants diligence --round ID --bid REF --bank-confirmed --accountable-body TEXT ' +
      '--fraud-risk low|medium|high --reason TEXT [--conflicts TEXT] [--json]',
    summary: 'Record the due diligence a grant needs before its first payment',
    options: {
      ...roundAndBid,
      'bank-confirmed': { type: 'boolean' },
      'accountable-body': { type: 'string' },
      'fraud-risk': { type: 'string' },
      reason: { type: 'string' },
      conflicts: { type: 'string' },
    },
    async run(ctx) {
      const risk = requiredOption(ctx, 'fraud-risk').trim().toLowerCase();
      if (!(FRAUD_RISKS as readonly string[]).includes(risk))
        throw new CliRefusal(`--fraud-risk must be one of ${FRAUD_RISKS.join(', ')}, not "${risk}"`);
      const conflicts = optional(ctx, 'conflicts');
      const g = await ctx.call('grants:diligence', {
        ...grant(ctx),
        bankConfirmed: ctx.values['bank-confirmed'] === true,
        accountableBody: requiredOption(ctx, 'accountable-body'),
        fraudRisk: risk as (typeof FRAUD_RISKS)[number],
        reason: requiredOption(ctx, 'reason'),
        ...(conflicts !== undefined ? { conflicts } : {}),
      });
      if (ctx.json)
        return printJson(ctx, { ref: g.ref, diligenceComplete: g.diligenceComplete, diligence: g.diligence });
      ctx.print(
        `Due diligence on grant ${g.ref} is ${g.diligenceComplete ? 'complete' : 'recorded but not complete'}`,
      );
    },
  },
  {
    words: ['grants', 'agreement'],
    usage: 'grants agreement --round ID --bid REF --out FILE.docx',
    summary: 'Draft the grant agreement from the signed decision as Word',
    options: { ...roundAndBid, out: { type: 'string' } },
    async run(ctx) {
      requiredOption(ctx, 'out');
      writeOutput(ctx, await ctx.call('grants:agreement', grant(ctx)));
    },
  },
  {
    words: ['grants', 'sign'],
    usage:
      'grants sign --round ID --bid REF --party recipient|office [--signatory NAME] [--on YYYY-MM-DD] [--json]',
    summary:
      "Record a party's signature on the grant agreement: the recipient's signatory by name, or the office's " +
      '(whoever records it); signed by both, the agreement is signed',
    options: {
      ...roundAndBid,
      party: { type: 'string' },
      signatory: { type: 'string' },
      on: { type: 'string' },
    },
    async run(ctx) {
      const party = requiredOption(ctx, 'party');
      if (party !== 'recipient' && party !== 'office')
        throw new CliRefusal(`--party must be recipient or office, not "${party}"`);
      const signatory = optional(ctx, 'signatory');
      const on = optional(ctx, 'on');
      const g = await ctx.call('grants:signAgreement', {
        ...grant(ctx),
        party,
        ...(signatory !== undefined ? { signatory } : {}),
        ...(on !== undefined ? { signedOn: on } : {}),
      });
      printGrant(ctx, g, `Signed for the ${party}`);
    },
  },
  {
    words: ['grants', 'schedule'],
    usage: 'grants schedule --round ID --bid REF --year 2026-27=MONEY [--year 2027-28=MONEY …] [--json]',
    summary:
      "Set a grant's money per financial year (adding up to the award; none carries over to the next year). " +
      'Until set, a grant is paid quarterly in arrears across its life',
    options: { ...roundAndBid, year: { type: 'string', multiple: true } },
    async run(ctx) {
      const given = ctx.values.year as unknown;
      const list = Array.isArray(given) ? (given as string[]) : typeof given === 'string' ? [given] : [];
      if (list.length === 0) throw new CliRefusal('--year is required, like --year 2026-27=£300,000');
      const years = list.map((text) => {
        const [fy, money] = text.split('=');
        const parsed = parseMoney(money ?? '');
        if (!fy || !parsed.ok)
          throw new CliRefusal(`--year must be written like 2026-27=£300,000, not "${text}"`);
        return { financialYear: fy.trim(), allocationPence: parsed.pence };
      });
      const g = await ctx.call('grants:schedule', { ...grant(ctx), years });
      if (ctx.json) return printJson(ctx, { ref: g.ref, years: g.years });
      for (const y of g.years) ctx.print(`${y.financialYear}: ${formatMoney(y.allocationPence)}`);
    },
  },
  {
    words: ['grants', 'vary'],
    usage: 'grants vary --round ID --bid REF --amount MONEY --reason TEXT [--json]',
    summary:
      "Change a grant's amount; above the office's threshold (grants threshold) it needs a new signed decision " +
      '(notice supersede)',
    options: { ...roundAndBid, amount: { type: 'string' }, reason: { type: 'string' } },
    async run(ctx) {
      const g = await ctx.call('grants:vary', {
        ...grant(ctx),
        amountPence: moneyOption(ctx, 'amount'),
        reason: requiredOption(ctx, 'reason'),
      });
      if (ctx.json) return printJson(ctx, { ref: g.ref, awardedPence: g.awardedPence });
      ctx.print(`Grant ${g.ref} is now ${formatMoney(g.awardedPence)}`);
    },
  },
  {
    words: ['grants', 'threshold'],
    usage: 'grants threshold [--amount MONEY] [--json]',
    summary: "See or set the office's variation threshold: a bigger change to a grant needs a new decision",
    options: { amount: { type: 'string' } },
    async run(ctx) {
      const result =
        ctx.values.amount === undefined
          ? await ctx.call('grants:threshold', {})
          : await ctx.call('grants:setThreshold', { thresholdPence: moneyOption(ctx, 'amount') });
      if (ctx.json) return printJson(ctx, result);
      ctx.print(`Variation threshold: ${formatMoney(result.thresholdPence)}`);
    },
  },
  {
    words: ['grants', 'close'],
    usage: 'grants close --round ID --bid REF --final-report TEXT [--clawback MONEY] [--json]',
    summary: 'Close a grant with its final report (with --clawback, the money recovered: it is clawed back)',
    options: { ...roundAndBid, 'final-report': { type: 'string' }, clawback: { type: 'string' } },
    async run(ctx) {
      const g = await ctx.call('grants:close', {
        ...grant(ctx),
        finalReport: requiredOption(ctx, 'final-report'),
        ...(ctx.values.clawback !== undefined ? { clawbackPence: moneyOption(ctx, 'clawback') } : {}),
      });
      printGrant(ctx, g, 'Closed');
    },
  },
  {
    words: ['claims', 'add'],
    usage: 'claims add --round ID --bid REF --amount MONEY --period 2026-27-Q1 [--match MONEY] [--json]',
    summary:
      'Record a claim for a quarter that has ended (paid in arrears), within what remains of the award and of ' +
      "that year's money; --match reports match funding where the grant has it",
    options: {
      ...roundAndBid,
      amount: { type: 'string' },
      period: { type: 'string' },
      match: { type: 'string' },
    },
    async run(ctx) {
      const claim = await ctx.call('claims:add', {
        ...grant(ctx),
        amountPence: moneyOption(ctx, 'amount'),
        period: requiredOption(ctx, 'period'),
        ...(ctx.values.match !== undefined ? { matchPence: moneyOption(ctx, 'match') } : {}),
      });
      if (ctx.json) return printJson(ctx, claim);
      ctx.print(`Recorded claim ${claim.id}; it is paid once someone else approves it`);
    },
  },
  {
    words: ['claims', 'approve'],
    usage: 'claims approve --round ID --claim ID [--json]',
    summary: 'Approve a claim, which pays it (a lead officer or the commissioner, not whoever recorded it)',
    options: { round: { type: 'string' }, claim: { type: 'string' } },
    async run(ctx) {
      const claim = await ctx.call('claims:approve', {
        roundId: idOption(ctx, 'round'),
        claimId: idOption(ctx, 'claim'),
      });
      if (ctx.json) return printJson(ctx, claim);
      ctx.print(`Claim ${claim.id} is approved and paid`);
    },
  },
  {
    words: ['returns', 'template'],
    usage: 'returns template --round ID --bid REF --out FILE.xlsx',
    summary: "The monitoring return workbook for a grant's next return, to send to the recipient",
    options: { ...roundAndBid, out: { type: 'string' } },
    async run(ctx) {
      requiredOption(ctx, 'out');
      writeOutput(ctx, await ctx.call('returns:template', grant(ctx)));
    },
  },
  {
    words: ['returns', 'import'],
    usage: 'returns import FILE --round ID [--json]',
    summary: 'Import a completed monitoring return (.xlsx); all or nothing, naming every bad cell',
    options: { round: { type: 'string' } },
    async run(ctx) {
      const file = readInputFile(ctx.args[0]);
      const result = await ctx.call('returns:import', { roundId: idOption(ctx, 'round'), ...file });
      if (ctx.json) return printJson(ctx, result);
      ctx.print(
        `Imported the return of grant ${result.ref} due ${formatDate(result.dueOn)}` +
          `${result.late ? `, received late on ${formatDate(result.receivedOn)}` : ''} (${RAG_LABELS[result.rag]})`,
      );
    },
  },
  {
    words: ['report', 'delivery'],
    usage: 'report delivery --round ID [--as-of YYYY-MM-DD] [--out FILE.xlsx] [--json]',
    summary: "The board's delivery report: awarded, paid, remaining, last return, RAG and what is overdue",
    options: { round: { type: 'string' }, 'as-of': { type: 'string' }, out: { type: 'string' } },
    async run(ctx) {
      const input = { roundId: idOption(ctx, 'round'), ...asOfOption(ctx) };
      if (typeof ctx.values.out === 'string')
        return writeOutput(ctx, await ctx.call('reports:deliveryXlsx', input));
      const report = await ctx.call('reports:delivery', input);
      if (ctx.json) return printJson(ctx, report);
      ctx.print(`${report.round}: delivery as of ${formatDate(report.asOf)}`);
      ctx.print(
        textTable(
          ['Partnership', 'Grants', 'Awarded', 'Paid', 'Remaining', 'Overdue', 'RAG'],
          report.partnerships.map((p) => [
            p.partnership,
            String(p.grants),
            formatMoney(p.awardedPence),
            formatMoney(p.paidPence),
            formatMoney(p.remainingPence),
            String(p.overdue),
            RAG_LABELS[p.rag],
          ]),
          [1, 2, 3, 4, 5],
        ),
      );
    },
  },
  {
    words: ['notice', 'supersede'],
    usage: 'notice supersede --round ID [--json]',
    summary: 'Draft a notice that supersedes the signed one, reopening the decision (a lead officer)',
    options: { round: { type: 'string' } },
    async run(ctx) {
      const notice = await ctx.call('notices:supersede', { roundId: idOption(ctx, 'round') });
      if (ctx.json) return printJson(ctx, { number: notice.number, status: notice.status });
      ctx.print(`Drafted decision ${notice.number}, superseding the signed one`);
    },
  },
];
