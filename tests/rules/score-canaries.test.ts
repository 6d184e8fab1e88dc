import JSZip from 'jszip';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { runCli } from '../../electron/cli/run';
import { dispatch } from '../../electron/handlers/dispatch';
import type { HandlerContext } from '../../electron/handlers/context';
import { CHANNELS, type Channel } from '../../shared/channels';
import { contract } from '../../shared/contract';
import { RULE_BOOK } from '../../shared/rule-book';
import { hasPdftotext, pdfText } from '../exports/document-text';
import { popplerIfInstalled } from '../support/required-tool';
import { moveRoundTo } from '../support/stages';
import { TEST_KDF, TEST_PASSPHRASE, actingAs, tempDir, testContext } from '../support/temp-db';
import { addPerson } from '../support/people';

// The canary test for blind scoring. Assessors without a part in what is being checked plant
// justifications nobody could write by chance, and scores whose weighted totals are unlike any other
// figure; then every read channel of the rule book (and every write whose reply or dry run reads
// the record), and every document those channels export, is called as people who must not see
// them. A canary anywhere in a reply, a refusal or a decoded Word, Excel or PDF file is a leak.

type Json = unknown;
const REFS = ['A1', 'A2', 'A3'];

async function must<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The readable text of a file a channel returned: a zip's XML parts without tags, a PDF's text. */
async function fileText(dataBase64: string): Promise<string> {
  const bytes = Buffer.from(dataBase64, 'base64');
  if (bytes.subarray(0, 4).toString('latin1') === '%PDF') return hasPdftotext() ? pdfText(bytes) : '';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const zip = await JSZip.loadAsync(bytes);
    const parts = await Promise.all(
      Object.values(zip.files)
        .filter((f) => !f.dir && /\.(xml|rels|json|txt|csv)$/.test(f.name))
        .map((f) => f.async('string')),
    );
    return parts.join('\n').replace(/<[^>]+>/g, ' ');
  }
  return bytes.toString('utf8');
}

/** Everything a reply says, with each file in it decoded to its text. */
async function replyText(reply: Json): Promise<string> {
  const parts: string[] = [JSON.stringify(reply)];
  const visit = async (value: Json): Promise<void> => {
    if (Array.isArray(value)) for (const v of value) await visit(v);
    else if (value && typeof value === 'object')
      for (const [key, v] of Object.entries(value)) {
        if (key === 'dataBase64' && typeof v === 'string') parts.push(await fileText(v));
        else await visit(v);
      }
  };
  await visit(reply);
  return parts.join('\n');
}

/** The inputs to try for a channel, from the names of its input's fields. */
function inputsFor(channel: Channel, ids: { roundId: number; bidIds: number[]; people: string[] }): Json[] {
  const schema = z.toJSONSchema(contract[channel].input, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, { enum?: unknown[]; type?: string }>;
    required?: string[];
  };
  const props = schema.properties ?? {};
  const choices: Record<string, Json[]> = {};
  for (const [key, prop] of Object.entries(props)) {
    const required = schema.required?.includes(key) ?? false;
    let values: Json[] | undefined;
    if (prop.enum) values = prop.enum;
    else if (key === 'roundId') values = [ids.roundId];
    else if (key === 'bidId') values = ids.bidIds;
    else if (key === 'id') values = channel.startsWith('bids:') ? ids.bidIds : [ids.roundId];
    else if (key === 'fund') values = ['Invest to Save'];
    else if (key === 'assessor') values = ids.people;
    else if (key === 'ref') values = [undefined, ...REFS];
    else if (key === 'bidRef') values = REFS;
    else if (key === 'text') values = ['CANARY', 'Bid'];
    else if (key === 'from') values = ['2000-01-01'];
    else if (key === 'to') values = ['2099-12-31'];
    else if (key === 'orgId') values = ['GB-CHC-1234567'];
    // A zip of letters holds, compressed, the same letters that zip: false returns one by one.
    else if (key === 'zip') values = [false];
    else if (prop.type === 'boolean') values = key === 'apply' ? [false] : [false, true];
    else if (!required) values = [undefined];
    if (!values) throw new Error(`The canary test has no value for ${channel}'s "${key}": add one`);
    choices[key] = values;
  }
  return Object.entries(choices).reduce<Record<string, Json>[]>(
    (inputs, [key, values]) =>
      inputs.flatMap((input) => values.map((v) => (v === undefined ? input : { ...input, [key]: v }))),
    [{}],
  );
}

