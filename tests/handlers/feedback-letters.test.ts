import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import type { Channel } from '../../shared/channels';
import type { Input } from '../../shared/contract';
import { wordParts, wordXmlText } from '../exports/document-text';
import { actingAs, testContext } from '../support/temp-db';

// Feedback in letters is the office's approved words: an officer drafts a summary per criterion, a
// lead officer approves it, and only approved words reach a bidder. Withdrawn bids get a letter too.

async function setUp() {
  const { ctx } = testContext();
  await dispatch('demo:load', {}, ctx);
  const lead = actingAs(ctx, 'Dan Hughes');
  const officer = actingAs(ctx, 'Asha Patel');
  const board = actingAs(ctx, 'Frances Doyle');
  const call = async <C extends Channel>(channel: C, input: Input<C>, who = lead) => {
    const result = await dispatch(channel, input, who);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value;
  };
  return { ctx, lead, officer, board, call };
}

async function letterText(
  call: Awaited<ReturnType<typeof setUp>>['call'],
  ref: string,
): Promise<{ names: string[]; text: string }> {
  const [bundle] = await call('letters:export', { roundId: 1, format: 'docx', zip: true });
  const zip = await JSZip.loadAsync(Buffer.from(bundle!.dataBase64, 'base64'));
  const names = Object.keys(zip.files);
  const name = names.find((n) => n.startsWith(`${ref} `)) ?? '';
  const docx = await zip.file(name)!.async('nodebuffer');
  return { names, text: wordXmlText((await wordParts(docx)).document) };
}

describe('feedback summaries in letters', () => {
  it('prints an officer’s draft only once a lead officer approves it, and never after it changes', async () => {
    const { lead, officer, board, call } = await setUp();
    const draft = 'The case for savings was not made: no baseline cost was given.';
    await call('feedback:set', { roundId: 1, bidRef: 'SS3', criterion: 'c3', text: draft }, officer);
    const listed = await call('feedback:list', { roundId: 1 }, officer);
    expect(listed).toEqual([
      {
        ref: 'SS3',
        criterion: 'C3',
        text: draft,
        writtenBy: 'Asha Patel',
        approvedBy: null,
        approved: false,
      },
    ]);
    expect((await letterText(call, 'SS3')).text).not.toContain('no baseline cost');

    // Only a lead officer approves; a board member cannot write feedback at all.
    const notTheirs = await dispatch('feedback:approve', { roundId: 1, bidRef: 'SS3' }, officer);
    expect(notTheirs.ok ? 'accepted' : notTheirs.error.code).toBe('forbidden');
    const boardWrites = await dispatch(
      'feedback:set',
      { roundId: 1, bidRef: 'SS3', criterion: 'C3', text: 'x' },
      board,
    );
    expect(boardWrites.ok ? 'accepted' : boardWrites.error.code).toBe('forbidden');

    const approved = await call('feedback:approve', { roundId: 1, bidRef: 'SS3' }, lead);
    expect(approved[0]).toMatchObject({ approved: true, approvedBy: 'Dan Hughes' });
    const letter = (await letterText(call, 'SS3')).text;
    expect(letter).toMatch(
      /C3 Savings or efficiency \(invest to save\): Scored [\d.]+ out of \d+\.? ?.*no baseline cost/,
    );

    // A change by an officer needs approving again; until then the letter has the score alone.
    await call(
      'feedback:set',
      { roundId: 1, bidRef: 'SS3', criterion: 'C3', text: 'Rewritten, unseen.' },
      officer,
    );
    expect((await letterText(call, 'SS3')).text).not.toContain('Rewritten');
    expect((await letterText(call, 'SS3')).text).not.toContain('no baseline cost');
    const again = await dispatch('feedback:approve', { roundId: 1, bidRef: 'SS1' }, lead);
    expect(again.ok ? 'accepted' : again.error.message).toBe('No feedback on SS1 awaits approval');

    // A lead officer's own words are approved as written.
    await call(
      'feedback:set',
      { roundId: 1, bidRef: 'B1', criterion: 'C2', text: 'Strong local evidence.' },
      lead,
    );
    expect((await letterText(call, 'B1')).text).toContain('Strong local evidence.');

    const bad = await dispatch(
      'feedback:set',
      { roundId: 1, bidRef: 'B1', criterion: 'Q9', text: 'x' },
      lead,
    );
    expect(bad.ok ? 'accepted' : bad.error.message).toMatch(/no criterion Q9: use one of G1, C1, C2/);
  });

  it('writes to a partnership whose bid was withdrawn, saying so', async () => {
    const { call } = await setUp();
    const bids = await call('bids:list', { roundId: 1 });
    const bid = await call('bids:get', { id: bids.find((b) => b.ref === 'SS5')!.id });
    await call('bids:update', {
      id: bid.id,
      ref: bid.ref,
      partnership: bid.partnership,
      title: bid.title,
      requestedPence: bid.requestedPence,
      reducedPence: bid.reducedPence,
      status: 'withdrawn',
      statusReason: "The partnership's letter of withdrawal",
    });
    const { names, text } = await letterText(call, 'SS5');
    expect(names).toHaveLength(13);
    expect(names).toContain('SS5 decline letter.docx');
    expect(text).toContain('The bid was withdrawn before the decision, so it was not considered further.');
  });
});
