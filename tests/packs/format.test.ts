import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  enrolmentSecrets,
  newEnrolmentCode,
  normaliseEnrolmentCode,
  returnProof,
  returnProofMatches,
  senderProof,
  senderProofMatches,
} from '../../electron/packs/enrolment';
import { MAX_PACK_BYTES, PackRefused, readPack, writePack } from '../../electron/packs/format';
import { keyFingerprint, rawPublicKey, signBytes } from '../../electron/identity/keys';
import { canonicalJson } from '../../shared/canonical-json';
import type { PackBody } from '../../shared/packs';

// The .tranche file on its own: what is signed is what is read, and anything else is refused with
// the reason, before any database is touched.

function signer() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = rawPublicKey(publicKey).toString('base64');
  return { privateKey, publicKey: raw, fingerprint: keyFingerprint(raw) };
}

function body(from = signer(), payload: unknown = { bids: [{ ref: 'S1', title: 'Serious violence' }] }) {
  const value: PackBody = {
    header: {
      packId: randomUUID(),
      kind: 'assessor',
      createdAt: '2026-11-30T10:00:00.000Z',
      round: { uid: randomUUID(), name: '2013-14 tranche 2', financialYear: '2013-14' },
      from: {
        name: 'Dan Hughes',
        role: 'lead_officer',
        publicKey: from.publicKey,
        fingerprint: from.fingerprint,
      },
      to: { name: 'Eve Ward', role: 'policy_officer' },
      sequence: 1,
    },
    payload,
  };
  return { body: value, key: from };
}

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof PackRefused) return error.message;
    throw error;
  }
  throw new Error('not refused');
};

describe('pack files', () => {
  it('reads back exactly what was signed', () => {
    const { body: made, key } = body();
    const file = writePack(made, key.privateKey);
    const read = readPack(file);
    expect(read.body).toEqual(made);
    expect(read.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a pack with one byte of its content changed, naming the signature', () => {
    const { body: made, key } = body();
    const json = gunzipSync(writePack(made, key.privateKey)).toString('utf8');
    const at = json.indexOf('Serious');
    const changed = `${json.slice(0, at)}s${json.slice(at + 1)}`;
    expect(refusal(() => readPack(gzipSync(Buffer.from(changed))))).toBe(
      "The pack's signature does not match its content: it was changed after signing",
    );
  });

  it('refuses a file with one byte changed anywhere, whatever the byte', () => {
    const { body: made, key } = body();
    const file = writePack(made, key.privateKey);
    for (const at of [3, Math.floor(file.length / 2), file.length - 5]) {
      const changed = Buffer.from(file);
      changed[at] = changed[at]! ^ 0x20;
      expect(() => readPack(changed)).toThrow(PackRefused);
    }
  });

  it('refuses a pack re-signed by another key than the one its header names', () => {
    const { body: made } = body();
    const other = signer();
    // Signed by `other`, while the header still names the first key: refused.
    const forged = writePackUnchecked(made, other.privateKey);
    expect(refusal(() => readPack(forged))).toBe(
      "The pack's signature does not match its content: it was changed after signing",
    );
  });

  it('refuses a pack whose header fingerprint does not match its key', () => {
    const key = signer();
    const { body: made } = body(key);
    made.header.from.fingerprint = signer().fingerprint;
    expect(refusal(() => readPack(writePackUnchecked(made, key.privateKey)))).toMatch(
      /fingerprint does not match its key/,
    );
  });

  it('refuses a gzip bomb before it fills memory', () => {
    // 200 MB of spaces compresses to about 200 KB.
    const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024, 0x20), { level: 9 });
    expect(bomb.length).toBeLessThan(MAX_PACK_BYTES);
    expect(refusal(() => readPack(bomb))).toBe(
      'The pack unpacks to more than 100 MB, more than Tranche reads: it was refused',
    );
  });

  it('refuses a file over 20 MB, anything not a pack, and a newer format, each by name', () => {
    expect(refusal(() => readPack(Buffer.alloc(MAX_PACK_BYTES + 1)))).toMatch(/more than the 20 MB/);
    expect(refusal(() => readPack(Buffer.from('hello')))).toMatch(/^This is not a Tranche pack/);
    expect(refusal(() => readPack(gzipSync(Buffer.from('{"format":"zip"}'))))).toBe(
      'This is not a Tranche pack',
    );
    expect(refusal(() => readPack(gzipSync(Buffer.from('not json'))))).toMatch(/not readable/);
    const newer = gzipSync(Buffer.from(JSON.stringify({ format: 'tranche-pack', version: 2 })));
    expect(refusal(() => readPack(newer))).toBe(
      'The pack was made by a newer version of Tranche (pack format 2): update Tranche to open it',
    );
  });

  it('never carries private material: a payload naming a secret is not written', () => {
    const { body: made, key } = body();
    const text = gunzipSync(writePack(made, key.privateKey)).toString('utf8');
    expect(text).not.toMatch(/sealedPrivateKey|"salt"|"nonce"|passphrase|"kdf"/i);
    const der = key.privateKey.export({ format: 'der', type: 'pkcs8' });
    expect(text).not.toContain(der.subarray(der.length - 32).toString('base64'));
    for (const secret of ['sealedPrivateKey', 'salt', 'nonce', 'passphrase', 'newPassphrase']) {
      const { body: leaky } = body(key, { person: { name: 'Eve', [secret]: 'x' } });
      expect(() => writePack(leaky, key.privateKey)).toThrow(/cannot carry/);
    }
  });
});

describe('enrolment codes', () => {
  it('are twelve unambiguous characters, read back however they are typed', () => {
    const code = newEnrolmentCode();
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(normaliseEnrolmentCode(` ${code.toLowerCase().replaceAll('-', ' ')} `)).toBe(
      code.replaceAll('-', ''),
    );
    expect(normaliseEnrolmentCode('ABCD-EFGH-JKL0')).toBeNull();
    expect(normaliseEnrolmentCode('ABCD-EFGH')).toBeNull();
  });

  it('prove a key only with the right code, and only for that key', () => {
    const code = newEnrolmentCode();
    const key = signer().publicKey;
    const { returnKey, verifier, senderKey } = enrolmentSecrets(code, 'enrolment-1');
    const proof = returnProof(returnKey, key);
    expect(returnProofMatches(enrolmentSecrets(code.toLowerCase(), 'enrolment-1').verifier, key, proof)).toBe(
      true,
    );
    expect(returnProofMatches(enrolmentSecrets(newEnrolmentCode(), 'enrolment-1').verifier, key, proof)).toBe(
      false,
    );
    expect(returnProofMatches(verifier, signer().publicKey, proof)).toBe(false);
    const sent = senderProof(senderKey, key);
    expect(senderProofMatches(enrolmentSecrets(code, 'enrolment-1').senderKey, key, sent)).toBe(true);
    // What the office keeps (the verifier) is not the key of either proof.
    expect(senderProofMatches(Buffer.from(verifier, 'base64'), key, sent)).toBe(false);
  });
});

/** A pack signed without writePack's own check that the key matches the header (a forger's). */
function writePackUnchecked(made: PackBody, privateKey: KeyObject): Buffer {
  const signature = signBytes(privateKey, Buffer.from(canonicalJson(made), 'utf8'));
  return gzipSync(Buffer.from(canonicalJson({ format: 'tranche-pack', version: 1, body: made, signature })));
}
