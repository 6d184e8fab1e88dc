import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPanelPackPdf, buildPanelPackXlsx } from '../../electron/handlers/exports/panel-pack';
import type { PanelPackData } from '../../electron/handlers/exports/types';
import { findTool, requirePoppler } from '../support/required-tool';

// Three of the 2013-14 Invest to Save bids, ranked after two officers scored them.
const C = (code: string, value: number | null, moderated = false) => ({ code, value, moderated });
const PACK: PanelPackData = {
  fund: 'Invest to Save',
  roundName: '2013-14 tranche 2',
  financialYear: '2013-14',
  generatedAt: '2013-11-05T09:30:00Z',
  demoNotice: 'Demonstration data: not a real funding round',
  availablePence: 32_000_000,
  framework: {
    scaleMin: 0,
    scaleMax: 5,
    descriptors: [
      { score: 0, descriptor: 'No evidence' },
      { score: 3, descriptor: 'Adequate' },
      { score: 5, descriptor: 'Excellent: fully evidenced' },
    ],
    threshold: 50,
    criteria: [
      {
        code: 'G1',
        name: 'Eligible partnership',
        guidance: 'The bid comes from a Community Safety Partnership.',
        weight: 0,
        minScore: null,
        gateway: true,
      },
      {
        code: 'C1',
        name: 'Fit with the Police and Crime Plan',
        guidance: 'Which priorities, and how directly.',
        weight: 60,
        minScore: 2,
        gateway: false,
      },
      {
        code: 'C2',
        name: 'Savings and sustainability',
        guidance: 'Evidence that the project saves money later.',
        weight: 40,
        minScore: null,
        gateway: false,
      },
    ],
  },
  ranking: [
    {
      rank: 1,
      ref: 'C2',
      partnership: 'Coventry Local Police and Crime Board',
      title: 'Safer Homes Initiative',
      requestedPence: 3_800_000,
      weightedScore: 76,
      assessorCount: 2,
      failedGateway: false,
      belowMinimum: false,
      belowThreshold: false,
      criteria: [C('G1', 1), C('C1', 4), C('C2', 3.5, true)],
    },
    {
      rank: 2,
      ref: 'S1',
      partnership: 'Safer Solihull Partnership',
      title: 'Project to address Violent Crime',
      requestedPence: 5_000_000,
      weightedScore: 58,
      assessorCount: 2,
      failedGateway: false,
      belowMinimum: false,
      belowThreshold: false,
      criteria: [C('G1', 1), C('C1', 3.5), C('C2', 2)],
    },
    {
      rank: 3,
      ref: 'SS3',
      partnership: 'Safer Sandwell Partnership',
      title: 'Polish Engagement Project',
      requestedPence: 150_050,
      weightedScore: 20,
      assessorCount: 1,
      failedGateway: true,
      belowMinimum: true,
      belowThreshold: true,
      criteria: [C('G1', 0), C('C1', 1), C('C2', 1)],
    },
  ],
  scores: [
    {
      ref: 'C2',
      assessor: 'Priya Shah',
      criterion: 'C1',
      score: 4,
      justification: 'Targets repeat burglary, a plan priority.',
    },
    { ref: 'C2', assessor: 'Tom Reilly', criterion: 'C1', score: 4, justification: 'Strong fit.' },
    {
      ref: 'C2',
      assessor: 'Priya Shah',
      criterion: 'C2',
      score: 2,
      justification: 'Savings claimed, not shown.',
    },
    {
      ref: 'S1',
      assessor: 'Priya Shah',
      criterion: 'C1',
      score: 3,
      justification: 'Violent crime priority; weak evidence.',
    },
    {
      ref: 'SS3',
      assessor: 'Tom Reilly',
      criterion: 'G1',
      score: 0,
      justification: 'Applicant is not the partnership.',
    },
  ],
  moderations: [
    {
      ref: 'C2',
      criterion: 'C2',
      score: 3.5,
      reason: 'Assessors diverged; the cost model in annex B supports savings.',
      by: 'Lead officer',
    },
  ],
  declarations: [
    { ref: 'S1', person: 'Tom Reilly', conflict: true, nature: 'Trustee of a delivery partner' },
    { ref: 'C2', person: 'Priya Shah', conflict: false, nature: null },
  ],
};

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** The rows under a sheet's header row (found by its first heading), as plain values. */
function tableOf(
  workbook: ExcelJS.Workbook,
  name: string,
  firstHeading: string,
): { header: unknown[]; rows: ExcelJS.Row[] } {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  let headerNumber = 0;
  sheet.eachRow((row) => {
    if (!headerNumber && row.getCell(1).value === firstHeading) headerNumber = row.number;
  });
  if (!headerNumber) throw new Error(`no header in ${name}`);
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row) => {
    if (row.number > headerNumber && row.getCell(1).value !== null) rows.push(row);
  });
  return { header: (sheet.getRow(headerNumber).values as unknown[]).slice(1), rows };
}

