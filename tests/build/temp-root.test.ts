import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { redirectTempFolder } from '../support/temp-root';
import { tempDir } from '../support/temp-db';

describe('temporary folders made by tests', () => {
  it('land inside a root of their own that the suite removes', () => {
    const made = tempDir();
    expect(path.basename(path.dirname(made))).toMatch(/^tranche-vitest-/);
  });

  it('are removed with everything in them, and the previous folder comes back', () => {
    const outside = tmpdir();
    const restore = redirectTempFolder('tranche-root-check-');
    const root = tmpdir();
    mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
    writeFileSync(path.join(root, 'a', 'b', 'file.db'), 'x');
    restore();
    expect(existsSync(root)).toBe(false);
    expect(tmpdir()).toBe(outside);
  });
});
