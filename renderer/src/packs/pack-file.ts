import { saveFile } from '../files';

/** A `.tranche` file is opaque bytes to the browser: saved as it came from the main process. */
export function savePack(file: { fileName: string; bytesBase64: string }) {
  saveFile({ fileName: file.fileName, mediaType: 'application/octet-stream', dataBase64: file.bytesBase64 });
}

/** What the file input accepts: Tranche packs only (the main process checks the content anyway). */
export const PACK_ACCEPT = '.tranche';
