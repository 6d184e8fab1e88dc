import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isFunctionChecked, longFunctions } from '../../build/scripts/function-length.mjs';

const REASON = '// long-function: one transaction, all or nothing';
const body = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join('\n');

describe('the 80-line function rule', () => {
  it('lists a function over 80 lines, with the reason given in a comment above it or none', () => {
    const text = [
      `export function shortOne() {\n${body(10)}\n}`,
      `export function longOne() {\n${body(85)}\n}`,
      `${REASON}\nexport const handlers = {\n  'x:y': () => {\n${body(90)}\n  },\n};`,
    ].join('\n');
    const found = longFunctions('electron/handlers/x.ts', text);
    expect(found.map(({ name, lines, reason }) => ({ name, lines, reason }))).toEqual([
      { name: 'longOne', lines: 87, reason: null },
      { name: "'x:y'", lines: 92, reason: null },
    ]);
    const given = `export const handlers = {\n  ${REASON}\n  'x:y': () => {\n${body(90)}\n  },\n};`;
    expect(longFunctions('electron/handlers/x.ts', given)[0]?.reason).toBe('one transaction, all or nothing');
  });

  it("lets a callback that is nearly all of a long function take that function's reason", () => {
    const text = [
      '// long-function: the whole load is one transaction',
      'export function load(ctx) {',
      `  return ctx.run(() => {\n${body(90)}\n  });\n}`,
    ].join('\n');
    expect(longFunctions('electron/handlers/load.ts', text).map((f) => f.reason)).toEqual([
      'the whole load is one transaction',
      'the whole load is one transaction',
    ]);
  });

  it('checks source, not tests, migrations or declarations', () => {
    expect(isFunctionChecked('renderer/src/pages/BoardPage.tsx')).toBe(true);
    expect(isFunctionChecked('build/scripts/start.mjs')).toBe(true);
    expect(isFunctionChecked('tests/e2e/packs.spec.ts')).toBe(false);
    expect(isFunctionChecked('build/scripts/function-length.d.mts')).toBe(false);
  });

  it('passes on this repository: every long function gives its reason', () => {
    expect(() =>
      execFileSync(process.execPath, ['build/scripts/check-line-length.mjs'], {
        encoding: 'utf8',
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });
});
