import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Runs after `npm run build` (npm test builds first): inspects what would actually ship.
const RENDERER = 'dist/renderer';
const built = existsSync(path.join(RENDERER, 'index.html'));

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );

describe('the built renderer', () => {
  it('has been built before the tests that inspect it', () => {
    if (!built) throw new Error('dist/renderer is missing: run `npm run build` first (npm test does this).');
  });

  it('contains no Node or Electron import', () => {
    const scripts = files(RENDERER).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(
        /\brequire\(\s*["'](?:node:|electron|fs|path|child_process|better-sqlite3)/,
      );
      expect(code, file).not.toMatch(
        /\bfrom\s*["'](?:node:[a-z_/]+|electron|fs|path|child_process|better-sqlite3)["']/,
      );
      expect(code, file).not.toMatch(/\bimport\(\s*["'](?:node:|electron)/);
    }
  });

  it('has no inline script the CSP would have to allow', () => {
    const html = readFileSync(path.join(RENDERER, 'index.html'), 'utf8');
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
      ([, attrs, body]) => !/\bsrc=/.test(attrs ?? '') || (body ?? '').trim() !== '',
    );
    expect(inline).toEqual([]);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
});