/** Read channels, and writes with a dry run (a suggestion), that need no file to be sent. */
const NEEDS_A_FILE: Channel[] = ['bids:previewImport'];
const readChannels = CHANNELS.filter((c) => {
  const rule = RULE_BOOK[c] as { access: string; writesOnlyWith?: string };
  return (rule.access === 'read' || rule.writesOnlyWith) && !NEEDS_A_FILE.includes(c);
})
  // Locking ends the session the other reads act in: it goes last.
  .sort((a, b) => Number(a === 'people:lock') - Number(b === 'people:lock'));

interface Setup {
  ctx: HandlerContext;
  file: string;
  roundId: number;
  bidId: Record<string, number>;
  /** Per bid: the canary justifications, and the weighted total as the ranking shows it. */
  canaries: Record<string, string[]>;
  /** Replies to writes that answer with what they read (a moderation, an allocation), by person. */
  writes: { name: string; channel: string; text: string }[];
}

/**
 * A round at the decision stage: two canary assessors (Cara, Cal) scored and justified every bid;
 * Amy (assessor) and Lou (lead officer, assessor) have not submitted A1, their only bid; Bo
 * (assessor) submitted A2 but not A1; Lee (lead officer, assessor) declared a conflict in A2 and
 * submitted A3. A2 and A3 are fully scored, so they have weighted totals; A1 is not.
 */
