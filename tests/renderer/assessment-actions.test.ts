import { createElement, isValidElement, type ReactElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../shared/limits';
import { AssignAssessors } from '../../renderer/src/pages/assessment/AssignAssessors';
import { OfflineScoring } from '../../renderer/src/pages/assessment/OfflineScoring';

// The lead officer's "assign to every bid" and an assessor's scoring offline, without a browser: the
// markup shows whom the lead may choose and what an assessor is offered, and pressing the buttons
// (their handlers called as the browser would) shows the line a person reads after each answer.

const mocked = vi.hoisted(() => ({
  api: {
    people: { list: vi.fn() },
    assessment: { assign: vi.fn(), exportSheet: vi.fn(), importScores: vi.fn() },
  },
  people: { state: 'loading' } as { state: string; value?: unknown },
  chosen: '',
  saved: [] as unknown[],
}));
vi.mock('../../renderer/src/api', () => ({ api: mocked.api }));
vi.mock('../../renderer/src/hooks/useResult', () => ({ useResult: () => [mocked.people, () => undefined] }));
vi.mock('../../renderer/src/files', () => ({
  readFileAsBase64: () => Promise.resolve('UEsDBA=='),
  saveFile: (file: unknown) => mocked.saved.push(file),
}));
// The assessor the lead has chosen in the list (the component's one piece of state).
vi.mock('react', async (original) => ({
  ...(await original<typeof import('react')>()),
  useState: () => [mocked.chosen, () => undefined],
}));

const text = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

/** The first element in a rendered tree that `match` picks. */
function find(
  node: ReactNode,
  match: (e: ReactElement<Record<string, unknown>>) => boolean,
): ReactElement<Record<string, unknown>> {
  const walk = (n: ReactNode): ReactElement<Record<string, unknown>> | undefined => {
    if (Array.isArray(n)) return n.map(walk).find(Boolean);
    if (!isValidElement<Record<string, unknown>>(n)) return undefined;
    if (match(n)) return n;
    return walk(n.props.children as ReactNode);
  };
  const found = walk(node);
  if (!found) throw new Error('no such element');
  return found;
}
const button = (tree: ReactNode, name: string) =>
  find(tree, (e) => e.type === 'button' && text(renderToStaticMarkup(e)).trim() === name);

const person = (id: number, name: string, role: string, retiredAt: string | null = null) => ({
  id,
  name,
  role,
  retiredAt,
});

beforeEach(() => {
  vi.clearAllMocks();
  mocked.people = { state: 'loading' };
  mocked.chosen = '';
  mocked.saved = [];
});

describe('assigning an assessor to every bid', () => {
  const props = (said: string[]) => ({
    roundId: 1,
    onAssigned: (m: string) => said.push(`assigned: ${m}`),
    onError: (m: string) => said.push(`error: ${m}`),
  });

  it('offers only officers still in post, each once, after a prompt; nobody while the list loads', () => {
    const loading = renderToStaticMarkup(createElement(AssignAssessors, props([])));
    expect(loading).toMatch(/<label[^>]*for="assign-person"[^>]*>Assessor<\/label>/);
    expect(loading.match(/<option/g)).toHaveLength(1);
    expect(text(loading)).toContain('Choose an officer');
    mocked.people = {
      state: 'ready',
      value: [
        person(1, 'Dan Hughes', 'lead_officer'),
        person(2, 'Pat Morgan', 'commissioner'),
        person(3, 'Asha Patel', 'policy_officer'),
        person(4, 'Bo Reed', 'board_member'),
        person(5, 'Sam Old', 'policy_officer', '2026-01-01T09:00:00.000Z'),
      ],
    };
    const ready = renderToStaticMarkup(createElement(AssignAssessors, props([])));
    const options = [...ready.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)</g)].map((m) => m[2]);
    expect(options).toEqual(['Choose an officer', 'Dan Hughes', 'Asha Patel']);
  });

  it('asks for an assessor before sending anything, then says who is assigned with any warning', async () => {
    const said: string[] = [];
    const press = () =>
      (button(AssignAssessors(props(said)), 'Assign to every bid').props.onClick as () => void)();
    press();
    await vi.waitFor(() => expect(said).toEqual(['error: Choose an assessor to assign']));
    expect(mocked.api.assessment.assign).not.toHaveBeenCalled();

    mocked.chosen = 'Asha Patel';
    mocked.api.assessment.assign.mockResolvedValueOnce({
      ok: true,
      value: { warnings: ['Asha Patel declared a conflict in S2 before.'] },
    });
    press();
    await vi.waitFor(() => expect(said).toHaveLength(2));
    expect(mocked.api.assessment.assign).toHaveBeenCalledWith({
      roundId: 1,
      assessor: 'Asha Patel',
      all: true,
    });
    expect(said[1]).toBe(
      'assigned: Asha Patel is assigned to every bid. Asha Patel declared a conflict in S2 before.',
    );

    mocked.api.assessment.assign.mockResolvedValueOnce({
      ok: false,
      error: { code: 'forbidden', message: 'Only a lead officer can assign assessors.' },
    });
    press();
    await vi.waitFor(() => expect(said).toHaveLength(3));
    expect(said[2]).toBe('error: Only a lead officer can assign assessors.');
  });
});

