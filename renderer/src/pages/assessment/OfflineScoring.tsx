import { fileSizeRefusal } from '../../../../shared/limits';
import { api } from '../../api';
import { readFileAsBase64, saveFile } from '../../files';
import { importRefusal } from './assessment-words';

/** Scoring away from Tranche: download one's bids as a workbook, upload it filled in. */
export function OfflineScoring({
  roundId,
  onImported,
  onError,
}: {
  roundId: number;
  onImported: (message: string) => void;
  onError: (message: string) => void;
}) {
  const downloadSheet = async () => {
    const result = await api.assessment.exportSheet({ roundId });
    if (!result.ok) return onError(result.error.message);
    saveFile(result.value);
  };
  const uploadSheet = async (file: File | undefined) => {
    if (!file) return;
    const tooLarge = fileSizeRefusal(file.name, file.size);
    if (tooLarge) return onError(tooLarge);
    const result = await api.assessment.importScores({
      roundId,
      fileName: file.name,
      dataBase64: await readFileAsBase64(file),
    });
    if (!result.ok) return onError(importRefusal(result.error));
    onImported(`Imported ${result.value.imported} scores from ${file.name}. They count as submitted.`);
  };
  return (
    <>
      <h3 className="heading-s">Scoring offline</h3>
      <p className="hint">
        Download your bids as an Excel sheet, fill in scores and justifications away from Tranche, then upload
        it. The same rules apply, and a sheet with any bad row is not imported.
      </p>
      <div className="button-group">
        <button type="button" className="button button--secondary" onClick={() => void downloadSheet()}>
          Download my scoring sheet (Excel)
        </button>
        <label className="label label--small" htmlFor="upload-sheet">
          Upload a completed sheet
        </label>
        <input
          id="upload-sheet"
          type="file"
          accept=".xlsx,.csv"
          onChange={(e) => void uploadSheet(e.target.files?.[0])}
        />
      </div>
    </>
  );
}