async function setUp(): Promise<Setup> {
  const { ctx, file } = testContext();
  await must(addPerson({ name: 'Lee Lead', role: 'lead_officer', passphrase: TEST_PASSPHRASE }, ctx));
  const lead = actingAs(ctx, 'Lee Lead');
  // The commissioner first: the lead officers after wait for their approval (given by addPerson).
  const people: [string, string][] = [
    ['Pat Commissioner', 'commissioner'],
    ['Lou Lead', 'lead_officer'],
    ['Mo Lead', 'lead_officer'],
    ['Amy Assessor', 'policy_officer'],
    ['Bo Assessor', 'policy_officer'],
    ['Cara Canary', 'policy_officer'],
    ['Cal Canary', 'policy_officer'],
    ['Bella Board', 'board_member'],
  ];
  for (const [name, role] of people) await must(addPerson({ name, role, passphrase: TEST_PASSPHRASE }, lead));
  const round = await must(
    dispatch(
      'rounds:create',
      { fund: 'Invest to Save', name: 'Canary round', budgetPence: 100_000_00 },
      lead,
    ),
  );
  const bidId: Record<string, number> = {};
  for (const ref of REFS)
    bidId[ref] = (
      await must(
        dispatch(
          'bids:create',
          {
            roundId: round.id,
            ref,
            partnership: 'Safer Walsall Partnership',
            title: `Bid ${ref}`,
            requestedPence: 20_000_00,
          },
          lead,
        ),
      )
    ).id;
  const framework = await must(
    dispatch('frameworks:use', { roundId: round.id, template: 'invest-to-save' }, lead),
  );
  const assigned: [string, string[]][] = [
    ['Cara Canary', REFS],
    ['Cal Canary', REFS],
    ['Amy Assessor', ['A1']],
    ['Lou Lead', ['A1']],
    ['Bo Assessor', ['A1', 'A2']],
    ['Lee Lead', ['A2', 'A3']],
  ];
  for (const [assessor, bidRefs] of assigned)
    await must(dispatch('assessment:assign', { roundId: round.id, assessor, bidRefs }, lead));
  await moveRoundTo(lead, round.id, 'assessment');
  const canaries: Record<string, string[]> = Object.fromEntries(REFS.map((r) => [r, []]));
  const score = async (name: string, ref: string, values: number[], canary: boolean) => {
    const as = actingAs(ctx, name);
    const scores = framework.criteria.map((c, i) => {
      const justification = canary
        ? `Canary${name.split(' ')[0]}${ref}x${c.code}q${Math.random().toString(36).slice(2, 10)}`
        : `${name} finds ${ref} sound on ${c.code}.`;
      if (canary) canaries[ref]!.push(justification);
      return { criterionId: c.id, score: c.gateway ? 1 : (values[i - 1] ?? 3), justification };
    });
    await must(dispatch('assessment:score', { bidId: bidId[ref]!, scores, submit: true }, as));
  };
  for (const [name] of assigned) {
    const as = actingAs(ctx, name);
    if (name === 'Lee Lead') {
      await must(dispatch('assessment:declare', { roundId: round.id, bidRefs: ['A3'], conflict: false }, as));
      await must(
        dispatch(
          'assessment:declare',
          { roundId: round.id, bidRefs: ['A2'], conflict: true, nature: 'Chairs the applicant' },
          as,
        ),
      );
    } else await must(dispatch('assessment:declare', { roundId: round.id, all: true, conflict: false }, as));
  }
  // Cara and Cal disagree (so every bid has criteria to moderate) in ways that give odd totals.
  await score('Cara Canary', 'A1', [5, 1, 4, 2, 5, 0], true);
  await score('Cal Canary', 'A1', [2, 4, 1, 5, 2, 3], true);
  await score('Cara Canary', 'A2', [4, 0, 5, 1, 3, 2], true);
  await score('Cal Canary', 'A2', [1, 3, 2, 4, 0, 5], true);
  await score('Cara Canary', 'A3', [3, 5, 0, 4, 1, 2], true);
  await score('Cal Canary', 'A3', [0, 2, 3, 1, 4, 5], true);
  await score('Lee Lead', 'A3', [3, 2, 3, 2, 3, 2], false);
  await score('Bo Assessor', 'A2', [2, 2, 2, 2, 3, 2], false);
  // Unsubmitted sheets leave A1 short of scores; the lead moves the round on regardless.
  await moveRoundTo(lead, round.id, 'board');
  // A lead officer with no sheets moderates A2: the score and its reason are in the History too.
  const reason = `CanaryModA2q${Math.random().toString(36).slice(2, 10)}`;
  canaries.A2!.push(reason);
  await must(
    dispatch(
      'assessment:moderate',
      { roundId: round.id, bidRef: 'A2', criterion: 'C1', score: 2, reason },
      actingAs(ctx, 'Mo Lead'),
    ),
  );
  const writes: Setup['writes'] = [];
  for (const name of ['Lee Lead', 'Lou Lead']) {
    const input = {
      roundId: round.id,
      bidRef: 'A3',
      criterion: 'C2',
      score: 2,
      reason: 'Moderated by the test',
    };
    const reply = await dispatch('assessment:moderate', input, actingAs(ctx, name));
    writes.push({ name, channel: 'assessment:moderate', text: JSON.stringify(reply) });
  }
  await moveRoundTo(lead, round.id, 'decision');
  // Board member sees everything: the weighted totals become canaries too.
  const ranking = await must(
    dispatch('assessment:ranking', { roundId: round.id }, actingAs(ctx, 'Bella Board')),
  );
  // Only a total unlike a time or an amount makes a canary (its last decimal is not 0).
  for (const r of ranking) {
    const total = r.weightedScore?.toFixed(2);
    if (total && !total.endsWith('0')) canaries[r.ref]!.push(total);
  }
  for (const ref of REFS)
    await must(
      dispatch(
        'allocation:set',
        { roundId: round.id, bidRef: ref, option: 'full', reason: 'Canary test' },
        lead,
      ),
    );
  for (const name of ['Lee Lead', 'Lou Lead'])
    for (const ref of REFS) {
      const input = { roundId: round.id, bidRef: ref, option: 'full' as const };
      const reply = await dispatch('allocation:set', input, actingAs(ctx, name));
      writes.push({ name, channel: `allocation:set ${ref}`, text: JSON.stringify(reply) });
    }
  await must(dispatch('notices:create', { roundId: round.id }, lead));
  return { ctx, file, roundId: round.id, bidId, canaries, writes };
}

