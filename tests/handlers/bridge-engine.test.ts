import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRankedRound } from '../../build/bench/ranked-round';
import { BENCH_PASSPHRASE } from '../../build/bench/scored-round';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { startWebServer, type WebServer } from '../../electron/bridge/server';
import { startEngine, type Engine } from '../../electron/engine/engine';
import { tempDir } from '../support/temp-db';

// Issue 19: the database and every handler run in the engine's worker thread, so the web server's
// own thread answers (here, a request for the page's file) while a long handler is still running.

const BIDS = 4_000;
let engine: Engine;
let server: WebServer;

beforeAll(async () => {
  const root = tempDir('tranche-engine-');
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Tranche</title>');
  const file = path.join(root, 'tranche.db');
  await makeRankedRound(file, BIDS);
  engine = await startEngine(new URL('../../electron/engine/engine-worker-source.mjs', import.meta.url), {
    file,
    migrationsFolder: MIGRATIONS_FOLDER,
    version: 'test',
  });
  server = await startWebServer({ call: engine.call, callJson: engine.callJson, rendererRoot: root });
}, 240_000);

afterAll(async () => {
  await server?.close();
  await engine?.close();
});

const headers = () => ({ Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' });
const api = (channel: string, input: unknown) =>
  fetch(`${server.origin}/api/${channel}`, {
    method: 'POST',
    headers: headers(),
    body: JSON.stringify(input),
  }).then((r) => r.json() as Promise<{ ok: boolean; value?: unknown[] }>);

describe('the web bridge with its engine in a worker thread', () => {
  it('serves the page while the ranking of thousands of bids is being worked out', async () => {
    const me = await api('people:setProfile', { personId: 1, passphrase: BENCH_PASSPHRASE });
    expect(me.ok).toBe(true);
    const order: string[] = [];
    const ranking = api('assessment:ranking', { roundId: 1 }).then((result) => {
      order.push('ranking');
      return result;
    });
    // Asked for after the ranking, answered before it: nothing waits for the database here.
    await new Promise((done) => setTimeout(done, 30));
    const page = await fetch(`${server.origin}/index.html`, { headers: headers() }).then((r) => r.text());
    order.push('page');
    expect(page).toContain('<title>Tranche</title>');
    const ranked = await ranking;
    expect(ranked.ok).toBe(true);
    expect(ranked.value).toHaveLength(BIDS);
    expect(order).toEqual(['page', 'ranking']);
  }, 120_000);

  it('passes the worker its result as JSON text, which the server sends on as it is', async () => {
    // A 4,000-bid ranking is megabytes: as objects it was copied out of the worker and into the
    // main thread, then written as JSON there; as text it is written once, in the worker.
    const text = await engine.callJson('assessment:ranking', { roundId: 1 });
    expect(typeof text).toBe('string');
    const body = await fetch(`${server.origin}/api/assessment:ranking`, {
      method: 'POST',
      headers: headers(),
      body: JSON.stringify({ roundId: 1 }),
    }).then((r) => r.text());
    expect(body).toBe(text);
    expect(await engine.call('assessment:ranking', { roundId: 1 })).toEqual(JSON.parse(text));
  }, 60_000);

  it('answers every call through the same dispatch, refusals included', async () => {
    const missing = await api('assessment:ranking', { roundId: 99 });
    expect(missing.ok).toBe(false);
    const unknown = await api('no:such', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
