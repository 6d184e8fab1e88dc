import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DRAWN_WHOLE_UP_TO, VirtualTable } from '../../renderer/src/components/VirtualTable';

// A round's own tables are short: every bid must be in the page, so an officer can find it with
// the browser's find and a screen reader can walk the whole table. A 10,000-bid table draws only
// the rows in view, or it would not stay smooth.

interface Bid {
  ref: string;
}

function drawnRefs(count: number): string[] {
  const rows: Bid[] = Array.from({ length: count }, (_, i) => ({ ref: `B${i + 1}` }));
  const markup = renderToStaticMarkup(
    createElement(VirtualTable<Bid>, {
      caption: 'Bids',
      columns: [{ key: 'ref', label: 'Reference', render: (row: Bid) => row.ref }],
      rows,
      rowKey: (row: Bid) => row.ref,
    }),
  );
  return [...markup.matchAll(/<td>(B\d+)<\/td>/g)].map((match) => match[1] ?? '');
}

describe('VirtualTable', () => {
  it('draws every row of a short table, the last included', () => {
    const refs = drawnRefs(DRAWN_WHOLE_UP_TO);
    expect(refs).toHaveLength(DRAWN_WHOLE_UP_TO);
    expect(refs.at(-1)).toBe(`B${DRAWN_WHOLE_UP_TO}`);
  });

  it('draws only the rows in view of a long table', () => {
    const refs = drawnRefs(10_000);
    expect(refs.length).toBeGreaterThan(5);
    expect(refs.length).toBeLessThan(40);
    expect(refs[0]).toBe('B1');
  });
});
