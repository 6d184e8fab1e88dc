import { createHmac, createPrivateKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import { keyFingerprint, rawPublicKey, signBytes } from '../../electron/identity/keys';
import { readPack, writePack } from '../../electron/packs/format';
import { databaseHash } from '../support/database-hash';
import { actingAs, testContext, TEST_PASSPHRASE } from '../support/temp-db';
import { must } from '../audit/signed-round';
import { keyOf } from '../support/pack-cli';
import { addPerson } from '../support/people';
import { openedAway, scoreS1 } from './pack-away';

// Issue 17: a read copy of the office database plus the emailed pack must not let anyone make a
// return the office accepts. The office keeps, per enrolment, only a value that checks a proof.

describe('an insider with a copy of the office database', () => {
  it('cannot forge a first return from what the office stores about the enrolment code', async () => {
    const { ctx, connection } = testContext();
    must(await dispatch('demo:load', {}, ctx));
    ctx.store.rounds.setStage(1, 'assessment', ctx.now());
    const lead = actingAs(ctx, 'Dan Hughes');
    must(await addPerson({ name: 'Eve Ward', role: 'policy_officer', passphrase: TEST_PASSPHRASE }, lead));
    must(await dispatch('assessment:assign', { roundId: 1, assessor: 'Eve Ward', all: true }, lead));
    // Eve's genuine laptop, then her genuine return: the shape the forger copies.
    const { laptop: away, opened } = await openedAway(lead, 'assessor', 'Eve Ward');
    const laptop = away.ctx;
    const genuine = must(await dispatch('packs:return', { roundId: opened.roundId }, laptop));
    const { body } = readPack(Buffer.from(genuine.bytesBase64, 'base64'));

    const stored = connection.sqlite.prepare('SELECT code_hash FROM enrolments').pluck().get() as string;
    const forger = generateKeyPairSync('ed25519');
    const forgerKey = rawPublicKey(forger.publicKey).toString('base64');
    const attempts = [
      // The stored value as an HMAC key (as when the office kept SHA-256 of the code).
      createHmac('sha256', Buffer.from(stored, 'hex'))
        .update(Buffer.from(forgerKey, 'base64'))
        .digest('base64'),
      createHmac('sha256', Buffer.from(stored, 'base64'))
        .update(Buffer.from(forgerKey, 'base64'))
        .digest('base64'),
      // The stored value as the seed of a signing key.
      signBytes(
        createPrivateKey({
          key: Buffer.concat([
            Buffer.from('302e020100300506032b657004220420', 'hex'),
            Buffer.from(stored, 'base64').subarray(0, 32),
          ]),
          format: 'der',
          type: 'pkcs8',
        }),
        Buffer.from(`tranche-enrolment-return/1:${forgerKey}`, 'utf8'),
      ),
    ];
    const before = databaseHash(connection);
    for (const proof of attempts) {
      const forged = structuredClone(body);
      forged.header.packId = randomUUID();
      forged.header.from = {
        ...forged.header.from,
        publicKey: forgerKey,
        fingerprint: keyFingerprint(forgerKey),
      };
      forged.header.enrolment = { id: forged.header.enrolment!.id, proof };
      const bytes = writePack(forged, forger.privateKey).toString('base64');
      expect(await dispatch('packs:receive', { bytesBase64: bytes }, lead)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(databaseHash(connection)).toBe(before);
    // Eve's own return is still taken.
    expect(await dispatch('packs:receive', { bytesBase64: genuine.bytesBase64 }, lead)).toMatchObject({
      ok: true,
    });
  });

  // A return dated ahead by its sender: tests/trust/sender-clock.test.ts.
  it('cannot send a crafted return with a score off the scale', async () => {
    const { ctx, connection } = testContext();
    must(await dispatch('demo:load', {}, ctx));
    ctx.store.rounds.setStage(1, 'assessment', ctx.now());
    const lead = actingAs(ctx, 'Dan Hughes');
    must(await addPerson({ name: 'Eve Ward', role: 'policy_officer', passphrase: TEST_PASSPHRASE }, lead));
    must(await dispatch('assessment:assign', { roundId: 1, assessor: 'Eve Ward', all: true }, lead));
    const { laptop: eve, opened } = await openedAway(lead, 'assessor', 'Eve Ward');
    await scoreS1(eve.ctx, opened.roundId, 2, true);
    const genuine = must(await dispatch('packs:return', { roundId: opened.roundId }, eve.ctx));
    const eveKey = keyOf(eve.file, 'Eve Ward', 'eve on the train');
    const crafted = (change: (scores: { score: number | null }[]) => void) => {
      const { body } = readPack(Buffer.from(genuine.bytesBase64, 'base64'));
      body.header.packId = randomUUID();
      change((body.payload as { scores: { score: number | null }[] }).scores);
      return writePack(body, eveKey).toString('base64');
    };
    const before = databaseHash(connection);
    const huge = await dispatch(
      'packs:receive',
      { bytesBase64: crafted((scores) => scores.forEach((s) => (s.score = s.score === 1 ? 1 : 1000))) },
      lead,
    );
    expect(huge).toMatchObject({ ok: false, error: { message: expect.stringContaining('1000, outside') } });
    expect(databaseHash(connection)).toBe(before);
  });
});
