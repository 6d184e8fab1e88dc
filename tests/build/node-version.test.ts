import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { supportedNode } from '../../build/scripts/check-node.mjs';

// better-sqlite3 13 needs Node-API 10 (Node 22.14 or later) and segfaults on older Node, so an
// unsupported Node must be stopped with a line naming the fix before it reaches the database.

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  engines: { node: string };
  scripts: Record<string, string>;
};

describe('the supported Node versions', () => {
  it('are the LTS lines 22 (from 22.14) and 24 or later, in engines and in the check alike', () => {
    expect(pkg.engines.node).toBe('^22.14 || >=24');
    for (const version of ['v22.14.0', '22.23.3', 'v24.0.0', 'v24.21.0', 'v26.1.0'])
      expect(supportedNode(version), version).toBe(true);
    for (const version of ['v18.20.8', 'v20.20.2', 'v22.12.0', 'v22.13.1', 'v23.11.0'])
      expect(supportedNode(version), version).toBe(false);
    expect(supportedNode(process.version)).toBe(true);
  });

  it('stop an unsupported Node in one line naming the fix, and let a supported one through', () => {
    const check = (version: string) =>
      spawnSync(
        process.execPath,
        ['-e', `import('./build/scripts/check-node.mjs').then((m) => m.assertSupportedNode('${version}'))`],
        { encoding: 'utf8' },
      );
    const old = check('v20.20.2');
    expect(old.status).toBe(1);
    expect(old.stderr.trim().split('\n')).toHaveLength(1);
    expect(old.stderr).toMatch(/Node v20\.20\.2 cannot run Tranche: use Node 24 \(or 22\.14 or later\)/);
    const current = check(process.version);
    expect(current.status).toBe(0);
    expect(current.stderr).toBe('');
  });

  it('are checked before install finishes, before the tests and before start', () => {
    expect(readFileSync('.npmrc', 'utf8')).toMatch(/^engine-strict=true$/m);
    for (const script of ['postinstall', 'pretest', 'prestart'])
      expect(pkg.scripts[script], script).toMatch(/^node build\/scripts\/check-node\.mjs\b/);
  });
});
