// No source line over 120 characters. Prettier wraps code at 110 but cannot break a long string or
// comment, so this catches what it leaves. Generated files (SQL migrations and drizzle-kit's
// snapshots, the lock file), test data and Markdown (prose and its tables) are not checked.
//
//   node build/scripts/check-line-length.mjs            every offending line, exit 1 if any
//   node build/scripts/check-line-length.mjs --by-file  a count per file instead
// It also lists every function over 80 lines that gives no reason (see function-length.mjs), and with
// --long-functions every long function with its reason.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isFunctionChecked, longFunctions, MAX_FUNCTION_LINES } from './function-length.mjs';

export const MAX_LINE = 120;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const NOT_SOURCE = [
  /^db\/migrations\//,
  /(^|\/)package-lock\.json$/,
  /\.lock$/,
  /^tests\/fixtures\//,
  /\.md$/,
  /\.(png|jpe?g|gif|ico|icns|ttf|otf|woff2?|pdf|docx|xlsx|zip)$/i,
];
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'release', '.git', '.cache', 'test-results']);

/** Whether a repository path is source this check applies to. */
export function isCheckedSource(file) {
  return !NOT_SOURCE.some((pattern) => pattern.test(file));
}

/** Tracked and new (not ignored) files, as repository paths; a plain walk where there is no git. */
function projectFiles() {
  try {
    const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return listed.split('\0').filter(Boolean);
  } catch {
    const walk = (dir) =>
      readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
        const file = dir ? `${dir}/${entry.name}` : entry.name;
        if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : walk(file);
        return [file];
      });
    return walk('');
  }
}

/** Every line over the limit in the given text, as { line, length } (line numbers from 1). */
export function longLines(text, max = MAX_LINE) {
  return text
    .split(/\r?\n/)
    .map((content, index) => ({ line: index + 1, length: [...content].length }))
    .filter(({ length }) => length > max);
}

/** Functions over the limit: those without a reason fail the check; --long-functions lists them all. */
function checkFunctions(files) {
  const all = process.argv.includes('--long-functions');
  let unexplained = 0;
  for (const file of files.filter(isFunctionChecked)) {
    let text;
    try {
      text = readFileSync(path.join(ROOT, file), 'utf8');
    } catch {
      continue;
    }
    for (const { name, line, lines, reason } of longFunctions(file, text)) {
      if (!reason) unexplained += 1;
      if (!reason || all)
        console.log(`${file}:${line}: ${name} is ${lines} lines${reason ? `: ${reason}` : ''}`);
    }
  }
  if (unexplained > 0)
    console.error(
      `check-line-length: ${unexplained} functions over ${MAX_FUNCTION_LINES} lines give no reason. ` +
        'Split each, or say why it is whole in a "// long-function: …" comment above it.',
    );
  return unexplained === 0;
}

function main() {
  const byFile = process.argv.includes('--by-file');
  const functionsOk = checkFunctions(projectFiles());
  const offenders = [];
  for (const file of projectFiles().filter(isCheckedSource)) {
    let text;
    try {
      text = readFileSync(path.join(ROOT, file), 'utf8');
    } catch {
      continue; // listed by git but deleted in the working tree
    }
    if (text.includes('\0')) continue; // binary
    const lines = longLines(text);
    if (lines.length > 0) offenders.push({ file, lines });
  }
  if (offenders.length === 0) return functionsOk ? 0 : 1;
  for (const { file, lines } of offenders) {
    if (byFile) console.log(`${String(lines.length).padStart(4)}  ${file}`);
    else for (const { line, length } of lines) console.log(`${file}:${line}: ${length} characters`);
  }
  const total = offenders.reduce((sum, { lines }) => sum + lines.length, 0);
  console.error(
    `check-line-length: ${total} lines over ${MAX_LINE} characters in ${offenders.length} files. ` +
      'Split long strings and comments (Prettier cannot).',
  );
  return 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = main();
