import { dispatch } from '../../electron/handlers/dispatch';
import type { HandlerContext } from '../../electron/handlers/context';
import type { Channel, Input, Output } from '../../shared/contract';
import { moveRoundTo } from './stages';
import { actingAs, testContext } from './temp-db';

/** A Result's refusal as "code: message", or null when it went through. */
export const refusalOf = (result: { ok: boolean; error?: { code: string; message: string } }) =>
  result.ok ? null : `${result.error!.code}: ${result.error!.message}`;

/**
 * The demonstration's Invest to Save round decided and signed: S1 awarded £50,000 and D1 £40,000
 * on 22 November 2026 (or `signedOn`). The clock is the test's to move (`setDay`), one second a call within a day.
 */
export async function signedRound(signedOn = '2026-11-22', dbFile?: string) {
  const { ctx, connection, file } = testContext(dbFile);
  let day = signedOn;
  let tick = 0;
  ctx.now = () => new Date(Date.parse(`${day}T09:00:00Z`) + 1000 * tick++).toISOString();
  await dispatch('demo:load', {}, ctx);
  const lead = actingAs(ctx, 'Dan Hughes');
  const as = (name: string): HandlerContext => actingAs(ctx, name);
  const call = async <C extends Channel>(channel: C, input: Input<C>, who: HandlerContext = lead) => {
    const result = await dispatch(channel, input, who);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as Output<C>;
  };
  for (const [bidRef, amountPence] of [
    ['S1', 5_000_000],
    ['D1', 4_000_000],
  ] as const)
    await call('allocation:set', {
      roundId: 1,
      bidRef,
      option: 'custom',
      amountPence,
      conditions: 'Quarterly reports to the Strategic Policing and Crime Board',
      reason: 'Chosen by the panel',
    });
  await moveRoundTo(lead, 1, 'decision');
  await call('notices:sign', { roundId: 1, readinessReason: 'Test decision' }, as('Pat Morgan'));
  return {
    ctx,
    connection,
    file,
    lead,
    officer: as('Asha Patel'),
    commissioner: as('Pat Morgan'),
    as,
    call,
    setDay: (iso: string) => {
      day = iso;
      tick = 0;
    },
  };
}

export type SignedOffice = Awaited<ReturnType<typeof signedRound>>;

/** Due diligence on a grant as the lead officer records it: a council with audited accounts, a low fraud risk. */
export function recordDiligence(office: SignedOffice, bidRef = 'S1') {
  return office.call('grants:diligence', {
    roundId: 1,
    bidRef,
    bankConfirmed: true,
    accountableBody: 'Solihull Council',
    fraudRisk: 'low',
    reason: 'Audited accounts seen',
  });
}

/** £12,500 claimed on S1 for its first quarter by an officer on 15 July 2026 (the clock is left there). */
export function claimFirstQuarter(office: SignedOffice) {
  office.setDay('2026-07-15');
  return office.call(
    'claims:add',
    { roundId: 1, bidRef: 'S1', amountPence: 1_250_000, period: '2026-27-Q1' },
    office.officer,
  );
}
