import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import { moveRoundTo } from '../support/stages';
import { actingAs, testContext } from '../support/temp-db';

// The notice in the office's words (`notice set`), the office's own partnerships, and the reason an
// award will reduce crime and disorder: kept, refused where they must be, and frozen when signed.

async function decided() {
  const { ctx } = testContext();
  await dispatch('demo:load', {}, ctx);
  const as = (name: string) => actingAs(ctx, name);
  const lead = as('Dan Hughes');
  const set = await dispatch(
    'allocation:set',
    {
      roundId: 1,
      bidRef: 'B2',
      option: 'full',
      crimeReduction: 'Earlier safeguarding referrals cut repeat victimisation of children',
    },
    lead,
  );
  if (!set.ok) throw new Error(set.error.message);
  await moveRoundTo(lead, 1, 'decision');
  return { ctx, as, lead };
}

type Preview = {
  executiveSummary: string | null;
  background: string | null;
  board: { name: string | null; meetingOn: string | null } | null;
  noBidFrom: string[];
  decisions: { ref: string; crimeReduction: string }[];
};

describe('notice set', () => {
  it("keeps the office's summary, background and board meeting, and prints them in the notice", async () => {
    const { lead } = await decided();
    const result = await dispatch(
      'notices:set',
      {
        roundId: 1,
        summary: 'The Commissioner passported £6,969,000 to the seven partnerships.',
        background: 'Partnerships were asked for invest to save schemes.',
        boardName: 'Strategic Policing and Crime Board',
        boardDate: '2013-11-05',
      },
      lead,
    );
    if (!result.ok) throw new Error(result.error.message);
    // Leaving a field out keeps it; a blank clears it.
    const again = await dispatch('notices:set', { roundId: 1, background: '' }, lead);
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.executiveSummary).toContain('£6,969,000');
    expect(again.value.background).toBeNull();
    const preview = again.value.preview as Preview;
    expect(preview.executiveSummary).toContain('£6,969,000');
    expect(preview.board).toMatchObject({
      name: 'Strategic Policing and Crime Board',
      meetingOn: '2013-11-05',
    });
    expect(preview.decisions.find((d) => d.ref === 'B2')?.crimeReduction).toContain('repeat victimisation');

    const docx = await dispatch('notices:export', { roundId: 1, format: 'docx' }, lead);
    const mammoth = (await import('mammoth')).default;
    const text = (
      await mammoth.extractRawText({ buffer: Buffer.from(docx.ok ? docx.value.dataBase64 : '', 'base64') })
    ).value.replace(/\s+/g, ' ');
    expect(text).toContain('The Commissioner passported £6,969,000 to the seven partnerships.');
    expect(text).toContain(
      'The Commissioner sought the views of the Strategic Policing and Crime Board at its meeting on 5 November 2013.',
    );
    expect(text).toContain('How it will reduce crime and disorder: Earlier safeguarding referrals');
    expect(text).toContain('Total for Birmingham Community Safety Partnership');
    expect(text).toContain('Grand total');
    expect(text).toMatch(/Wolverhampton Community Safety Partnership\s*No bid made/);
    expect(text).not.toContain('attached');
  });

  it('is refused to anyone but a lead officer, with a bad date, and once signed', async () => {
    const { as, lead } = await decided();
    const byCommissioner = await dispatch('notices:set', { roundId: 1, summary: 'x' }, as('Pat Morgan'));
    expect(byCommissioner.ok).toBe(false);
    const badDate = await dispatch('notices:set', { roundId: 1, boardDate: '2013-02-30' }, lead);
    expect(badDate.ok || badDate.error.message).toMatch(/board date/i);
    await dispatch('notices:set', { roundId: 1, boardName: 'Strategic Policing and Crime Board' }, lead);
    const signed = await dispatch(
      'notices:sign',
      { roundId: 1, readinessReason: 'The board agreed to go ahead' },
      as('Pat Morgan'),
    );
    if (!signed.ok) throw new Error(signed.error.message);
    const after = await dispatch('notices:set', { roundId: 1, boardName: 'Another board' }, lead);
    expect(after.ok).toBe(false);
    const notice = await dispatch('notices:get', { roundId: 1 }, lead);
    expect((notice.ok && (notice.value?.preview as Preview).board?.name) || '').toBe(
      'Strategic Policing and Crime Board',
    );
  });
});

describe("the office's partnerships", () => {
  it('lists Wolverhampton as an office partnership with no bid, and adds new ones once', async () => {
    const { lead } = await decided();
    const list = await dispatch('partnerships:list', {}, lead);
    if (!list.ok) throw new Error(list.error.message);
    const wolverhampton = list.value.find((p) => p.name.startsWith('Wolverhampton'));
    expect(wolverhampton).toMatchObject({ office: true });
    expect(list.value.find((p) => p.name.startsWith('Office of the Police'))?.office).toBe(false);

    const added = await dispatch(
      'partnerships:add',
      { name: 'Safer Telford Partnership', area: 'Telford' },
      lead,
    );
    expect(added.ok && added.value).toMatchObject({ name: 'Safer Telford Partnership', office: true });
    const twice = await dispatch('partnerships:add', { name: 'safer telford partnership' }, lead);
    expect(twice.ok || twice.error.message).toMatch(/already one of the office's partnerships/);
    // An alias finds the partnership an import made, rather than adding a second.
    const opcc = await dispatch('partnerships:add', { name: 'OPCC' }, lead);
    expect(opcc.ok && opcc.value.name).toBe('Office of the Police and Crime Commissioner');

    const notice = await dispatch('notices:create', { roundId: 1 }, lead);
    const preview = (notice.ok ? notice.value.preview : null) as Preview;
    expect(preview.noBidFrom).toEqual(
      expect.arrayContaining(['Wolverhampton Community Safety Partnership', 'Safer Telford Partnership']),
    );
  });
});
