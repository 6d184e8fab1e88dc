import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/handlers/dispatch';
import { generateKeyPairSync } from 'node:crypto';
import { keyFingerprint, signBytes, verifyBytes } from '../../electron/identity/keys';
import { canonicalJson } from '../../shared/canonical-json';
import { must, signedRound, tamper } from '../audit/signed-round';
import { cli } from '../support/pack-cli';
import { TEST_KDF, tempDir } from '../support/temp-db';

// people publish-key: the file an office puts on its website, and the check the public makes with it.

/** A key nobody in the office holds: an insider's own. */
function strangerKey() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64');
  return { publicKey: raw, privateKey, fingerprint: keyFingerprint(raw) };
}

describe('people publish-key', () => {
  it("writes the commissioner's key and its history, which checks the office's notices", async () => {
    const { connection, file, lead } = await signedRound();
    const dir = tempDir();
    const pdf = path.join(dir, 'notice.pdf');
    const exported = must(await dispatch('notices:export', { roundId: 1, format: 'pdf' }, lead));
    writeFileSync(pdf, Buffer.from(exported.dataBase64, 'base64'));
    const office = connection.sqlite.prepare('SELECT id FROM office_identity').pluck().get();
    connection.close();

    const out = path.join(dir, 'office-key.json');
    const published = await cli(['--db', file, 'people', 'publish-key', '--out', out, '--json']);
    expect(published.code, published.stderr).toBe(0);
    const keyFile = JSON.parse(readFileSync(out, 'utf8')) as {
      format: string;
      office: string;
      commissioner: { name: string; keys: { fingerprint: string; publicKey: string }[] };
      history: { what: string }[];
    };
    expect(keyFile).toMatchObject({
      format: 'tranche-office-key/1',
      office,
      commissioner: { name: 'Pat Morgan' },
    });
    expect(keyFile.history[0]?.what).toMatch(/^Pat Morgan given the role commissioner/);
    expect(JSON.stringify(keyFile)).not.toMatch(/sealed|salt|nonce/i);

    const fingerprint = keyFile.commissioner.keys[0]!.fingerprint;
    expect(JSON.parse(published.stdout)).toMatchObject({ file: out, fingerprints: [fingerprint] });
    const checked = await cli(['verify', pdf, '--key', fingerprint, '--json']);
    expect(checked.code).toBe(0);
    expect(JSON.parse(checked.stdout)).toMatchObject({ keyTrusted: true });

    // The key file checks on its own: Pat is the first commissioner, so the chain is her key alone.
    const own = await cli(['verify', out]);
    expect(own, own.stderr).toMatchObject({ code: 0 });
    expect(own.stdout).toContain(
      `Sound: Pat Morgan's key ${fingerprint}; Pat Morgan is the office's first commissioner.`,
    );
    expect(own.stdout).toContain('before relying on it');
    // A key file whose commissioner's key is not the one its fingerprint names does not verify.
    const swapped = path.join(dir, 'swapped.json');
    const stranger = strangerKey();
    keyFile.commissioner.keys[0]!.publicKey = stranger.publicKey;
    writeFileSync(swapped, JSON.stringify(keyFile));
    expect(await cli(['verify', swapped])).toMatchObject({
      code: 2,
      stderr:
        `tranche: ${swapped} does not verify: ` +
        `Pat Morgan's key ${fingerprint} is not the key the file gives for it`,
    });
  });

  it('publishes nothing from a record that does not verify, or without a commissioner', async () => {
    const { connection, file } = await signedRound();
    connection.close();
    const out = path.join(tempDir(), 'office-key.json');
    tamper(file, "UPDATE people SET role = 'commissioner' WHERE name = 'Dan Hughes'");
    const refused = await cli(['--db', file, 'people', 'publish-key', '--out', out]);
    expect(refused).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^tranche: The record does not verify/),
    });
    const empty = await cli(['--db', path.join(tempDir(), 'new.db'), 'people', 'publish-key', '--out', out]);
    expect(empty).toMatchObject({ code: 2, stderr: expect.stringContaining('has no commissioner yet') });
  });

  it('carries the signed approval of each hand-over back to the first commissioner, for anyone to check', async () => {
    const { ctx, connection, file, lead, as } = await signedRound();
    const pat = ctx.store.identities.get(ctx.store.people.findByName('Pat Morgan')!.id)!;
    const sam = must(await dispatch('people:add', { name: 'Sam Signer', role: 'commissioner' }, lead));
    const nobody = createContext(ctx.store, ctx.appVersion, ctx.now, { kdf: TEST_KDF });
    const samWords = 'sam chose these words alone';
    must(
      await dispatch(
        'people:enrol',
        { personId: sam.id, enrolmentCode: sam.enrolmentCode!, passphrase: samWords },
        nobody,
      ),
    );
    must(await dispatch('people:approve', { personId: sam.id }, as('Pat Morgan')));
    connection.close();

    const out = path.join(tempDir(), 'office-key.json');
    const published = await cli(['--db', file, 'people', 'publish-key', '--out', out]);
    expect(published.code, published.stderr).toBe(0);
    const keyFile = JSON.parse(readFileSync(out, 'utf8')) as {
      commissioner: { name: string; keys: { fingerprint: string; publicKey: string }[] };
      history: { what: string }[];
      approvals: {
        name: string;
        statement: string;
        signature: string;
        approvedBy: { name: string; fingerprint: string; publicKey: string };
      }[];
    };
    expect(keyFile.commissioner.name).toBe('Sam Signer');
    // One hand-over: Pat, the first commissioner, approved Sam; Pat needed no approval.
    expect(keyFile.approvals).toHaveLength(1);
    const [handOver] = keyFile.approvals;
    expect(handOver).toMatchObject({ name: 'Sam Signer', approvedBy: { name: 'Pat Morgan' } });
    expect(handOver!.approvedBy.publicKey).toBe(pat.publicKey);
    expect(keyFingerprint(handOver!.approvedBy.publicKey)).toBe(pat.fingerprint);
    expect(verifyBytes(pat.publicKey, Buffer.from(handOver!.statement), handOver!.signature)).toBe(true);
    expect(JSON.parse(handOver!.statement)).toMatchObject({
      person: { name: 'Sam Signer' },
      role: 'commissioner',
    });
    expect(keyFile.history.map((h) => h.what)).toContainEqual(
      `approved as commissioner by the commissioner, signed with key ${pat.fingerprint}`,
    );

    // Anyone checks the file on its own: Sam's key, approved with the key of Pat, the first commissioner.
    const checked = await cli(['verify', out, '--key', pat.fingerprint.toLowerCase(), '--json']);
    expect(checked.code, checked.stderr).toBe(0);
    expect(JSON.parse(checked.stdout)).toMatchObject({
      ok: true,
      problems: [],
      commissioner: 'Sam Signer',
      handOvers: 1,
      rootedIn: { name: 'Pat Morgan', fingerprint: pat.fingerprint },
      keyTrusted: true,
    });
    expect((await cli(['verify', out])).stdout).toContain(
      `1 hand-over, each signed by the commissioner before, back to Pat Morgan, key ${pat.fingerprint}`,
    );
    const stranger = strangerKey();
    expect(await cli(['verify', out, '--key', stranger.fingerprint])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(`does not lead back to key ${stranger.fingerprint}:`),
    });

    const forged = (change: (file: typeof keyFile) => void) => {
      const copy = JSON.parse(JSON.stringify(keyFile)) as typeof keyFile;
      change(copy);
      const file = path.join(tempDir(), 'forged.json');
      writeFileSync(file, JSON.stringify(copy));
      return cli(['verify', file, '--key', pat.fingerprint]);
    };
    // The approval's statement changed after Pat signed it.
    const renamed = await forged((f) => {
      f.approvals[0]!.statement = f.approvals[0]!.statement.replace('Sam Signer', 'Eve Other');
      f.approvals[0]!.name = 'Eve Other';
      f.commissioner.name = 'Eve Other';
    });
    expect(renamed).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('the signature does not match'),
    });
    // An insider's own key put in as the commissioner's: Pat's approval names Sam's key, not theirs.
    const insider = await forged((f) => {
      f.commissioner.keys = [{ fingerprint: stranger.fingerprint, publicKey: stranger.publicKey }];
    });
    expect(insider).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("it does not approve Sam Signer's key"),
    });
    // A hand-over signed by the insider's key in Pat's name: sound on its own, but not back to Pat's key.
    const selfApproved = await forged((f) => {
      const approval = f.approvals[0]!;
      const statement = JSON.parse(approval.statement) as { approvedBy: { fingerprint: string } };
      statement.approvedBy.fingerprint = stranger.fingerprint;
      approval.statement = canonicalJson(statement);
      approval.signature = signBytes(stranger.privateKey, Buffer.from(approval.statement));
      approval.approvedBy = {
        name: 'Pat Morgan',
        fingerprint: stranger.fingerprint,
        publicKey: stranger.publicKey,
      };
    });
    expect(selfApproved).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('does not lead back to key'),
    });
    expect(await forged((f) => (f.approvals = []))).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('does not lead back to key'),
    });
    const notJson = path.join(tempDir(), 'office-key.json');
    writeFileSync(notJson, '<html>Not found</html>');
    expect(await cli(['verify', notJson])).toMatchObject({
      code: 2,
      stderr: `tranche: ${notJson} does not verify: It is not an office key file: it is not JSON`,
    });
    // JSON of another kind names the field that is wrong.
    writeFileSync(notJson, JSON.stringify({ ...keyFile, format: 'something-else/1' }));
    expect(await cli(['verify', notJson])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('It is not an office key file (tranche-office-key/1): format:'),
    });
    // A file far larger than any key file is refused by its size, unread.
    const huge = path.join(tempDir(), 'huge.json');
    writeFileSync(huge, Buffer.alloc(6 * 1024 * 1024, 0x20));
    expect(await cli(['verify', huge])).toMatchObject({
      code: 2,
      stderr: `tranche: ${huge} is 6 MB: an office key file is a few KB`,
    });
  });
});