/** Every read, as `name`, joined: replies, refusals and the text of every file. */
async function everythingSeenBy(s: Setup, name: string): Promise<{ channel: string; text: string }[]> {
  const as = actingAs(s.ctx, name);
  const ids = {
    roundId: s.roundId,
    bidIds: Object.values(s.bidId),
    people: ['Amy Assessor', 'Bo Assessor', 'Cara Canary', 'Lee Lead'],
  };
  const seen: { channel: string; text: string }[] = s.writes.filter((w) => w.name === name);
  for (const channel of readChannels)
    for (const input of inputsFor(channel, ids)) {
      const result = await dispatch(channel, input as never, as);
      seen.push({ channel: `${channel} ${JSON.stringify(input)}`, text: await replyText(result) });
    }
  return [...seen, ...(await commandLineSeenBy(s, name))];
}

/** Every command-line command that prints or writes scores, as `name`: its output and its files. */
async function commandLineSeenBy(s: Setup, name: string): Promise<{ channel: string; text: string }[]> {
  const round = String(s.roundId);
  const out = tempDir('tranche-canary-cli-');
  const commands: string[][] = [
    ['rank', '--round', round],
    ['suggest', '--round', round],
    ['suggest', '--round', round, '--method', 'value'],
    ['allocation', '--round', round],
    ['progress', '--round', round],
    ['readiness', '--round', round],
    ['audit', '--round', round],
    ['board', 'show', '--round', round],
    ['framework', 'show', '--round', round],
    ['bids', 'list', '--round', round],
    ['scores', 'sheet', '--round', round, '--assessor', 'Cara Canary', '--out', path.join(out, 'sheet.xlsx')],
    ['panel-pack', '--round', round, '--format', 'xlsx', '--out', path.join(out, 'panel.xlsx')],
    ['panel-pack', '--round', round, '--format', 'pdf', '--out', path.join(out, 'panel.pdf')],
    ['notice', '--round', round, '--format', 'docx', '--out', path.join(out, 'notice.docx')],
    ['notice', '--round', round, '--format', 'pdf', '--out', path.join(out, 'notice.pdf')],
    ['letters', '--round', round, '--format', 'docx', '--out', path.join(out, 'letters-docx')],
    ['letters', '--round', round, '--format', 'pdf', '--out', path.join(out, 'letters-pdf')],
    ['report', 'fund', '--fund', 'Invest to Save', '--out', path.join(out, 'report.xlsx')],
  ];
  const seen: { channel: string; text: string }[] = [];
  for (const command of commands)
    for (const json of command.includes('--out') ? [[]] : [[], ['--json']]) {
      const printed: string[] = [];
      const code = await runCli(['--db', s.file, '--as', name, ...command, ...json], {
        stdout: (t) => printed.push(t),
        stderr: (t) => printed.push(t),
        env: { TRANCHE_PASSPHRASE: TEST_PASSPHRASE },
        migrationsFolder: MIGRATIONS_FOLDER,
        version: '0.0.0-test',
        kdf: TEST_KDF,
      });
      seen.push({
        channel: `tranche ${[...command, ...json].join(' ')} (exit ${code})`,
        text: printed.join('\n'),
      });
    }
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)],
    );
  for (const file of files(out))
    seen.push({
      channel: `file ${path.basename(file)}`,
      text: await fileText(readFileSync(file).toString('base64')),
    });
  return seen;
}

