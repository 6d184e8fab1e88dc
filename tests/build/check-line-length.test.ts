import { describe, expect, it } from 'vitest';
import { isCheckedSource, longLines, MAX_LINE } from '../../build/scripts/check-line-length.mjs';

describe('the line-length check', () => {
  it('finds lines over 120 characters, counting characters rather than bytes', () => {
    expect(MAX_LINE).toBe(120);
    const text = ['short', 'x'.repeat(120), 'y'.repeat(121), '£'.repeat(120)].join('\n');
    expect(longLines(text)).toEqual([{ line: 3, length: 121 }]);
    expect(longLines('a\r\nbbbb', 3)).toEqual([{ line: 2, length: 4 }]);
  });

  it('checks source, not generated files, test data or prose', () => {
    for (const file of [
      'electron/handlers/dispatch.ts',
      'renderer/src/App.tsx',
      '.ci/run',
      'build/scripts/start.mjs',
    ])
      expect(isCheckedSource(file), file).toBe(true);
    for (const file of [
      'db/migrations/0007_notices.sql',
      'db/migrations/meta/0007_snapshot.json',
      'package-lock.json',
      'tests/fixtures/appendix-a-2013.csv',
      'README.md',
    ])
      expect(isCheckedSource(file), file).toBe(false);
  });
});
