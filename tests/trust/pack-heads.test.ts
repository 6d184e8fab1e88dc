import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chainHead, type ChainHead } from '../../db/audit/chain';
import { verifyDatabase } from '../../db/audit/verify';
import type { Connection } from '../../db/connection';
import type { HandlerContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/handlers/dispatch';
import { readPack, writePack } from '../../electron/packs/format';
import type { OutboundKind, PackBody } from '../../shared/packs';
import { databaseHash } from '../support/database-hash';
import { signedRound } from '../support/grants';
import { keyOf } from '../support/pack-cli';
import { addPerson } from '../support/people';
import { actingAs, testContext, TEST_PASSPHRASE } from '../support/temp-db';
import { must } from '../audit/signed-round';
import { openedAway, scoreS1 } from './pack-away';
import { rechain } from './rechain';

// Issue 17: every pack the office sends carries the head of its audit chain as it stood, named in
// the pack's own entry of the record, so `verify` finds a chain re-written since; and a return to
// such a pack is refused once the office's chain no longer holds that head.

interface Office {
  ctx: HandlerContext;
  lead: HandlerContext;
  file: string;
  connection: Connection;
  close: () => void;
}

/** The demonstration round at `stage`, on a file, with the lead officer acting. */
async function office(stage: 'assessment' | 'board'): Promise<Office> {
  const { ctx, connection, file } = testContext();
  must(await dispatch('demo:load', {}, ctx));
  ctx.store.rounds.setStage(1, stage, ctx.now());
  const lead = actingAs(ctx, 'Dan Hughes');
  if (stage === 'assessment') {
    // The demonstration's assessors have submitted every sheet: Eve scores away from the office.
    must(await addPerson({ name: 'Eve Ward', role: 'policy_officer', passphrase: TEST_PASSPHRASE }, lead));
    must(await dispatch('assessment:assign', { roundId: 1, assessor: 'Eve Ward', all: true }, lead));
  }
  return { ctx, lead, file, connection, close: () => connection.close() };
}

async function signedOffice(): Promise<Office> {
  const o = await signedRound();
  return {
    ctx: o.ctx,
    lead: o.lead,
    file: o.file,
    connection: o.connection,
    close: () => o.connection.close(),
  };
}

const PACKS: { kind: OutboundKind; to: string; office: () => Promise<Office> }[] = [
  { kind: 'assessor', to: 'Eve Ward', office: () => office('assessment') },
  { kind: 'board', to: 'Frances Doyle', office: () => office('board') },
  { kind: 'delivery', to: 'Asha Patel', office: signedOffice },
];

/** Re-writes one entry of the chain (its summary) and links every hash again, as an insider can. */
const rewriteEntry = (file: string, seq: number) =>
  rechain(file, (raw) =>
    raw
      .prepare("UPDATE audit_entries SET summary = summary || ' (as it should have been)' WHERE seq = ?")
      .run(seq),
  );

describe('a pack from the office', () => {
  it.each(PACKS)(
    'carries the chain head it saw ($kind pack), named in its entry, and verify finds the chain re-written since',
    async ({ kind, to, office: make }) => {
      const o = await make();
      const seen = chainHead(o.ctx.store.sqlite)!;
      const made = must(await dispatch('packs:make', { kind, roundId: 1, personName: to }, o.lead));
      const { header } = readPack(Buffer.from(made.bytesBase64, 'base64')).body;
      expect(header.chainHead).toEqual(seen);
      const entry = o.ctx.store.sqlite
        .prepare("SELECT input FROM audit_entries WHERE operation = 'packs:make' ORDER BY seq DESC LIMIT 1")
        .pluck()
        .get() as string;
      expect((JSON.parse(entry) as { chainHead: ChainHead }).chainHead).toEqual(seen);
      expect(verifyDatabase(o.ctx.store).problems).toEqual([]);
      o.close();

      rewriteEntry(o.file, seen.seq);
      const reopened = testContext(o.file);
      expect(verifyDatabase(reopened.ctx.store).problems).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `\\(packs:make\\) anchored the chain at entry ${seen.seq}, which the chain no longer holds`,
          ),
        ),
      );
      reopened.connection.close();
    },
  );
});

/** A return re-made and re-signed with its sender's own key, as a sender crafting one can. */
function resign(bytes: Buffer, change: (body: PackBody) => void, key: ReturnType<typeof keyOf>): Buffer {
  const { body } = readPack(bytes);
  body.header.packId = randomUUID();
  change(body);
  return writePack(body, key);
}

