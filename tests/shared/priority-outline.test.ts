import { describe, expect, it } from 'vitest';
import { parsePriorityOutline, priorityOutline } from '../../shared/priority-outline';

const outline = [
  'O1 Better protecting people from harm',
  '  O1.1 Tackle gangs and organised crime',
  '  O1.2 Tackle child sexual exploitation',
  'O3 Delivering better value for money',
  "\tO3.1 Implement 'invest to save' schemes",
].join('\n');

describe('priority outline', () => {
  it('reads objectives and indented sub-objectives into a tree, and writes it back', () => {
    const parsed = parsePriorityOutline(outline);
    expect(parsed).toEqual({
      ok: true,
      priorities: [
        {
          code: 'O1',
          title: 'Better protecting people from harm',
          children: [
            { code: 'O1.1', title: 'Tackle gangs and organised crime', children: [] },
            { code: 'O1.2', title: 'Tackle child sexual exploitation', children: [] },
          ],
        },
        {
          code: 'O3',
          title: 'Delivering better value for money',
          children: [{ code: 'O3.1', title: "Implement 'invest to save' schemes", children: [] }],
        },
      ],
    });
    if (parsed.ok) expect(parsePriorityOutline(priorityOutline(parsed.priorities))).toEqual(parsed);
  });

  it('names the line of every problem', () => {
    expect(parsePriorityOutline('O1 First\n    O1.1 Too deep\nO1 Again\nLonely')).toEqual({
      ok: false,
      problems: [
        'Line 2: indented further than the line above allows',
        'Line 3: the code O1 is already used on line 1',
        'Line 4: write a code and then the title, like "O1 Reduce crime and offending"',
      ],
    });
    expect(parsePriorityOutline('  \n')).toEqual({ ok: false, problems: ['Enter at least one priority'] });
  });
});