describe('scoring offline', () => {
  const scoring = (said: string[]) =>
    OfflineScoring({
      roundId: 1,
      onImported: (m) => said.push(`imported: ${m}`),
      onError: (m) => said.push(`error: ${m}`),
    });
  const upload = (said: string[], file: { name: string; size: number }) =>
    (find(scoring(said), (e) => e.props.id === 'upload-sheet').props.onChange as (e: unknown) => void)({
      target: { files: [file] },
    });

  it('offers the sheet to download and a labelled upload of a workbook or CSV, saying a bad row stops it all', () => {
    const markup = renderToStaticMarkup(
      createElement(OfflineScoring, { roundId: 1, onImported: vi.fn(), onError: vi.fn() }),
    );
    expect(text(markup)).toContain('Download my scoring sheet (Excel)');
    expect(text(markup)).toContain('a sheet with any bad row is not imported');
    expect(markup).toMatch(/<label[^>]*for="upload-sheet"[^>]*>Upload a completed sheet<\/label>/);
    expect(markup).toMatch(/<input[^>]*id="upload-sheet"[^>]*type="file"[^>]*accept=".xlsx,.csv"/);
  });

  it('saves the downloaded sheet, or shows why it was refused', async () => {
    const said: string[] = [];
    const sheet = { fileName: 'scores.xlsx', mediaType: 'application/xlsx', dataBase64: 'UEsDBA==' };
    mocked.api.assessment.exportSheet.mockResolvedValueOnce({ ok: true, value: sheet });
    (button(scoring(said), 'Download my scoring sheet (Excel)').props.onClick as () => void)();
    await vi.waitFor(() => expect(mocked.saved).toEqual([sheet]));
    mocked.api.assessment.exportSheet.mockResolvedValueOnce({
      ok: false,
      error: { code: 'forbidden', message: 'You are not assigned to any bid in this round.' },
    });
    (button(scoring(said), 'Download my scoring sheet (Excel)').props.onClick as () => void)();
    await vi.waitFor(() => expect(said).toEqual(['error: You are not assigned to any bid in this round.']));
  });

  it('refuses a file too large before sending it, and says what was imported or every bad row', async () => {
    const said: string[] = [];
    upload(said, { name: 'huge.xlsx', size: MAX_IMPORT_BYTES + 1 });
    await vi.waitFor(() => expect(said).toHaveLength(1));
    expect(said[0]).toMatch(/^error: huge\.xlsx .*20 MB/);
    expect(mocked.api.assessment.importScores).not.toHaveBeenCalled();

    mocked.api.assessment.importScores.mockResolvedValueOnce({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'The sheet was not imported',
        issues: [
          { path: 'row 3', message: 'Row 3: the score for C1 must be 0 to 4' },
          { path: 'row 5', message: 'Row 5: give a justification' },
        ],
      },
    });
    upload(said, { name: 'scores.xlsx', size: 2_000 });
    await vi.waitFor(() => expect(said).toHaveLength(2));
    expect(said[1]).toBe(
      'error: The sheet was not imported · Row 3: the score for C1 must be 0 to 4 · Row 5: give a justification',
    );

    mocked.api.assessment.importScores.mockResolvedValueOnce({ ok: true, value: { imported: 26 } });
    upload(said, { name: 'scores.xlsx', size: 2_000 });
    await vi.waitFor(() => expect(said).toHaveLength(3));
    expect(mocked.api.assessment.importScores).toHaveBeenLastCalledWith({
      roundId: 1,
      fileName: 'scores.xlsx',
      dataBase64: 'UEsDBA==',
    });
    expect(said[2]).toBe('imported: Imported 26 scores from scores.xlsx. They count as submitted.');
  });
});
