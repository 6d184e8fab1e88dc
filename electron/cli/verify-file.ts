import { readFileSync } from 'node:fs';
import { buildNoticePdf } from '../handlers/exports/notice';
import { verifyNoticePdf } from '../identity/signed-pdf';
import { CliRefusal } from './refusal';

/** Checks a signed notice PDF on its own: no database, only what the file carries. */
export async function verifyNoticeFile(file: string) {
  let pdf: Buffer;
  try {
    pdf = readFileSync(file);
  } catch (error) {
    throw new CliRefusal(
      `Cannot read ${file}: ` +
        `${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
  const { ok, problems, signedBy, signedOn, fingerprint, contentSha256, number } = await verifyNoticePdf(
    pdf,
    buildNoticePdf,
  );
  return { ok, problems, signedBy, signedOn, fingerprint, contentSha256, number };
}
