import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import { wordParts, wordXmlText } from '../exports/document-text';
import { TEST_PASSPHRASE, actingAs, testContext } from '../support/temp-db';
import { addPerson } from '../support/people';

describe('letters to bidders', () => {
  it('quote only submitted justifications, never a draft an assessor has not submitted', async () => {
    const { ctx } = testContext();
    await dispatch('demo:load', {}, ctx);
    const lead = actingAs(ctx, 'Dan Hughes');
    await addPerson({ name: 'Dee Draft', role: 'policy_officer', passphrase: TEST_PASSPHRASE }, lead);
    const dee = ctx.store.people.findByName('Dee Draft')!;
    const b1 = ctx.store.bids.findByRef(1, 'B1')!;
    const criterion = ctx.store.frameworks.forRound(1)!.criteria.find((c) => !c.gateway)!;
    // A draft left unsubmitted (written straight to the store: the round is past assessment).
    ctx.store.transaction(() =>
      ctx.store.scoring.saveScore(
        b1.id,
        dee.id,
        criterion.id,
        1,
        'UNSUBMITTED DRAFT REMARK',
        false,
        ctx.now(),
      ),
    );
    const letters = await dispatch('letters:export', { roundId: 1, format: 'docx', ref: 'B1' }, lead);
    if (!letters.ok) throw new Error(letters.error.message);
    const text = wordXmlText((await wordParts(Buffer.from(letters.value[0]!.dataBase64, 'base64'))).document);
    expect(text).toContain(criterion.name);
    expect(text).not.toContain('UNSUBMITTED DRAFT REMARK');
  });
});
