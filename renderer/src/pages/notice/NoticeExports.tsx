import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../../api';
import { saveFile } from '../../files';
import { useMe } from '../../profile-context';
import { lettersWritten, type Notice } from './notice-words';

/** The notice's downloads: Word and PDF, the public summary when confidential, and the letters as one .zip. */
export function NoticeExports({
  roundId,
  notice,
  lead,
  onExported,
  onMessage,
  onError,
}: {
  roundId: number;
  notice: Notice;
  lead: boolean;
  onExported: () => void;
  onMessage: (message: string) => void;
  onError: (message: string) => void;
}) {
  const me = useMe();
  const [busy, setBusy] = useState<string | null>(null);
  const exportFile = async (format: 'docx' | 'pdf', isPublic = false) => {
    setBusy(`Making the ${format === 'pdf' ? 'PDF' : 'Word document'}…`);
    const result = await api.notices.export({ roundId, format, public: isPublic });
    setBusy(null);
    if (!result.ok) return onError(result.error.message);
    saveFile(result.value);
    onExported();
  };
  const exportLetters = async (format: 'docx' | 'pdf') => {
    setBusy('Writing the letters…');
    // One download: every letter in a single .zip.
    const result = await api.letters.export({ roundId, format, zip: true });
    setBusy(null);
    if (!result.ok) return onError(result.error.message);
    const [bundle] = result.value;
    if (bundle) saveFile(bundle);
    onMessage(lettersWritten(bundle?.summary));
  };
  const button = (label: string, onClick: () => void) => (
    <button type="button" className="button button--secondary" onClick={onClick}>
      {label}
    </button>
  );
  return (
    <div className="button-group">
      {button('Export as Word', () => void exportFile('docx'))}
      {button('Export as PDF', () => void exportFile('pdf'))}
      {notice.marking === 'CONFIDENTIAL' &&
        button('Public summary (PDF)', () => void exportFile('pdf', true))}
      {lead && button('Letters to bidders (Word)', () => void exportLetters('docx'))}
      {lead && button('Letters to bidders (PDF)', () => void exportLetters('pdf'))}
      {(me?.role === 'lead_officer' || me?.role === 'policy_officer') && (
        <Link href={`/rounds/${roundId}/feedback`} className="button button--secondary">
          Feedback for the letters
        </Link>
      )}
      {busy && (
        <span aria-live="polite">
          <progress className="progress" aria-label={busy} /> {busy}
        </span>
      )}
    </div>
  );
}
