import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';

/** Damages one index page of the file so that integrity_check reports it (the table stays readable). */
export function damageIndex(file: string, index: string, text: string) {
  const raw = new Database(file);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  const root = raw.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').pluck().get(index) as number;
  const pageSize = raw.pragma('page_size', { simple: true }) as number;
  raw.close();
  const bytes = readFileSync(file);
  const page = bytes.subarray((root - 1) * pageSize, root * pageSize);
  const at = page.indexOf(text);
  if (at < 0) throw new Error(`"${text}" is not on the root page of ${index}`);
  page.write('#', at);
  writeFileSync(file, bytes);
}
