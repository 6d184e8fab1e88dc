import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildNoticePdf } from '../../electron/handlers/exports/notice';
import { createIdentity, unlockIdentity, type KdfParams } from '../../electron/identity/keys';
import { signNoticeContent } from '../../electron/identity/notice-seal';
import { readPdf } from '../../electron/identity/pdf-reader';
import {
  printableNotice,
  SIGNED_NOTICE_FILE,
  signedNoticePayload,
  verifyNoticePdf,
} from '../../electron/identity/signed-pdf';
import type { NoticeData } from '../../shared/notice-data';
import { DEFAULT_WORDING } from '../../shared/notices';

const FAST: KdfParams = { algorithm: 'scrypt', N: 1 << 10, r: 8, p: 1 };

export const CONTENT: NoticeData = {
  marking: 'NON-CONFIDENTIAL',
  number: '001/2026',
  title: 'Invest to Save: tranche 2',
  contact: { officer: 'A Officer', telephone: '0121 000 0000', email: 'office@example.org' },
  wording: DEFAULT_WORDING,
  fund: 'Invest to Save',
  roundName: 'tranche 2',
  financialYear: '2013-14',
  budgetPence: 35_000_000,
  commitments: [],
  availablePence: 35_000_000,
  requestedPence: 19_500_000,
  bidCount: 2,
  partnershipCount: 1,
  noBidFrom: [],
  board: null,
  decisions: [
    {
      ref: 'B1',
      partnership: 'Birmingham',
      title: 'Youth Violence project',
      requestedPence: 10_000_000,
      reducedPence: 9_000_000,
      awardedPence: 9_000_000,
      conditions: '',
    },
  ],
  awardedPence: 9_000_000,
  remainingPence: 26_000_000,
  appendixA: [],
  appendixB: null,
  signature: {
    name: 'Pat Morgan',
    role: 'Police and Crime Commissioner',
    date: '2026-11-30',
    interests: 'None',
  },
  fingerprint: null,
  draft: false,
  demoNotice: null,
  supersedes: null,
};

async function signedPdf() {
  const identity = createIdentity('commissioner passphrase', FAST);
  const seal = signNoticeContent(
    CONTENT,
    unlockIdentity(identity, 'commissioner passphrase'),
    identity.publicKey,
  );
  const data = printableNotice(CONTENT as unknown as Record<string, unknown>, seal);
  const pdf = await buildNoticePdf(data, {
    name: SIGNED_NOTICE_FILE,
    data: signedNoticePayload(CONTENT, seal),
  });
  return { pdf, seal };
}

/** The PDF with one object's stream replaced (re-compressed), its Length kept true. */
function replaceStream(pdf: Buffer, index: number, change: (text: string) => string): Buffer {
  const text = pdf.toString('latin1');
  const streams = [...text.matchAll(/\/Length (\d+)([^]*?)stream\n/g)];
  const m = streams[index]!;
  const start = m.index + m[0].length;
  const length = Number(m[1]);
  const changed = deflateSync(
    Buffer.from(change(inflateSync(pdf.subarray(start, start + length)).toString('latin1')), 'latin1'),
  );
  const head = Buffer.from(
    text.slice(0, m.index) + m[0].replace(`/Length ${length}`, `/Length ${changed.length}`),
    'latin1',
  );
  return Buffer.concat([head, changed, pdf.subarray(start + length)]);
}

function streamIndex(pdf: Buffer, test: (decoded: string) => boolean): number {
  const text = pdf.toString('latin1');
  const streams = [...text.matchAll(/\/Length (\d+)([^]*?)stream\n/g)];
  return streams.findIndex((m) => {
    const start = m.index + m[0].length;
    try {
      return test(inflateSync(pdf.subarray(start, start + Number(m[1]))).toString('latin1'));
    } catch {
      return false;
    }
  });
}

describe('a signed notice PDF', () => {
  it('carries its signed content and passes verify, naming the commissioner', async () => {
    const { pdf, seal } = await signedPdf();
    expect(readPdf(pdf).files.has(SIGNED_NOTICE_FILE)).toBe(true);
    const report = await verifyNoticePdf(pdf, buildNoticePdf);
    expect(report).toMatchObject({
      ok: true,
      problems: [],
      signedBy: 'Pat Morgan',
      signedOn: '2026-11-30',
      fingerprint: seal.keyFingerprint,
    });
  });

  it('exports the same file, byte for byte, every time (verify depends on it)', async () => {
    const { pdf, seal } = await signedPdf();
    const data = printableNotice(CONTENT as unknown as Record<string, unknown>, seal);
    const again = await buildNoticePdf(data, {
      name: SIGNED_NOTICE_FILE,
      data: readPdf(pdf).files.get(SIGNED_NOTICE_FILE)!,
    });
    expect(again.equals(pdf)).toBe(true);
  });

  it('fails when one character of the signed content is changed', async () => {
    const { pdf } = await signedPdf();
    const index = streamIndex(pdf, (s) => s.includes('"awardedPence": 9000000'));
    expect(index).toBeGreaterThanOrEqual(0);
    const tampered = replaceStream(pdf, index, (s) =>
      s.replace('"awardedPence": 9000000', '"awardedPence": 9900000'),
    );
    const report = await verifyNoticePdf(tampered, buildNoticePdf);
    expect(report.ok).toBe(false);
    expect(report.problems.join(' ')).toMatch(/changed/);
  });

  it('fails when one character of a printed page is changed', async () => {
    const { pdf } = await signedPdf();
    const page = readPdf(pdf).pages[0]!.toString('latin1');
    // Change one glyph of the first text run drawn on page one.
    const glyphs = /<([0-9a-f]{4,})> Tj|\[<([0-9a-f]{4,})>/.exec(page);
    expect(glyphs).not.toBeNull();
    // The stream that holds that run: the page's own, or the first of its streams (its text, written
    // before the footer drawn on it last).
    const index = streamIndex(pdf, (s) => s.length > 0 && page.startsWith(s) && s.includes(glyphs![0]));
    const tampered = replaceStream(pdf, index, (s) => {
      const at = s.indexOf(glyphs![1] ?? glyphs![2]!);
      const swap = s[at + 3] === '1' ? '2' : '1';
      return s.slice(0, at + 3) + swap + s.slice(at + 4);
    });
    const report = await verifyNoticePdf(tampered, buildNoticePdf);
    expect(report).toMatchObject({ ok: false, signedBy: 'Pat Morgan' });
    expect(report.problems.join(' ')).toMatch(/Page 1 differs/);
  });

  it('fails when any byte of the file is flipped (a font, say), and for a file that is not a notice', async () => {
    const { pdf } = await signedPdf();
    const flipped = Buffer.from(pdf);
    const at = pdf.indexOf('stream\n', pdf.length / 2) + 20;
    flipped[at] = flipped[at]! ^ 0xff;
    expect((await verifyNoticePdf(flipped, buildNoticePdf)).ok).toBe(false);
    expect(await verifyNoticePdf(Buffer.from('not a pdf'), buildNoticePdf)).toMatchObject({ ok: false });
    const unsigned = await buildNoticePdf({ ...CONTENT, signature: null });
    expect((await verifyNoticePdf(unsigned, buildNoticePdf)).problems[0]).toMatch(/no signed content/);
  });
});
