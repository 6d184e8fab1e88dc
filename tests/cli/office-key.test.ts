import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/handlers/dispatch';
import { keyFingerprint, verifyBytes } from '../../electron/identity/keys';
import { must, signedRound, tamper } from '../audit/signed-round';
import { cli } from '../support/pack-cli';
import { TEST_KDF, tempDir } from '../support/temp-db';

// people publish-key: the file an office puts on its website, and the check the public makes with it.

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
      commissioner: { name: string };
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
  });
});
