import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import { declineReason, type DeclineFacts } from '../../shared/decline-reason';
import { wordParts, wordXmlText } from '../exports/document-text';
import { actingAs, testContext } from '../support/temp-db';

// Letters that explain: each decline says why, feedback is the scores as they counted (moderated
// where moderated), never an assessor's name or words, and all letters come as one zip.

const NONE: DeclineFacts = {
  withdrawn: false,
  failedGateway: false,
  belowMinimum: false,
  belowThreshold: false,
  score: null,
  threshold: null,
  boardAgainst: false,
  boardName: null,
  rank: null,
};

describe('decline reasons', () => {
  it('name the first thing that stopped the bid, in plain words', () => {
    expect(declineReason({ ...NONE, withdrawn: true, failedGateway: true })).toMatch(/withdrawn/);
    expect(declineReason({ ...NONE, failedGateway: true, belowThreshold: true })).toMatch(
      /eligibility gateway/,
    );
    expect(declineReason({ ...NONE, belowMinimum: true })).toMatch(/below the minimum/);
    expect(declineReason({ ...NONE, belowThreshold: true, score: 58.25, threshold: 70 })).toBe(
      'The bid’s overall score of 58.3 was below the fund’s quality threshold of 70, so it could not be funded.',
    );
    expect(
      declineReason({ ...NONE, boardAgainst: true, boardName: 'Strategic Policing and Crime Board' }),
    ).toBe('The Strategic Policing and Crime Board did not support the bid when it reviewed the shortlist.');
    expect(declineReason({ ...NONE, rank: 11 })).toBe(
      'The bid ranked 11th, and the money available ran out before its place in the ranking.',
    );
    expect(declineReason({ ...NONE, rank: 2 })).toContain('ranked 2nd');
  });
});

describe('letters for the 2013 demonstration round', () => {
  it('come as one zip; each decline says why, with no assessor named or quoted', async () => {
    const { ctx } = testContext();
    await dispatch('demo:load', {}, ctx);
    const lead = actingAs(ctx, 'Dan Hughes');
    const result = await dispatch('letters:export', { roundId: 1, format: 'docx', zip: true }, lead);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toHaveLength(1);
    const [bundle] = result.value;
    expect(bundle?.fileName).toMatch(/\.zip$/);
    const zip = await JSZip.loadAsync(Buffer.from(bundle!.dataBase64, 'base64'));
    const names = Object.keys(zip.files);
    expect(names).toHaveLength(13);

    const people = ctx.store.people.list().map((p) => p.name);
    const justifications = ctx.store.scoring
      .scoresForRound(1)
      .map((s) => s.justification)
      .filter((j) => j.length > 20);
    expect(justifications.length).toBeGreaterThan(0);
    for (const name of names) {
      const bytes = await zip.file(name)!.async('nodebuffer');
      const text = wordXmlText((await wordParts(bytes)).document);
      if (name.includes('decline')) expect(text, name).toMatch(/Why:\s*The (bid|money|board|[A-Z])/);
      for (const person of people) expect(text, `${name}: ${person}`).not.toContain(person);
      for (const words of justifications) expect(text, name).not.toContain(words);
    }
    const b1 = wordXmlText(
      (await wordParts(await zip.file(names.find((n) => n.startsWith('B1'))!)!.async('nodebuffer'))).document,
    );
    expect(b1).toMatch(/Scored [\d.]+ out of \d/);
  });
});
