import { inflateRawSync } from 'node:zlib';
import { Refusal } from '../refusal';

// Word and Excel files are zip archives. Before a library unpacks one whole (exceljs, mammoth), its
// table of contents is read here and every size checked, so that a small file claiming or holding
// hundreds of megabytes (a zip bomb, a sheet with a cell at row 1,000,000) is refused in
// milliseconds instead of hanging the app or running it out of memory. Only entries we must look
// inside are unpacked, and never past a stated limit, whatever the archive claims.

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** Unpacked size as the archive states it; unpacking still stops at the limit if it lies. */
  size: number;
  localOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_ENTRIES = 5_000;
/** Everything in the archive, unpacked, as stated by its table of contents. */
export const MAX_UNPACKED_BYTES = 160 * 1024 * 1024;

function damaged(what: string): Refusal {
  return new Refusal('invalid_input', `The file is not a readable ${what}`);
}

/** The archive's table of contents; refuses archives that are damaged or unpack too large. */
export function readZipEntries(data: Buffer, what: string): ZipEntry[] {
  if (data.length < 22) throw damaged(what);
  const searchFrom = Math.max(0, data.length - 22 - 0xffff);
  let end = -1;
  for (let at = data.length - 22; at >= searchFrom; at--) {
    if (data.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw damaged(what);
  const count = data.readUInt16LE(end + 10);
  const directoryOffset = data.readUInt32LE(end + 16);
  if (count > MAX_ENTRIES)
    throw new Refusal('invalid_input', `The ${what} holds ${count} parts, more than Tranche reads`);
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== DIRECTORY_ENTRY) throw damaged(what);
    const nameLength = data.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      method: data.readUInt16LE(at + 10),
      compressedSize: data.readUInt32LE(at + 20),
      size: data.readUInt32LE(at + 24),
      localOffset: data.readUInt32LE(at + 42),
      name: data.toString('utf8', at + 46, at + 46 + nameLength),
    };
    total += entry.size;
    if (total > MAX_UNPACKED_BYTES)
      throw new Refusal(
        'invalid_input',
        `The ${what} unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB, more than Tranche reads`,
      );
    entries.push(entry);
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  return entries;
}

/** One entry's bytes, unpacking at most maxBytes (a RangeError from zlib beyond it is a refusal). */
export function unpackEntry(data: Buffer, entry: ZipEntry, maxBytes: number, what: string): Buffer {
  const at = entry.localOffset;
  if (at + 30 > data.length || data.readUInt32LE(at) !== LOCAL_HEADER) throw damaged(what);
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  const packed = data.subarray(start, start + entry.compressedSize);
  const tooLarge = () =>
    new Refusal(
      'invalid_input',
      `Part of the ${what} (${entry.name}) unpacks to more than ` +
        `${Math.round(maxBytes / 1024 / 1024)} MB, more than Tranche reads`,
    );
  if (entry.size > maxBytes) throw tooLarge();
  if (entry.method === 0) return packed;
  if (entry.method !== 8) throw damaged(what);
  try {
    return inflateRawSync(packed, { maxOutputLength: maxBytes });
  } catch (error) {
    if (error instanceof RangeError) throw tooLarge();
    throw damaged(what);
  }
}
