// A plan's priorities written as an outline, one per line: a short code, then the title; indent
// a line (two spaces or a tab) to make it a sub-objective of the line above.
//
//   O3 Delivering better value for money
//     O3.1 Implement 'invest to save' schemes that enable more efficient working practices

export interface OutlineNode {
  code: string;
  title: string;
  children: OutlineNode[];
}

export type OutlineResult = { ok: true; priorities: OutlineNode[] } | { ok: false; problems: string[] };

export function parsePriorityOutline(text: string): OutlineResult {
  const problems: string[] = [];
  const roots: OutlineNode[] = [];
  const stack: { depth: number; node: OutlineNode }[] = [];
  const codes = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const indent = /^[\t ]*/.exec(raw)?.[0] ?? '';
    const depth = Math.floor(indent.replace(/\t/g, '  ').length / 2);
    const match = /^(\S+)\s+(.+)$/.exec(raw.trim());
    if (!match)
      return problems.push(
        `Line ${line}: write a code and then the title, like "O1 Reduce crime and offending"`,
      );
    const [, code = '', title = ''] = match;
    const seen = codes.get(code.toLowerCase());
    if (seen !== undefined) problems.push(`Line ${line}: the code ${code} is already used on line ${seen}`);
    codes.set(code.toLowerCase(), line);
    while (stack.length > 0 && (stack[stack.length - 1]?.depth ?? 0) >= depth) stack.pop();
    const parent = stack[stack.length - 1];
    if (depth > 0 && (!parent || depth > parent.depth + 1)) {
      return problems.push(`Line ${line}: indented further than the line above allows`);
    }
    const node: OutlineNode = { code, title: title.trim(), children: [] };
    (parent ? parent.node.children : roots).push(node);
    stack.push({ depth, node });
  });
  if (roots.length === 0 && problems.length === 0) problems.push('Enter at least one priority');
  return problems.length > 0 ? { ok: false, problems } : { ok: true, priorities: roots };
}

export function priorityOutline(
  nodes: { code: string; title: string; children: { code: string; title: string; children: unknown[] }[] }[],
  depth = 0,
): string {
  return nodes
    .map((n) =>
      [`${'  '.repeat(depth)}${n.code} ${n.title}`, priorityOutline(n.children as typeof nodes, depth + 1)]
        .filter(Boolean)
        .join('\n'),
    )
    .join('\n');
}
