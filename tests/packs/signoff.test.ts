import { describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/handlers/dispatch';
import { actingAs, testContext } from '../support/temp-db';

// Sign-off packs through the channels, the office's database and the commissioner's side by side:
// what the commissioner's copy allows, and what the office refuses when its notice has changed
// since the pack was made, until a new pack is signed.

const PAT = 'pat signs at home';

async function ok<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) {
  const settled = await result;
  if (!settled.ok) throw new Error(settled.error.message);
  return settled.value;
}

const refusal = async (result: Promise<{ ok: boolean; error?: { message: string } }>) => {
  const settled = await result;
  expect(settled.ok).toBe(false);
  return settled.error!.message;
};

/** The office: the demonstration round allocated in rank order, at the decision stage. */
async function office() {
  const { ctx } = testContext();
  await ok(dispatch('demo:load', {}, ctx));
  const lead = actingAs(ctx, 'Dan Hughes');
  await ok(dispatch('allocation:suggest', { roundId: 1, apply: true }, lead));
  await ok(dispatch('rounds:setStage', { roundId: 1, to: 'decision' }, lead));
  const notice = await ok(dispatch('notices:create', { roundId: 1 }, lead));
  return { ctx, lead, notice };
}

const signoffPack = (lead: HandlerContext) => dispatch('packs:make', { kind: 'signoff', roundId: 1 }, lead);

describe('sign-off packs', () => {
  it('refuses a signature for a notice the office changed since, and accepts the next one signed', async () => {
    const { ctx: officeCtx, lead, notice } = await office();
    expect(await refusal(signoffPack(lead))).toContain('is a draft: send it for sign-off first');
    await ok(
      dispatch(
        'notices:ready',
        { roundId: 1, readinessReason: 'Board views were taken at the meeting' },
        lead,
      ),
    );
    const first = await ok(signoffPack(lead));
    expect(first.to.name).toBe('Pat Morgan');

    // Pat's laptop: the notice shows the office's decision; only signing is allowed there.
    const { ctx: pat } = testContext();
    const opened = await ok(
      dispatch(
        'packs:open',
        { bytesBase64: first.bytesBase64, enrolmentCode: first.enrolmentCode!, newPassphrase: PAT },
        pat,
      ),
    );
    const roundId = opened.roundId;
    const onCopy = await ok(dispatch('notices:get', { roundId }, pat));
    const atOffice = await ok(dispatch('notices:get', { roundId: 1 }, lead));
    expect(onCopy).toMatchObject({ number: atOffice!.number, status: 'ready' });
    expect(onCopy!.preview.decisions).toEqual(atOffice!.preview.decisions);
    expect(onCopy!.preview.decisions.length).toBeGreaterThan(0);
    // The copy's own pages show the office's money: its commitments travel with the round.
    const copyRound = await ok(dispatch('rounds:get', { id: roundId }, pat));
    const officeRound = await ok(dispatch('rounds:get', { id: 1 }, lead));
    expect(officeRound.committedPence).toBeGreaterThan(0);
    expect(copyRound).toMatchObject({
      isCopy: true,
      committedPence: officeRound.committedPence,
      availablePence: officeRound.availablePence,
      status: officeRound.status,
    });
    expect(officeRound.isCopy).toBe(false);
    expect(await refusal(dispatch('packs:return', { roundId }, pat))).toContain(
      `Sign decision ${atOffice!.number} first`,
    );
    expect(
      await refusal(dispatch('allocation:set', { roundId, bidRef: 'S1', option: 'none' }, pat)),
    ).toContain('This round is a copy from your office');
    await ok(dispatch('notices:sign', { roundId, interests: 'None' }, pat));
    const signed = await ok(dispatch('packs:return', { roundId }, pat));

    // Meanwhile the office retitles its notice and sends it for sign-off again: the signature is of
    // another notice now, and refused with the reason; nothing changes.
    await ok(
      dispatch(
        'notices:update',
        {
          noticeId: notice.id,
          title: `${notice.title} (revised)`,
          marking: notice.marking,
          wording: notice.wording,
          includeAppendixB: notice.includeAppendixB,
          summary: notice.summary,
        },
        lead,
      ),
    );
    expect(await refusal(dispatch('packs:receive', { bytesBase64: signed.bytesBase64 }, lead))).toMatch(
      /has changed at the office since the sign-off pack was made \(it is now draft\).+nothing was changed$/,
    );
    await ok(
      dispatch(
        'notices:ready',
        { roundId: 1, readinessReason: 'Board views were taken at the meeting' },
        lead,
      ),
    );
    expect(await refusal(dispatch('packs:receive', { bytesBase64: signed.bytesBase64 }, lead))).toMatch(
      /has changed at the office since the sign-off pack was made \(it is now different\)/,
    );
    expect(officeCtx.store.rounds.get(1)?.stage).toBe('decision');

    // A new pack replaces the copy's notice (and Pat's signature of the old one); signed again, accepted.
    const second = await ok(signoffPack(lead));
    await ok(dispatch('packs:open', { bytesBase64: second.bytesBase64 }, pat));
    const reopened = await ok(dispatch('notices:get', { roundId }, pat));
    expect(reopened).toMatchObject({ status: 'ready', title: `${notice.title} (revised)`, signedBy: null });
    expect(pat.store.rounds.get(roundId)?.stage).toBe('decision');
    await ok(dispatch('notices:sign', { roundId, interests: 'None' }, pat));
    const accepted = await ok(
      dispatch(
        'packs:receive',
        { bytesBase64: (await ok(dispatch('packs:return', { roundId }, pat))).bytesBase64 },
        lead,
      ),
    );
    expect(accepted).toMatchObject({ of: 'signoff', added: 1 });
    const final = await ok(dispatch('notices:get', { roundId: 1 }, lead));
    expect(final).toMatchObject({
      status: 'signed',
      signedBy: 'Pat Morgan',
      title: `${notice.title} (revised)`,
    });
    expect(officeCtx.store.rounds.get(1)?.stage).toBe('signed');
    // The signature received at the office makes a grant for every award, as signing here does;
    // the commissioner's copy, signed too, has none: delivery is the office's.
    const allocation = await ok(dispatch('allocation:get', { roundId: 1 }, lead));
    const grants = await ok(dispatch('grants:list', { roundId: 1 }, lead));
    const byRef = (a: (string | number)[], b: (string | number)[]) =>
      String(a[0]).localeCompare(String(b[0]));
    expect(grants.map((g) => [g.ref, g.awardedPence, g.status]).sort(byRef)).toEqual(
      allocation.items.map((i) => [i.ref, i.amountPence, 'agreement_drafted']).sort(byRef),
    );
    expect(grants.length).toBeGreaterThan(0);
    expect(await ok(dispatch('grants:list', { roundId }, pat))).toEqual([]);
    // The old signature, even now, changes nothing.
    expect(await refusal(dispatch('packs:receive', { bytesBase64: signed.bytesBase64 }, lead))).toMatch(
      /older than the return already received from Pat Morgan on .+ \(UTC\); nothing was changed/,
    );
  }, 60_000);
});