describe('a return', () => {
  /** An assessor pack to Eve, opened and scored on her laptop, and her return. */
  async function returned() {
    const o = await office('assessment');
    const { made, laptop, opened } = await openedAway(o.lead, 'assessor', 'Eve Ward');
    await scoreS1(laptop.ctx, opened.roundId, 3);
    const back = must(await dispatch('packs:return', { roundId: opened.roundId }, laptop.ctx));
    const head = readPack(Buffer.from(made.bytesBase64, 'base64')).body.header.chainHead!;
    return { o, back, head, laptopFile: laptop.file };
  }

  it('names the pack it answers and its head, and is refused once the office chain no longer holds it', async () => {
    const { o, back, head } = await returned();
    const answers = readPack(Buffer.from(back.bytesBase64, 'base64')).body.header.answers;
    expect(answers?.chainHead).toEqual(head);
    o.close();

    rewriteEntry(o.file, head.seq);
    const reopened = testContext(o.file);
    const lead = actingAs(reopened.ctx, 'Dan Hughes', TEST_PASSPHRASE);
    const before = databaseHash(reopened.connection);
    const received = await dispatch('packs:receive', { bytesBase64: back.bytesBase64 }, lead);
    expect(received).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringMatching(
          new RegExp(`made when the office's record stood at entry ${head.seq}.*re-written since`),
        ),
      },
    });
    expect(databaseHash(reopened.connection)).toBe(before);
    reopened.connection.close();
  });

  it('is refused when it names another head or another pack than the office sent, or none', async () => {
    const { o, back, laptopFile } = await returned();
    const eve = keyOf(laptopFile, 'Eve Ward', 'eve on the train');
    const bytes = Buffer.from(back.bytesBase64, 'base64');
    const variants = {
      'another head': resign(
        bytes,
        (body) => {
          body.header.answers = { ...body.header.answers!, chainHead: { seq: 1, hash: 'a'.repeat(64) } };
        },
        eve,
      ),
      'another pack': resign(
        bytes,
        (body) => {
          body.header.answers = { ...body.header.answers!, packId: randomUUID() };
        },
        eve,
      ),
      'no pack': resign(
        bytes,
        (body) => {
          delete body.header.answers;
        },
        eve,
      ),
    };
    const before = databaseHash(o.connection);
    const messages: Record<string, string> = {};
    for (const [name, file] of Object.entries(variants)) {
      const result = await dispatch('packs:receive', { bytesBase64: file.toString('base64') }, o.lead);
      expect(result.ok, name).toBe(false);
      if (!result.ok) messages[name] = result.error.message;
    }
    expect(messages).toEqual({
      'another head': expect.stringContaining('names a different record of the office'),
      'another pack': expect.stringContaining('answers an assessor pack this office did not send'),
      'no pack': expect.stringContaining('does not name the assessor pack it answers'),
    });
    expect(databaseHash(o.connection)).toBe(before);
    // The genuine return is still taken.
    expect(await dispatch('packs:receive', { bytesBase64: back.bytesBase64 }, o.lead)).toMatchObject({
      ok: true,
    });
    o.close();
  });

  it('from a copy an older Tranche opened is taken only for a pack made before packs carried heads', async () => {
    const o = await office('assessment');
    const { made, laptop, opened } = await openedAway(o.lead, 'assessor', 'Eve Ward');
    // What an older Tranche kept of the copy's origin: not the pack it came in.
    const copyOf = JSON.parse(
      laptop.ctx.store.sqlite
        .prepare('SELECT copy_of FROM rounds WHERE id = ?')
        .pluck()
        .get(opened.roundId) as string,
    ) as Record<string, unknown>;
    delete copyOf.pack;
    laptop.ctx.store.transaction(() =>
      laptop.ctx.store.sqlite
        .prepare('UPDATE rounds SET copy_of = ? WHERE id = ?')
        .run(JSON.stringify(copyOf), opened.roundId),
    );
    const back = must(await dispatch('packs:return', { roundId: opened.roundId }, laptop.ctx)).bytesBase64;
    expect(readPack(Buffer.from(back, 'base64')).body.header.answers).toEqual({
      packId: readPack(Buffer.from(made.bytesBase64, 'base64')).body.header.packId,
      chainHead: null,
    });
    const before = databaseHash(o.connection);
    expect(await dispatch('packs:receive', { bytesBase64: back }, o.lead)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('send Eve Ward a new pack') },
    });
    expect(databaseHash(o.connection)).toBe(before);
    // The office's pack as an older Tranche recorded it, with no head: the return is taken.
    o.ctx.store.transaction(() =>
      o.ctx.store.sqlite
        .prepare(
          "UPDATE packs_sent SET summary = json_remove(summary, '$.chainHead') WHERE kind = 'assessor'",
        )
        .run(),
    );
    expect(await dispatch('packs:receive', { bytesBase64: back }, o.lead)).toMatchObject({ ok: true });
    o.close();
  });
});
