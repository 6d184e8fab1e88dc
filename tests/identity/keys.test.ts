import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonical-json';
import {
  createIdentity,
  keyFingerprint,
  resealIdentity,
  unlockIdentity,
  WrongPassphrase,
  type KdfParams,
} from '../../electron/identity/keys';
import { checkNoticeSignature, signNoticeContent } from '../../electron/identity/notice-seal';

// Cheap scrypt for the tests; the stored parameters travel with each sealed key.
const FAST: KdfParams = { algorithm: 'scrypt', N: 1 << 10, r: 8, p: 1 };

describe('identities', () => {
  it('unlocks with the right passphrase only', () => {
    const identity = createIdentity('correct horse battery', FAST);
    expect(unlockIdentity(identity, 'correct horse battery').asymmetricKeyType).toBe('ed25519');
    expect(() => unlockIdentity(identity, 'correct horse batterY')).toThrow(WrongPassphrase);
    expect(() => unlockIdentity(identity, '')).toThrow(WrongPassphrase);
  });

  it('keeps the private key sealed: nothing stored holds it in the clear', () => {
    const identity = createIdentity('correct horse battery', FAST);
    const key = unlockIdentity(identity, 'correct horse battery');
    const der = key.export({ format: 'der', type: 'pkcs8' });
    const seed = der.subarray(der.length - 32).toString('base64');
    const stored = JSON.stringify(identity);
    expect(stored).not.toContain(seed);
    expect(stored).not.toContain(der.toString('base64'));
    expect(stored).not.toContain(key.export({ format: 'jwk' }).d);
  });

  it('refuses a sealed key whose ciphertext, salt, nonce or public key was changed', () => {
    const identity = createIdentity('correct horse battery', FAST);
    const flip = (base64: string) => {
      const bytes = Buffer.from(base64, 'base64');
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString('base64');
    };
    for (const field of ['sealedPrivateKey', 'salt', 'nonce', 'publicKey'] as const) {
      const tampered = { ...identity, [field]: flip(identity[field]) };
      expect(() => unlockIdentity(tampered, 'correct horse battery'), field).toThrow(WrongPassphrase);
    }
    // A sealed key moved onto another person's public key does not open either.
    const other = createIdentity('correct horse battery', FAST);
    expect(() =>
      unlockIdentity({ ...identity, publicKey: other.publicKey }, 'correct horse battery'),
    ).toThrow(WrongPassphrase);
  });

  it('changes the passphrase, keeping the same key pair and fingerprint', async () => {
    const identity = createIdentity('first passphrase', FAST);
    const resealed = await resealIdentity(identity, 'first passphrase', 'second passphrase');
    expect(resealed.publicKey).toBe(identity.publicKey);
    expect(resealed.salt).not.toBe(identity.salt);
    expect(() => unlockIdentity(resealed, 'first passphrase')).toThrow(WrongPassphrase);
    expect(unlockIdentity(resealed, 'second passphrase')).toBeTruthy();
    await expect(resealIdentity(identity, 'wrong passphrase', 'x'.repeat(10))).rejects.toThrow(
      WrongPassphrase,
    );
  });

  it('prints a fingerprint as sixteen groups of four hex digits', () => {
    const { publicKey } = createIdentity('correct horse battery', FAST);
    expect(keyFingerprint(publicKey)).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
  });
});

describe('notice signatures', () => {
  const identity = createIdentity('commissioner passphrase', FAST);
  const key = unlockIdentity(identity, 'commissioner passphrase');
  const content = { number: '001/2026', decisions: [{ ref: 'B1', awardedPence: 9_000_000 }], draft: false };

  it('serialises canonically, whatever order the keys were built in', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }], e: undefined })).toBe(
      '{"a":[{"c":"x","d":null}],"b":1}',
    );
  });

  it('verifies what was signed, and nothing else', () => {
    const seal = signNoticeContent(content, key, identity.publicKey);
    expect(
      checkNoticeSignature({ draft: false, decisions: content.decisions, number: '001/2026' }, seal),
    ).toEqual([]);
    const changed = { ...content, decisions: [{ ref: 'B1', awardedPence: 9_000_001 }] };
    expect(checkNoticeSignature(changed, seal).join(' ')).toMatch(/changed/);
    const otherKey = createIdentity('someone else entirely', FAST);
    expect(checkNoticeSignature(content, { ...seal, publicKey: otherKey.publicKey }).length).toBeGreaterThan(
      0,
    );
  });
});