function leaks(seen: { channel: string; text: string }[], canaries: string[]): string[] {
  return seen.flatMap(({ channel, text }) =>
    canaries
      .filter((c) => text.includes(c))
      .map(
        (c) =>
          `${channel} shows ${c}: …${text.slice(Math.max(0, text.indexOf(c) - 80), text.indexOf(c) + 40)}…`,
      ),
  );
}

describe('blind scoring: no canary reaches anyone who may not see it', () => {
  let s: Setup;
  beforeAll(async () => {
    popplerIfInstalled('pdftotext');
    s = await setUp();
  }, 120_000);

  const all = () => Object.values(s.canaries).flat();

  it('plants canaries that those who may see scores do see (the test can fail)', async () => {
    // A board member and a lead officer with no sheets see them all (only a lead officer writes letters).
    const seen = [...(await everythingSeenBy(s, 'Bella Board')), ...(await everythingSeenBy(s, 'Mo Lead'))];
    for (const ref of REFS) expect(leaks(seen, s.canaries[ref]!).length).toBeGreaterThan(0);
    // Letters never quote an assessor's words, even to those who may see them (issue 20).
    expect(
      leaks(
        seen.filter((x) => x.channel.startsWith('letters:export')),
        s.canaries.A1!,
      ),
    ).toEqual([]);
    const printed = seen.filter((x) => x.channel.startsWith('tranche ') || x.channel.startsWith('file '));
    // …and through the command line, in what it prints and in the files it writes.
    for (const ref of ['A2', 'A3']) expect(leaks(printed, s.canaries[ref]!).length).toBeGreaterThan(0);
    for (const ref of ['A2', 'A3']) expect(s.canaries[ref]!.some((c) => /^\d+\.\d\d$/.test(c))).toBe(true);
  }, 300_000);

  it('an assessor who has not submitted sees none', async () => {
    expect(leaks(await everythingSeenBy(s, 'Amy Assessor'), all())).toEqual([]);
  }, 300_000);

  it('a lead officer who assesses and has not submitted sees none', async () => {
    expect(leaks(await everythingSeenBy(s, 'Lou Lead'), all())).toEqual([]);
  }, 300_000);

  it('an assessor sees others\u2019 justifications only for the bid they submitted, and never totals', async () => {
    const hidden = [...s.canaries.A1!, ...s.canaries.A3!, ...all().filter((c) => /^\d+\.\d\d$/.test(c))];
    expect(leaks(await everythingSeenBy(s, 'Bo Assessor'), hidden)).toEqual([]);
  }, 300_000);

  it('a lead officer with a conflict in one bid sees nothing of that bid', async () => {
    expect(leaks(await everythingSeenBy(s, 'Lee Lead'), s.canaries.A2!)).toEqual([]);
  }, 300_000);

  it('lists a draft notice\u2019s awards by reference for those kept from the ranking', async () => {
    const order = async (name: string) => {
      const file = await must(
        dispatch('notices:export', { roundId: s.roundId, format: 'docx' }, actingAs(s.ctx, name)),
      );
      const text = await fileText(file.dataBase64);
      return REFS.map((ref) => ({ ref, at: text.indexOf(`Bid ${ref}`) }))
        .sort((a, b) => a.at - b.at)
        .map((r) => r.ref);
    };
    // A1 is not fully scored, so the ranking puts it last; by reference it comes first.
    expect((await order('Bella Board'))[0]).not.toBe('A1');
    for (const name of ['Amy Assessor', 'Bo Assessor', 'Lou Lead', 'Lee Lead'])
      expect(await order(name)).toEqual(REFS);
  }, 120_000);
});
