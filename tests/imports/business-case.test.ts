import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { BusinessCaseError, parseBusinessCase } from '../../electron/handlers/imports/business-case';

// Fixtures are built in memory and mirror the 2013 Invest to Save business cases (seed 003).

async function docx(...children: (Paragraph | Table)[]): Promise<Uint8Array> {
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

const title = (text: string) => new Paragraph({ text, heading: HeadingLevel.TITLE });
const heading = (
  text: string,
  level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1,
) => new Paragraph({ text, heading: level });
const para = (text: string) => new Paragraph(text);
const bold = (text: string) => new Paragraph({ children: [new TextRun({ text, bold: true })] });
const italic = (text: string) => new Paragraph({ children: [new TextRun({ text, italics: true })] });
const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 } });
const table = (...rows: (string | Paragraph)[][]) =>
  new Table({
    rows: rows.map(
      (cells) =>
        new TableRow({
          children: cells.map(
            (cell) => new TableCell({ children: [typeof cell === 'string' ? para(cell) : cell] }),
          ),
        }),
    ),
  });

const sum = (amounts: (number | null)[]) => amounts.reduce<number>((total, pence) => total + (pence ?? 0), 0);

describe('parseBusinessCase', () => {
  it('reads a costed table by its header and takes the total from the sentence (C2)', async () => {
    const parsed = await parseBusinessCase(
      await docx(
        title('C2 Coventry Safer Homes Initiative'),
        heading('Cost'),
        para(
          'The purpose of this submission is to seek funds from the PCC’s Innovation Fund to support ' +
            'set-up costs totalling £38,000 to include:',
        ),
        table(
          ['Description', 'Quantity', 'Unit cost', 'Amount'],
          ['Training', '20', '£1098', '£21,960'],
          ['Uniform', '20', '£800.00', '£16,000'],
        ),
      ),
    );

    expect(parsed.title).toBe('C2 Coventry Safer Homes Initiative');
    expect(parsed.costLines).toEqual([
      { description: 'Training', quantity: 20, unitCostPence: 109_800, amountPence: 2_196_000 },
      { description: 'Uniform', quantity: 20, unitCostPence: 80_000, amountPence: 1_600_000 },
    ]);
    // As stated, even though the lines come to £37,960: checking that is not the parser's job.
    expect(parsed.statedTotalPence).toBe(3_800_000);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.sections).toHaveLength(1);
    expect(parsed.sections[0]?.heading).toBe('Cost');
    expect(parsed.sections[0]?.body).toContain("PCC's Innovation Fund");
    expect(parsed.sections[0]?.body).toContain(
      'Description\tQuantity\tUnit cost\tAmount\nTraining\t20\t£1098\t£21,960',
    );
  });

  it('reads a header-less list of interventions with a sub-total (B1)', async () => {
    const parsed = await parseBusinessCase(
      await docx(
        heading('B1: Youth Violence'),
        table(
          ['i) A schools co-ordinator and funding to support schools-based programmes', '£30k'],
          ['ii) Development of a Youth Violence Strategy', '£10k'],
          [
            'iii) Trial of 4G re-deployable cameras in areas most heavily affected by youth violence*',
            '£35k',
          ],
          ['iv) Feasibility study of locating specialist youth workers in A&E departments', '£10k'],
          ['v) Design and trial a database that will log and track the use made of new ASB powers', '£15k'],
          [italic('Sub-total'), '£100K'],
        ),
        para('*Please note this could be reduced to £25K if full funding were not available.'),
      ),
    );

    expect(parsed.costLines).toHaveLength(5);
    expect(parsed.costLines.map((line) => line.amountPence)).toEqual([
      3_000_000, 1_000_000, 3_500_000, 1_000_000, 1_500_000,
    ]);
    expect(sum(parsed.costLines.map((line) => line.amountPence))).toBe(10_000_000);
    expect(parsed.costLines[2]).toEqual({
      description: 'iii) Trial of 4G re-deployable cameras in areas most heavily affected by youth violence',
      quantity: null,
      unitCostPence: null,
      amountPence: 3_500_000,
    });
    expect(parsed.statedTotalPence).toBe(10_000_000);
    expect(parsed.warnings).toEqual([]);
  });

  it('splits the document into sections at headings and at short bold lines, in order (S1)', async () => {
    const parsed = await parseBusinessCase(
      await docx(
        title('S1: Project to Address Violent Crime'),
        para('Safer Solihull   Partnership'),
        heading('Background'),
        para('Violent Crime accounts for 20.7 percent of Total Recorded Crime.'),
        para('Chelmsley Wood and Smith’s Wood have been identified as two “key” wards.'),
        bold('Key Outcomes:'),
        bullet('Show a reduction in the number of repeat victims'),
        bullet('An evidence base to deliver substance misuse strategies in a different way'),
        heading('Costs', HeadingLevel.HEADING_2),
        para('Prevent – Production, manufacture and distribution of DVD £ 10,000'),
        para('Total Bid: £ 50,000.'),
      ),
    );

    expect(parsed.title).toBe('S1: Project to Address Violent Crime');
    expect(parsed.sections).toEqual([
      { heading: 'Introduction', body: 'Safer Solihull Partnership' },
      {
        heading: 'Background',
        body:
          'Violent Crime accounts for 20.7 percent of Total Recorded Crime.\n\nChelmsley Wood and ' +
          'Smith\'s Wood have been identified as two "key" wards.',
      },
      {
        heading: 'Key Outcomes',
        body:
          '- Show a reduction in the number of repeat victims\n- An evidence base to deliver substance ' +
          'misuse strategies in a different way',
      },
      {
        heading: 'Costs',
        body: 'Prevent - Production, manufacture and distribution of DVD £ 10,000\n\nTotal Bid: £ 50,000.',
      },
    ]);
    expect(parsed.statedTotalPence).toBe(5_000_000);
    expect(parsed.costLines).toEqual([]);
  });

  it('takes the first paragraph as the title when there is no title or first-level heading', async () => {
    const parsed = await parseBusinessCase(
      await docx(
        para('SS3: Polish Engagement Project'),
        heading('Background', HeadingLevel.HEADING_2),
        para('Total Bid = £1500 (All sessions will be completed within this financial year)'),
      ),
    );
    expect(parsed.title).toBe('SS3: Polish Engagement Project');
    expect(parsed.sections.map((section) => section.heading)).toEqual(['Introduction', 'Background']);
    expect(parsed.statedTotalPence).toBe(150_000);
  });

  it('strips stray HTML from pasted text', async () => {
    const parsed = await parseBusinessCase(
      await docx(
        heading('Advantages'),
        para('<ul style="list-style-type: none"> Experience brought in from other areas </ul>'),
      ),
    );
    expect(parsed.sections).toEqual([
      { heading: 'Advantages', body: 'Experience brought in from other areas' },
    ]);
  });

  it('warns about a range, naming the table and row, and leaves its amount empty (W1)', async () => {
    const parsed = await parseBusinessCase(
      await docx(
        table(
          ['Advantages', 'Disadvantages'],
          ['Dedicated resource for businesses', 'Increase in charges may be unacceptable'],
        ),
        table(
          ['Item', 'Cost'],
          ['Pilot scheme until March 2014', '£25,000'],
          ['Additional cost to initially develop offer', '25-30K'],
        ),
      ),
    );

    expect(parsed.costLines).toEqual([
      {
        description: 'Pilot scheme until March 2014',
        quantity: null,
        unitCostPence: null,
        amountPence: 2_500_000,
      },
      {
        description: 'Additional cost to initially develop offer',
        quantity: null,
        unitCostPence: null,
        amountPence: null,
      },
    ]);
    expect(parsed.warnings).toEqual(['Table 2, row 3: "25-30K" is not a single amount']);
    expect(parsed.statedTotalPence).toBeNull();
  });

  it('reads figures with notes and asterisks beside them, and the Total row (SS4)', async () => {
    const parsed = await parseBusinessCase(
      await docx(
        table(
          ['Description', 'Cost'],
          ['*Set-up costs of ICT infrastructure', '*£20,000 (approx)'],
          ['Office accommodation set-up', '£4,000'],
          ['Marketing & training activities', '£1,500'],
          [
            '**Funding of an Independent Domestic Violence Advocate (IDVA) for 12 months',
            '**£12,500 (funding for 5 months, November 2013 – March 2014, at £2,500 per month)',
          ],
          ['Total:', '£38,000'],
        ),
      ),
    );

    expect(parsed.costLines.map((line) => [line.description, line.amountPence])).toEqual([
      ['Set-up costs of ICT infrastructure', 2_000_000],
      ['Office accommodation set-up', 400_000],
      ['Marketing & training activities', 150_000],
      ['Funding of an Independent Domestic Violence Advocate (IDVA) for 12 months', 1_250_000],
    ]);
    expect(parsed.statedTotalPence).toBe(3_800_000);
    expect(parsed.warnings).toEqual([]);
  });

  it('takes the first amount where a reduction is offered, and says what it could be reduced to', async () => {
    const parsed = await parseBusinessCase(
      await docx(
        table(
          ['', 'Aims and Objectives of Project', 'Amount Requested'],
          [
            'B1',
            'Youth Violence project which seeks funding for a number of discrete interventions',
            '£100,000 could be reduced to £90,000',
          ],
          [
            'B2',
            'Domestic Abuse project which seeks funding for a number of discrete interventions',
            '£95,000 could be reduced to £75,000',
          ],
          ['', 'Total requested', '£195,000 which could be reduced to £165,000'],
        ),
      ),
    );

    expect(parsed.costLines.map((line) => line.amountPence)).toEqual([10_000_000, 9_500_000]);
    expect(parsed.statedTotalPence).toBe(19_500_000);
    expect(parsed.warnings).toHaveLength(3);
    expect(parsed.warnings[0]).toMatch(/^Table 1, row 2: .*could be reduced to £90,000/);
    expect(parsed.warnings[2]).toMatch(/^Table 1, row 4: .*could be reduced to £165,000/);
  });

  it('prefers a grand total to the sub-totals before it', async () => {
    const parsed = await parseBusinessCase(
      await docx(
        table(
          ['Schools co-ordinator', '£30k'],
          ['Sub-total', '£100K'],
          ['Feasibility study', '£30k'],
          ['Sub-total', '£95k'],
          ['Total requested', '£195,000'],
        ),
      ),
    );
    expect(parsed.statedTotalPence).toBe(19_500_000);
    expect(parsed.costLines).toHaveLength(2);
  });

  it(
    'takes the stated sum over the last of several sub-totals when no table gives a grand total (B1 and ' +
      'B2)',
    async () => {
      const parsed = await parseBusinessCase(
        await docx(
          heading('B1: Youth Violence'),
          table(['Development of a Youth Violence Strategy', '£10k'], ['Sub-total', '£100K']),
          heading('B2: Domestic Abuse'),
          table(['Development of care and support pathways', '£15k'], ['Sub-total', '£95k']),
          para('The total sum requested is £195,000'),
        ),
      );
      expect(parsed.statedTotalPence).toBe(19_500_000);
    },
  );

  it('refuses a file that is not a .docx', async () => {
    const notWord = parseBusinessCase(new TextEncoder().encode('Total Bid = £1500'));
    await expect(notWord).rejects.toBeInstanceOf(BusinessCaseError);
    await expect(notWord).rejects.toThrow(/not a Word document \(\.docx\)/);

    const oldWord = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expect(parseBusinessCase(oldWord)).rejects.toThrow(
      /old-style Word 97-2003 document \(\.doc\)\. Open it in Word and save it as a Word Document \(\.docx\)/,
    );
  });

  it('refuses a Word document with no text in it', async () => {
    const empty = parseBusinessCase(await docx());
    await expect(empty).rejects.toBeInstanceOf(BusinessCaseError);
    await expect(empty).rejects.toThrow(/no text/);
  });
});
