import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from '../../electron/common/static-files';
import { createAppProtocolHandler } from '../../electron/main/protocol';
import { tempDir } from '../support/temp-db';

function site() {
  const root = tempDir('tranche-site-');
  mkdirSync(path.join(root, 'renderer', 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'renderer', 'index.html'), '<!doctype html>');
  writeFileSync(path.join(root, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'secret.txt'), 'not for the renderer');
  return path.join(root, 'renderer');
}

describe('app:// protocol', () => {
  const handler = createAppProtocolHandler(site());

  it('serves the renderer with content types', async () => {
    const js = await handler(new Request('app://tranche/assets/app.js'));
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await handler(new Request('app://tranche/'))).status).toBe(200);
  });

  it('refuses other hosts, other methods, missing files and any path out of the renderer', async () => {
    expect((await handler(new Request('app://elsewhere/index.html'))).status).toBe(404);
    expect(
      (await handler(new Request('app://tranche/index.html', { method: 'POST', body: 'x' }))).status,
    ).toBe(405);
    expect((await handler(new Request('app://tranche/nothing.js'))).status).toBe(404);
    for (const escape of [
      '..%2Fsecret.txt',
      '%2e%2e/secret.txt',
      'assets/..%5C..%5Csecret.txt',
      'assets/%2E%2E%2F%2E%2E%2Fsecret.txt',
    ]) {
      const response = await handler(new Request(`app://tranche/${escape}`));
      expect([403, 404]).toContain(response.status);
      expect(await response.text()).not.toContain('not for the renderer');
    }
    expect((await handler(new Request('app://tranche/..%2Fsecret.txt'))).status).toBe(403);
  });

  it('resolves paths only inside the root', () => {
    expect(resolveStaticPath('/srv/app', '/../etc/passwd')).toBeNull();
    expect(resolveStaticPath('/srv/app', '/%00')).toBeNull();
    expect(resolveStaticPath('/srv/app', '/%E0%A4%A')).toBeNull();
    expect(resolveStaticPath('/srv/app', '/assets/a.js')).toBe(path.resolve('/srv/app/assets/a.js'));
  });
});
