import { isChannel, type Channel } from '../../shared/channels';
import { loadOperation } from '../../shared/contracts/load';
import { loadHandler } from './handler-loaders';
import { loadExcel, loadPdfWriter, loadWordWriter } from './lazy-libraries';

// Loading what a call will need before it runs: its schemas, its handler and the library that
// writes or reads its file. The command line does this while the acting person's passphrase is
// checked (scrypt runs on libuv's thread pool, leaving this thread idle), so a PDF notice no longer
// waits for pdfkit after the check. Nothing here reads the database or runs a handler: whoever acts
// still proves their passphrase before anything is read, and dispatch still parses every input.

type Raw = Record<string, unknown> | undefined;

const byFormat = (raw: Raw) =>
  raw?.format === 'pdf' ? loadPdfWriter() : raw?.format === 'docx' ? loadWordWriter() : undefined;
const byFileName = (raw: Raw) =>
  typeof raw?.fileName === 'string' && raw.fileName.toLowerCase().endsWith('.xlsx') ? loadExcel() : undefined;

/** The library each file-writing or file-reading channel loads on its first call, chosen by its input. */
const libraries: Partial<Record<Channel, (raw: Raw) => Promise<unknown> | undefined>> = {
  'notices:export': byFormat,
  'letters:export': byFormat,
  'assessment:panelPack': (raw) => (raw?.format === 'xlsx' ? loadExcel() : byFormat(raw)),
  'assessment:exportSheet': () => loadExcel(),
  'reports:fundXlsx': () => loadExcel(),
  'publish:register': (raw) => (raw?.format === 'xlsx' ? loadExcel() : undefined),
  'bids:previewImport': byFileName,
  'bids:import': byFileName,
  'assessment:importScores': byFileName,
};

/**
 * Loads a channel's code ahead of its call. Never fails: a channel that does not exist, or a
 * module that cannot load, is left for the call itself to report in its own words.
 */
export async function prepareChannel(channel: string, raw: unknown): Promise<void> {
  if (!isChannel(channel)) return;
  const input = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : undefined;
  await Promise.all([loadOperation(channel), loadHandler(channel), libraries[channel]?.(input)]).catch(
    () => undefined,
  );
}
