// Office files that are not the zip packages Tranche reads, recognised by their bytes so that the
// refusal says what the file really is and how to save it. Excel 97-2003 (.xls) and Word 97-2003
// (.doc) are compound files (OLE/CFB); a workbook or document protected with a password to open is
// a compound file too, holding the real package encrypted in a stream named "EncryptedPackage".

const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The stream's name as a compound file's directory holds it (UTF-16LE). */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

export type OfficeKind = 'workbook' | 'document';

const WORDS = {
  workbook: { app: 'Excel', saveAs: 'an Excel Workbook (.xlsx)', old: 'Excel 97-2003 workbook (.xls)' },
  document: { app: 'Word', saveAs: 'a Word Document (.docx)', old: 'Word 97-2003 document (.doc)' },
} as const;

export function isCompoundFile(data: Uint8Array): boolean {
  return COMPOUND_FILE.every((byte, i) => data[i] === byte);
}

/** What to tell someone who brought this file instead of a .xlsx or .docx; null when it is neither. */
export function legacyOfficeMessage(fileName: string, data: Uint8Array, kind: OfficeKind): string | null {
  if (!isCompoundFile(data)) return null;
  const words = WORDS[kind];
  if (Buffer.from(data.buffer, data.byteOffset, data.byteLength).includes(ENCRYPTED_PACKAGE))
    return (
      `${fileName} is protected with a password, so Tranche cannot read it. Open it in ${words.app}, ` +
      'remove the password (File > Info > Protect, Encrypt with Password, and clear it), save it as ' +
      `${words.saveAs} and import that`
    );
  return (
    `${fileName} is an old-style ${words.old}. Open it in ${words.app} and save it as ${words.saveAs} ` +
    '(File > Save As), then import that'
  );
}
