import type { Output } from '../../../../shared/contract';
import type { Wording } from '../../../../shared/notices';

// The notice page's words as plain functions: the status a notice shows and what each action says.

export type Notice = NonNullable<Output<'notices:get'>>;

/** The notice's standard wording fields, in the order the editor shows them. */
export const WORDING_FIELDS: [keyof Wording, string][] = [
  ['issuingBody', 'Issuing body'],
  ['signatoryRole', 'Signatory role'],
  ['declarationOfInterests', 'Declaration of interests'],
  ['legalImplications', 'Legal implications'],
  ['equalityImplications', 'Equality implications'],
  ['publicAccess', 'Public access to information'],
  ['backgroundPapers', 'Schedule of background papers'],
];

/** The status tag's words: "Ready for sign-off", else the status with a capital. */
export function statusLabel(status: Notice['status']): string {
  return status === 'ready' ? 'Ready for sign-off' : status[0]?.toUpperCase() + status.slice(1);
}

/** A notice still open to change: not signed, nor replaced by a superseding one. */
export const isOpen = (notice: Pick<Notice, 'status'>) =>
  notice.status !== 'signed' && notice.status !== 'superseded';

/** What receiving the commissioner's signed notice did. */
export function signedNoticeReceived(received: {
  alreadyReceived?: boolean;
  from: { name: string };
}): string {
  return received.alreadyReceived
    ? `This signed notice from ${received.from.name} had already been received: nothing changed.`
    : `The signed notice from ${received.from.name} is received: the decision is signed.`;
}

/** How many letters the one .zip holds, from the summary listing one letter a line. */
export function lettersWritten(summary: string | undefined): string {
  return `${summary?.split('\n').length ?? 0} letters written, in one .zip file.`;
}
