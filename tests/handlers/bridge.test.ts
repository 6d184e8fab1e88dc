import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebServer, tokenCookie, type WebServer } from '../../electron/bridge/server';
import { dispatch } from '../../electron/handlers/dispatch';
import { testContext, tempDir } from '../support/temp-db';

let server: WebServer | undefined;
afterEach(async () => server?.close());

async function start() {
  const root = tempDir('tranche-bridge-');
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Tranche</title>');
  writeFileSync(path.join(root, 'assets', 'app-Ab12.js'), 'export {};');
  const { ctx } = testContext();
  server = await startWebServer({
    call: (channel, input) => dispatch(channel, input, ctx),
    rendererRoot: root,
  });
  return server;
}

/** A raw request, so headers such as Host can be set as an attacker would. */
function raw(
  s: WebServer,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
) {
  const { port } = new URL(s.origin);
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('web bridge', () => {
  it('listens on loopback only and trades the token in the address for a strict cookie', async () => {
    const s = await start();
    expect(s.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const first = await raw(s, { path: `/?token=${s.token}` });
    expect(first.status).toBe(303);
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const port = new URL(s.origin).port;
    expect(String(first.headers['set-cookie'])).toMatch(new RegExp(`^tranche_token_${port}=`));
    // Another server's cookie (another port) is not this one's: each server has its own name.
    const other = await raw(s, { path: '/', headers: { cookie: `tranche_token_1=${s.token}` } });
    expect(other.status).toBe(401);
    const page = await raw(s, { path: '/', headers: { cookie: `tranche_token_${port}=${s.token}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    expect((await raw(s, { path: '/?token=wrong' })).status).toBe(401);
    expect((await raw(s, { path: '/', headers: { cookie: `tranche_token_${port}=wrong` } })).status).toBe(
      401,
    );
  });

  it('refuses another Host (DNS rebinding) and another Origin even with the token', async () => {
    const s = await start();
    const auth = { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' };
    expect((await raw(s, { path: '/', headers: { ...auth, host: 'evil.example' } })).status).toBe(421);
    const foreign = await raw(s, {
      method: 'POST',
      path: '/api/rounds:list',
      headers: { ...auth, origin: 'https://evil.example' },
      body: '{}',
    });
    expect(foreign.status).toBe(403);
  });

  it('calls the same handlers, with typed errors for bad JSON, wrong type or unknown operations', async () => {
    const s = await start();
    const auth = { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' };
    const created = await raw(s, {
      method: 'POST',
      path: '/api/rounds:create',
      headers: auth,
      body: JSON.stringify({ fund: 'Safer Streets', name: 'Round 4', budgetPence: 105_131_200 }),
    });
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { availablePence: 105_131_200 } });
    expect(
      JSON.parse(
        (await raw(s, { method: 'POST', path: '/api/rounds:create', headers: auth, body: '{nope' })).body,
      ),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(
      (
        await raw(s, {
          method: 'POST',
          path: '/api/rounds:list',
          headers: { authorization: auth.authorization, 'content-type': 'text/plain' },
          body: '{}',
        })
      ).status,
    ).toBe(415);
    expect(
      JSON.parse(
        (await raw(s, { method: 'POST', path: '/api/rounds:delete-everything', headers: auth, body: '{}' }))
          .body,
      ),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await raw(s, { method: 'GET', path: '/api/rounds:list', headers: auth })).status).toBe(405);
  });

  it("lets the browser keep the page's content-named code, but never the page or an answer", async () => {
    const s = await start();
    const cookie = `${tokenCookie(Number(new URL(s.origin).port))}=${s.token}`;
    const host = new URL(s.origin).host;
    const code = await raw(s, { path: '/assets/app-Ab12.js', headers: { cookie, host } });
    expect(code.status).toBe(200);
    expect(code.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    const page = await raw(s, { path: '/', headers: { cookie, host } });
    expect(page.headers['cache-control']).toBe('no-store');
    const missing = await raw(s, { path: '/assets/gone.js', headers: { cookie, host } });
    expect(missing.headers['cache-control']).toBe('no-store');
    const answer = await raw(s, {
      method: 'POST',
      path: '/api/rounds:list',
      headers: { cookie, host, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(answer.headers['cache-control']).toBe('no-store');
  });
});