const pdftotext = findTool('pdftotext') ?? '/usr/bin/pdftotext';

function pdfText(pdf: Buffer, ...args: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'tranche-pack-'));
  try {
    const file = join(dir, 'pack.pdf');
    writeFileSync(file, pdf);
    return execFileSync(pdftotext, [...args, file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('panel pack workbook', () => {
  it('has the sheets the panel expects, each titled with the round and the demonstration notice', async () => {
    const workbook = await load(await buildPanelPackXlsx(PACK));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Ranking',
      'Scores',
      'Moderation',
      'Declarations',
      'Framework',
    ]);
    const ranking = workbook.getWorksheet('Ranking');
    expect(String(ranking?.getCell('A1').value)).toContain('Invest to Save: 2013-14 tranche 2');
    expect(String(ranking?.getCell('A2').value)).toContain('5 November 2013');
    expect(ranking?.getCell('A3').value).toBe('Demonstration data: not a real funding round');
  });

  it('lists the ranking in order with money as numbers and scores to two decimals', async () => {
    const { header, rows } = tableOf(await load(await buildPanelPackXlsx(PACK)), 'Ranking', 'Rank');
    expect(header.slice(0, 8)).toEqual([
      'Rank',
      'Ref',
      'Partnership',
      'Project',
      'Requested',
      'Weighted score',
      'Assessors',
      'Marks',
    ]);
    expect(header).toContain('C2 Savings and sustainability');
    const bids = rows.filter((row) => typeof row.getCell(1).value === 'number');
    expect(bids.map((row) => row.getCell(2).value)).toEqual(['C2', 'S1', 'SS3']);

    const [first, , last] = bids;
    expect(first?.getCell(5).value).toBe(38000);
    expect(first?.getCell(5).numFmt).toContain('£');
    expect(first?.getCell(6).value).toBe(76);
    expect(first?.getCell(6).numFmt).toBe('0.00');
    expect(first?.getCell(header.indexOf('C2 Savings and sustainability') + 1).value).toBe(3.5);
    expect(first?.getCell(header.indexOf('Moderated criteria') + 1).value).toBe('C2');
    expect(last?.getCell(5).value).toBe(1500.5);
    expect(last?.getCell(8).value).toBe('failed gateway; below a criterion minimum; below threshold');
  });

  it('carries every score, moderation and declaration', async () => {
    const workbook = await load(await buildPanelPackXlsx(PACK));
    const scores = tableOf(workbook, 'Scores', 'Ref');
    expect(scores.header).toEqual(['Ref', 'Assessor', 'Criterion', 'Score', 'Justification']);
    expect(scores.rows.map((r) => (r.values as unknown[]).slice(1))).toEqual(
      PACK.scores.map((s) => [s.ref, s.assessor, s.criterion, s.score, s.justification]),
    );
    const moderation = tableOf(workbook, 'Moderation', 'Ref');
    expect((moderation.rows[0]?.values as unknown[]).slice(1)).toEqual([
      'C2',
      'C2',
      3.5,
      'Assessors diverged; the cost model in annex B supports savings.',
      'Lead officer',
    ]);
    const declarations = tableOf(workbook, 'Declarations', 'Ref');
    expect(declarations.rows.map((r) => [r.getCell(1).value, r.getCell(3).value])).toEqual([
      ['S1', 'Yes'],
      ['C2', 'No'],
    ]);
    const framework = tableOf(workbook, 'Framework', 'Code');
    expect(
      framework.rows.slice(0, 3).map((r) => [r.getCell(1).value, r.getCell(3).value, r.getCell(5).value]),
    ).toEqual([
      ['G1', null, 'Yes'],
      ['C1', 60, 'No'],
      ['C2', 40, 'No'],
    ]);
  });
});

describe('panel pack PDF', () => {
  it('is a PDF', async () => {
    const pdf = await buildPanelPackPdf(PACK);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('reads as the panel pack: refs, money, notice, justifications and page numbers', async (context) => {
    requirePoppler(context, 'pdftotext');
    // Words as read, whatever line a table cell wraps them onto.
    const text = pdfText(await buildPanelPackPdf(PACK)).replace(/\s+/g, ' ');
    for (const ref of ['C2', 'S1', 'SS3']) expect(text).toContain(ref);
    expect(text).toContain('£38,000');
    expect(text).toContain('£50,000');
    expect(text).toContain('£1,500.50');
    expect(text).toContain('£320,000 is available');
    expect(text).toContain('Demonstration data: not a real funding round');
    expect(text).toContain('Invest to Save: 2013-14 tranche 2');
    expect(text).toContain('Targets repeat burglary, a plan priority.');
    expect(text).toContain('the cost model in annex B supports savings');
    expect(text).toContain('Trustee of a delivery partner');
    expect(text).toContain('failed gateway; below a criterion minimum; below threshold');
    expect(text).toMatch(/Page 1 of \d+/);
  });

  it('ranks the bids in order on the first page', async (context) => {
    requirePoppler(context, 'pdftotext');
    const firstPage = pdfText(await buildPanelPackPdf(PACK), '-f', '1', '-l', '1').replace(/\s+/g, ' ');
    const order = [
      'Safer Homes Initiative',
      'Project to address Violent Crime',
      'Polish Engagement Project',
    ].map((title) => firstPage.indexOf(title));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('embeds its fonts rather than relying on the reader having them', async (context) => {
    const pdffonts = requirePoppler(context, 'pdffonts');
    const dir = mkdtempSync(join(tmpdir(), 'tranche-pack-'));
    try {
      const file = join(dir, 'pack.pdf');
      writeFileSync(file, await buildPanelPackPdf({ ...PACK, demoNotice: null }));
      const fonts = execFileSync(pdffonts, [file], { encoding: 'utf8' })
        .split('\n')
        .slice(2)
        .filter((line) => line.trim() !== '');
      expect(fonts.length).toBeGreaterThan(0);
      for (const line of fonts) expect(line).toMatch(/Roboto.*\byes\b/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('panel pack PDF for every reader', () => {
  const run = (tool: string, args: string[], pdf: Buffer): string => {
    const dir = mkdtempSync(join(tmpdir(), 'tranche-pack-'));
    try {
      const file = join(dir, 'pack.pdf');
      writeFileSync(file, pdf);
      return execFileSync(tool, [...args, file], { encoding: 'utf8' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('is tagged like the notice: title, en-GB, one H1, sections and bids as H2 in order', async (context) => {
    const pdfinfo = requirePoppler(context, 'pdfinfo');
    const pdf = await buildPanelPackPdf(PACK);
    const info = run(pdfinfo, [], pdf);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+Invest to Save: 2013-14 tranche 2 – panel pack/);
    expect(pdf.toString('latin1')).toContain('/Lang (en-GB)');

    const tree = run(pdfinfo, ['-struct-text'], pdf);
    const headings = [...tree.matchAll(/^ *(H\d) \(block\)\n *"([^"]*)"/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(headings.filter((h) => h.startsWith('H1'))).toEqual(['H1 Invest to Save: 2013-14 tranche 2']);
    const sections = headings.filter((h) => h.startsWith('H2'));
    expect(sections.slice(0, 3)).toEqual(['H2 Ranking', 'H2 Criterion values', 'H2 Scoring framework']);
    // Each bid's section follows, in rank order.
    expect(sections.slice(3).map((h) => h.split(/\s+/)[1])).toEqual(PACK.ranking.map((bid) => bid.ref));
    expect(headings).toEqual(expect.arrayContaining(['H3 How the ranking is computed', 'H3 Moderation']));
    // The running header and the page numbers are furniture, out of what a screen reader reads.
    expect(tree).not.toContain('Page 1 of');
  });

  it('gives its tables header cells that label their columns', async (context) => {
    const pdfinfo = requirePoppler(context, 'pdfinfo');
    const tree = run(pdfinfo, ['-struct-text'], await buildPanelPackPdf(PACK));
    const tables = tree.split(/^ *Table \(block\)$/m).slice(1);
    const ranking = tables[0] ?? '';
    const headers = [...ranking.matchAll(/TH:\n *\/Scope \/Column\n *"([^"]*)"/g)].map((m) => m[1]);
    expect(headers).toEqual([
      'Rank',
      'Ref',
      'Partnership',
      'Project',
      'Requested',
      'Score',
      'Assessors',
      'Marks',
    ]);
    expect(ranking).toMatch(/TR\n *TD\n *"1"/);
  });
});
