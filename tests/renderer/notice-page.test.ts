import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NoticeStatus } from '../../renderer/src/pages/notice/NoticeStatus';
import {
  isOpen,
  lettersWritten,
  signedNoticeReceived,
  statusLabel,
  type Notice,
} from '../../renderer/src/pages/notice/notice-words';
import { WordingFields, type EditorValues } from '../../renderer/src/pages/notice/WordingFields';

// The notice page's parts, without a browser: what a lead officer and the commissioner read on it.

const wording = {
  issuingBody: 'Police and Crime Commissioner',
  signatoryRole: 'Police and Crime Commissioner',
  legalImplications: 'The commissioner may award grants.',
  equalityImplications: 'None found.',
  declarationOfInterests: 'I have no interests.',
  publicAccess: 'Published on the website.',
  backgroundPapers: 'None',
};

const notice: Notice = {
  id: 4,
  roundId: 1,
  number: '003/2013',
  title: 'Invest to Save 2013-14',
  marking: 'NON-CONFIDENTIAL',
  status: 'draft',
  wording,
  includeAppendixB: false,
  summary: null,
  executiveSummary: null,
  background: null,
  boardName: null,
  boardDate: null,
  signedBy: null,
  signedOn: null,
  interests: null,
  fingerprint: null,
  supersedes: null,
  sentReason: null,
  signedReason: null,
  preview: {},
};

const text = (markup: string) => markup.replace(/<[^>]+>/g, '').replace(/&#x27;|&apos;/g, "'");

describe('the notice page’s words', () => {
  it('names each status as the office says it, and keeps a signed or superseded notice closed', () => {
    expect(statusLabel('draft')).toBe('Draft');
    expect(statusLabel('ready')).toBe('Ready for sign-off');
    expect(statusLabel('signed')).toBe('Signed');
    expect(statusLabel('superseded')).toBe('Superseded');
    expect([isOpen({ status: 'draft' }), isOpen({ status: 'ready' })]).toEqual([true, true]);
    expect([isOpen({ status: 'signed' }), isOpen({ status: 'superseded' })]).toEqual([false, false]);
  });

  it('says what receiving a signed notice did, and how many letters the one file holds', () => {
    expect(signedNoticeReceived({ alreadyReceived: false, from: { name: 'Pat Morgan' } })).toBe(
      'The signed notice from Pat Morgan is received: the decision is signed.',
    );
    expect(signedNoticeReceived({ alreadyReceived: true, from: { name: 'Pat Morgan' } })).toBe(
      'This signed notice from Pat Morgan had already been received: nothing changed.',
    );
    expect(lettersWritten('SS1 award\nSS2 decline\nSS3 decline')).toBe(
      '3 letters written, in one .zip file.',
    );
    expect(lettersWritten(undefined)).toBe('0 letters written, in one .zip file.');
  });
});

describe('the notice page’s parts', () => {
  it('shows a draft’s status and number, and a signed one’s signer, reasons and fingerprint', () => {
    const draft = text(renderToStaticMarkup(createElement(NoticeStatus, { notice })));
    expect(draft).toContain('Draft Decision 003/2013');
    expect(draft).not.toContain('signed by');
    expect(draft).not.toContain('Fingerprint');
    const signed = renderToStaticMarkup(
      createElement(NoticeStatus, {
        notice: {
          ...notice,
          status: 'signed',
          signedBy: 'Pat Morgan',
          signedOn: '2013-11-12',
          signedReason: 'The board met late',
          fingerprint: 'ab12',
        },
      }),
    );
    expect(signed).toContain('tag--green');
    expect(text(signed)).toContain('Signed Decision 003/2013 · signed by Pat Morgan on 12 November 2013');
    expect(text(signed)).toContain('Signed despite the readiness warnings becauseThe board met late');
    expect(text(signed)).not.toContain('Sent for sign-off despite');
    expect(text(signed)).toContain('Fingerprint (SHA-256): ab12');
  });

  it('asks for a public summary only when the notice is confidential, and shows every wording field', () => {
    const values: EditorValues = {
      title: notice.title,
      marking: 'NON-CONFIDENTIAL',
      wording,
      appendixB: true,
      summary: '',
    };
    const open = renderToStaticMarkup(createElement(WordingFields, { values, onChange: () => {} }));
    expect(open).not.toContain('notice-summary');
    for (const key of Object.keys(wording)) expect(open).toContain(`id="wording-${key}"`);
    expect(open).toMatch(/id="notice-appendix-b"[^>]*checked/);
    const confidential = renderToStaticMarkup(
      createElement(WordingFields, { values: { ...values, marking: 'CONFIDENTIAL' }, onChange: () => {} }),
    );
    expect(text(confidential)).toContain('One-paragraph public summary (optional)');
  });
});
