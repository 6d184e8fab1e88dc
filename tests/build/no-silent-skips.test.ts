import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findTool, isCi, missingToolMessage, requireTool } from '../support/required-tool';

// A test may skip only for the Electron binary; for any other missing tool it goes through
// requireTool (or the browser fixture), which skips with the reason locally and fails under CI.

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );

/** The files allowed to skip, and why. */
const MAY_SKIP = new Set([
  'tests/electron/desktop.spec.ts', // the Electron binary cannot be downloaded everywhere
  'tests/e2e/fixtures.ts', // no Chromium: skips, or fails under CI
  'tests/support/required-tool.ts', // any other tool: skips, or fails under CI
  'tests/support/tmpfs.ts', // a small disk needs mount (root): skips saying why, in CI too
]);
const SKIPPING = /\.skip\(|\bskipIf\(|\brunIf\(|\.todo\(/;

describe('no silent skips', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('only the Electron test, the browser fixture and requireTool skip', () => {
    const skipping = files('tests')
      .filter((file) => /\.ts$/.test(file) && !file.endsWith('no-silent-skips.test.ts'))
      .map((file) => file.split(path.sep).join('/'))
      .filter((file) => !MAY_SKIP.has(file))
      .filter((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .some((line) => SKIPPING.test(line)),
      );
    expect(skipping).toEqual([]);
  });

  it('skips with the reason for a missing tool outside CI', () => {
    vi.stubEnv('CI', '');
    const skip = vi.fn((note?: string): never => {
      throw new Error(`skipped: ${note}`);
    });
    expect(() => requireTool({ skip }, 'tranche-no-such-tool', 'install the kit')).toThrow(/^skipped: /);
    expect(skip).toHaveBeenCalledWith(missingToolMessage('tranche-no-such-tool', 'install the kit'));
    expect(skip.mock.calls[0]?.[0]).toMatch(/tranche-no-such-tool is not installed: install the kit/);
  });

  it('fails, naming what to install, under CI=true', () => {
    vi.stubEnv('CI', 'true');
    const skip = vi.fn((): never => {
      throw new Error('should not skip');
    });
    expect(() => requireTool({ skip }, 'tranche-no-such-tool', 'install the kit')).toThrow(
      /tranche-no-such-tool is not installed: install the kit\. Under CI=true this fails/,
    );
    expect(skip).not.toHaveBeenCalled();
  });

  it('reads CI as GitHub and others set it, and finds tools on PATH', () => {
    expect(isCi({ CI: 'true' })).toBe(true);
    expect(isCi({ CI: '1' })).toBe(true);
    expect(isCi({ CI: 'false' })).toBe(false);
    expect(isCi({})).toBe(false);
    expect(findTool('sh')).toMatch(/\/sh$/);
    expect(findTool('tranche-no-such-tool')).toBeNull();
  });
});
