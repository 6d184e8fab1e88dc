// No function over 80 lines without a reason. A long function is hard to read and to test in parts,
// so each one either is split or says why it is whole, in a comment just above it (or above the
// statement or property that holds it) containing "long-function:" and the reason, e.g.
//
//   // long-function: one JSX tree for the page; its parts are components already.
//   export function BoardPage() { … }
//
// Source only: tests (whose cases read top to bottom), migrations and generated files are not checked.
// check-line-length.mjs runs this as well, so `npm run lint` and every helper's line check list them.
import ts from 'typescript';

export const MAX_FUNCTION_LINES = 80;
export const REASON_MARK = 'long-function:';

/** Folders whose code the rule applies to (tests and generated files are left out). */
const CHECKED = /^(electron|renderer|shared|db|build)\/.*\.(ts|tsx|mjs|js)$/;
const NOT_CHECKED = [/^db\/migrations\//, /\.d\.ts$/, /\.d\.mts$/];

/** Whether a repository path holds code this rule applies to. */
export function isFunctionChecked(file) {
  return CHECKED.test(file) && !NOT_CHECKED.some((pattern) => pattern.test(file));
}

const scriptKind = (file) =>
  file.endsWith('.tsx') ? ts.ScriptKind.TSX : /\.m?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;

/** A readable name for a function: its own, or the variable, property or call that holds it. */
function nameOf(node, sourceFile) {
  if (node.name) return node.name.getText(sourceFile);
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))
    return parent.name.getText(sourceFile);
  if (ts.isCallExpression(parent)) return `callback of ${parent.expression.getText(sourceFile).slice(0, 40)}`;
  if (ts.isExportAssignment(parent)) return 'default export';
  return '(anonymous)';
}

/** The node whose leading comments may give the reason: the statement or property holding the function. */
function anchorOf(node) {
  let anchor = node;
  while (
    anchor.parent &&
    !ts.isSourceFile(anchor.parent) &&
    (ts.isVariableDeclaration(anchor.parent) ||
      ts.isVariableDeclarationList(anchor.parent) ||
      ts.isVariableStatement(anchor.parent) ||
      ts.isPropertyAssignment(anchor.parent) ||
      ts.isExportAssignment(anchor.parent) ||
      ts.isCallExpression(anchor.parent) ||
      ts.isParenthesizedExpression(anchor.parent))
  )
    anchor = anchor.parent;
  return anchor;
}

/** The reason given for a long function, or null. */
function reasonFor(node, text) {
  for (const candidate of [node, anchorOf(node)]) {
    const comments = ts.getLeadingCommentRanges(text, candidate.getFullStart()) ?? [];
    for (const range of comments) {
      const comment = text.slice(range.pos, range.end);
      const at = comment.indexOf(REASON_MARK);
      if (at >= 0)
        return (
          comment
            .slice(at + REASON_MARK.length)
            .replace(/\*\/$/, '')
            .trim() || null
        );
    }
  }
  return null;
}

/**
 * Every function in `text` longer than `max` lines, as { name, line, lines, reason } (line from 1;
 * reason null when none is given). A function inside a long one is checked on its own as well.
 */
export function longFunctions(file, text, max = MAX_FUNCTION_LINES) {
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file));
  const found = [];
  // `outer`: the long function this one is inside. A callback that is nearly all of it (a transaction's
  // body, say) is the same code, and takes its reason.
  const visit = (node, outer) => {
    let inside = outer;
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line;
      const end = sourceFile.getLineAndCharacterOfPosition(node.end).line;
      const lines = end - start + 1;
      if (lines > max) {
        const same = outer && outer.reason && lines >= outer.lines - NEARLY_ALL;
        const reason = reasonFor(node, text) ?? (same ? outer.reason : null);
        found.push({ name: nameOf(node, sourceFile), line: start + 1, lines, reason });
        inside = { lines, reason };
      }
    }
    ts.forEachChild(node, (child) => visit(child, inside));
  };
  visit(sourceFile, null);
  return found;
}

/** How many lines short of the function around it a callback may be and still count as the same code. */
const NEARLY_ALL = 10;
