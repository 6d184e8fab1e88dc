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

  it("is split by page: the app starts without any page's code, and the bids list never loads the allocation's", () => {
    const assets = path.join(RENDERER, 'assets');
    const chunk = (prefix: string) =>
      readdirSync(assets).find((f) => f.startsWith(`${prefix}-`) && f.endsWith('.js'));
    /** A chunk and every chunk it imports statically (what loads before it can run). */
    const staticGraph = (file: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(file)) return seen;
      seen.add(file);
      const code = readFileSync(path.join(assets, file), 'utf8');
      for (const [, imported] of code.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([\w.-]+\.js)["']/g))
        if (imported) staticGraph(imported, seen);
      return seen;
    };
    const html = readFileSync(path.join(RENDERER, 'index.html'), 'utf8');
    const entry = /<script type="module"[^>]*src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    const pages = (files: Set<string>) => [...files].filter((f) => /Page-/.test(f));
    expect(pages(staticGraph(entry as string))).toEqual([]);
    const bids = chunk('BidsPage');
    const allocation = chunk('AllocationPage');
    expect(bids && allocation).toBeTruthy();
    expect(pages(staticGraph(bids as string))).toEqual([bids]);
  });
});
