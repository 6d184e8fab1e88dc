// File names the app writes are built from data people typed (bid references, round names), so
// they are reduced to characters every system accepts in a file name, and never a path: no
// separators, no "..", nothing hidden, nothing reserved on Windows.

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_NAME = 120;

/** One part of a file name: letters, digits, "-", "_" and single spaces only ("SSF4/02" → "SSF4-02"). */
export function safeNamePart(text: string): string {
  const part = text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9 _-]+/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/-{2,}/g, '-')
    .replace(/^[\s-]+|[\s-]+$/g, '')
    .slice(0, MAX_NAME);
  if (part === '' || WINDOWS_RESERVED.test(part)) return `file-${part || 'unnamed'}`;
  return part;
}

/** A whole file name: a safe stem and, if it had one, a safe extension of letters and digits. */
export function safeFileName(name: string): string {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).replace(/[^A-Za-z0-9]/g, '') : '';
  const stem = safeNamePart(dot > 0 && extension ? name.slice(0, dot) : name);
  return extension ? `${stem}.${extension.slice(0, 10)}` : stem;
}
