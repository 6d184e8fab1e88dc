import { existsSync } from 'node:fs';
import path from 'node:path';

// Tests that need a tool from outside npm (Chromium, poppler) skip with the reason where it is
// missing, so a contributor's first `npm test` is not a wall of failures. Under CI=true they fail
// instead, naming what to install: a CI run must never be green without having checked everything.

/** Whether this run is CI, which may not skip for a missing tool. */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.CI ?? '').trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false';
}

/** Absolute path of a command on PATH (or in /usr/bin), or null. */
export function findTool(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const dirs = [...(env.PATH ?? '').split(path.delimiter).filter(Boolean), '/usr/bin'];
  for (const dir of dirs) {
    const full = path.join(dir, name);
    if (existsSync(full)) return full;
  }
  return null;
}

/** The message for a missing tool: which one, and how to install it. */
export function missingToolMessage(
  tool: string,
  install: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const outcome = isCi(env)
    ? 'Under CI=true this fails rather than skips'
    : 'Skipped; under CI=true this would fail';
  return `${tool} is not installed: ${install}. ${outcome}.`;
}

interface Skippable {
  skip: (note?: string) => never;
}

/**
 * The tool's path; where it is missing, skips the test with the reason, or under CI fails it.
 * `install` says how to get it, e.g. "install poppler-utils (sudo apt-get install poppler-utils)".
 */
export function requireTool(context: Skippable, tool: string, install: string): string {
  const found = findTool(tool);
  if (found) return found;
  const message = missingToolMessage(tool, install);
  if (isCi()) throw new Error(message);
  return context.skip(message);
}

export const POPPLER_INSTALL =
  'install poppler-utils (`sudo apt-get install poppler-utils`; `brew install poppler` on macOS)';

/** A poppler command-line tool the document tests read PDFs back with. */
export const requirePoppler = (context: Skippable, tool: 'pdftotext' | 'pdffonts' | 'pdfinfo'): string =>
  requireTool(context, tool, POPPLER_INSTALL);

/**
 * For a test whose PDF text check is one part of something larger: the poppler tool's path, or
 * null where it is missing (the rest of the test still runs, and says what it left out). Under CI
 * it throws instead, naming what to install.
 */
export function popplerIfInstalled(tool: 'pdftotext' | 'pdffonts' | 'pdfinfo'): string | null {
  const found = findTool(tool);
  if (found) return found;
  const message = missingToolMessage(tool, POPPLER_INSTALL);
  if (isCi()) throw new Error(message);
  console.warn(`${message} (only the PDF's text check is left out)`);
  return null;
}
