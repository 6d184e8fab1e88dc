import type { ParsedInput } from '../../../shared/contract';
import { formatMoney } from '../../../shared/money';
import type { HandlerContext } from '../context';
import { fieldRefusal } from '../refusal';
import { grantOf } from './view';
import { mustBeOpen, writableGrant } from './writable';

// A grant's money per financial year (Safer Streets: so much by 31 March, no transfer between
// years). Until the office sets one, the award is claimed quarterly in arrears across its life.

export function setSchedule(ctx: HandlerContext, input: ParsedInput<'grants:schedule'>) {
  return ctx.store.transaction(() => {
    const found = writableGrant(ctx, input.roundId, input.bidRef);
    mustBeOpen(found, 'its schedule can no longer change');
    const g = found.row.grant;
    const seen = new Set<string>();
    input.years.forEach((y, i) => {
      if (seen.has(y.financialYear))
        throw fieldRefusal('invalid_input', `years.${i}`, `${y.financialYear} is given twice`);
      seen.add(y.financialYear);
    });
    const total = input.years.reduce((s, y) => s + y.allocationPence, 0);
    if (total !== g.awardedPence)
      throw fieldRefusal(
        'invalid_input',
        'years',
        `The years add up to ${formatMoney(total)} but the award is ${formatMoney(g.awardedPence)}: ` +
          'give each year its share of the award',
      );
    const claims = ctx.store.grants.claims(input.roundId).filter((c) => c.grantId === g.id);
    for (const fy of new Set(claims.map((c) => c.financialYear))) {
      const claimed = claims.filter((c) => c.financialYear === fy).reduce((s, c) => s + c.amountPence, 0);
      const allocation = input.years.find((y) => y.financialYear === fy)?.allocationPence ?? 0;
      if (claimed > allocation)
        throw fieldRefusal(
          'conflict',
          'years',
          `${formatMoney(claimed)} is already claimed in ${fy}, more than the ${formatMoney(allocation)} ` +
            'this schedule gives that year',
        );
    }
    ctx.store.grants.replaceYears(
      g.id,
      [...input.years].sort((a, b) => a.financialYear.localeCompare(b.financialYear)),
    );
    ctx.store.grants.update(g.id, { updatedAt: ctx.now() });
    return grantOf(ctx, input.roundId, input.bidRef).detail();
  });
}
