import { describe, expect, it, vi } from 'vitest';

// The command line loads a call's code while the acting person's passphrase is checked
// (electron/handlers/prepare.ts). Preparing loads the channel's schemas, its handler and the
// library its file needs, and nothing else; it never fails on its own, leaving bad input to dispatch.

async function freshModules() {
  vi.resetModules();
  const libraries = await import('../../electron/handlers/lazy-libraries');
  const loaded: string[] = [];
  vi.doMock('../../electron/handlers/lazy-libraries', () => ({
    loadExcel: () => (loaded.push('excel'), libraries.loadExcel()),
    loadPdfWriter: () => (loaded.push('pdf'), libraries.loadPdfWriter()),
    loadWordWriter: () => (loaded.push('word'), libraries.loadWordWriter()),
  }));
  const { prepareChannel } = await import('../../electron/handlers/prepare');
  const { loadedOperation } = await import('../../shared/contracts/load');
  const { loadedHandler } = await import('../../electron/handlers/handler-loaders');
  return { prepareChannel, loadedOperation, loadedHandler, loaded };
}

describe('preparing a call ahead of it', () => {
  it('loads a PDF notice export its schemas, its handler and the PDF writer, and no other library', async () => {
    const { prepareChannel, loadedOperation, loadedHandler, loaded } = await freshModules();
    expect(loadedHandler('notices:export')).toBeUndefined();
    await prepareChannel('notices:export', { roundId: 1, format: 'pdf' });
    expect(loadedOperation('notices:export')).toBeDefined();
    expect(loadedHandler('notices:export')).toBeTypeOf('function');
    expect(loaded).toEqual(['pdf']);
    expect(loadedHandler('letters:export')).toBeUndefined();
  });

  it('chooses the library by the input: Word for docx, Excel for a workbook, none for CSV', async () => {
    const { prepareChannel, loaded } = await freshModules();
    await prepareChannel('notices:export', { roundId: 1, format: 'docx' });
    await prepareChannel('assessment:importScores', { roundId: 1, fileName: 'Scores.XLSX', dataBase64: '' });
    await prepareChannel('bids:import', { roundId: 1, fileName: 'schedule.csv', dataBase64: '' });
    expect(loaded).toEqual(['word', 'excel']);
  });

  it('leaves a channel that does not exist, and input that is not an object, to dispatch to refuse', async () => {
    const { prepareChannel, loaded } = await freshModules();
    await expect(prepareChannel('no:such', {})).resolves.toBeUndefined();
    await expect(prepareChannel('notices:export', null)).resolves.toBeUndefined();
    await expect(prepareChannel('notices:export', 'pdf')).resolves.toBeUndefined();
    expect(loaded).toEqual([]);
  });
});
