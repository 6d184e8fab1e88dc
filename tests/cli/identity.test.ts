import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { formatDate, ukCalendarDate } from '../../shared/dates';
import { runCli } from '../../electron/cli/run';
import { TEST_KDF, TEST_PASSPHRASE, tempDbFile, tempDir } from '../support/temp-db';

// Identities on the command line: --as needs the person's passphrase, people are added only by a
// lead officer, and a signed notice's PDF verifies without any database.

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env,
    migrationsFolder: MIGRATIONS_FOLDER,
    version: '0.0.0-test',
    kdf: TEST_KDF,
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const as = (passphrase: string, fresh = TEST_PASSPHRASE) => ({
  TRANCHE_PASSPHRASE: passphrase,
  TRANCHE_NEW_PASSPHRASE: fresh,
});
const demo = as(TEST_PASSPHRASE);

describe('identities on the command line', () => {
  it('makes the first person a lead officer, and lets only a lead officer add people', async () => {
    const db = tempDbFile();
    const first = await cli(['--db', db, 'people', 'add', '--name', 'Pat', '--role', 'commissioner'], demo);
    expect(first).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('first person is a lead officer'),
    });
    expect(
      await cli(['--db', db, 'people', 'add', '--name', 'Lee', '--role', 'lead officer'], demo),
    ).toMatchObject({
      code: 0,
    });
    // Nobody named: refused. A policy officer: refused. The lead officer: done.
    expect(
      await cli(['--db', db, 'people', 'add', '--name', 'Amy', '--role', 'policy officer'], demo),
    ).toMatchObject({ code: 2, stderr: expect.stringContaining('does not know who you are') });
    const amy = await cli(
      ['--db', db, '--as', 'Lee', 'people', 'add', '--name', 'Amy', '--role', 'policy officer'],
      demo,
    );
    expect(amy).toMatchObject({ code: 0, stdout: expect.stringContaining('It is shown only now') });
    const code = /Enrolment code for Amy: ([A-Z2-9-]{14})/.exec(amy.stdout)![1]!;
    expect(await cli(['--db', db, 'people', 'enrol', '--name', 'Amy', '--code', code], demo)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Amy chose their passphrase'),
    });
    const byOfficer = await cli(
      ['--db', db, '--as', 'Amy', 'people', 'add', '--name', 'Sam', '--role', 'commissioner'],
      demo,
    );
    expect(byOfficer).toMatchObject({
      code: 2,
      stderr: 'tranche: Only a lead officer can add people; Amy is a policy officer',
    });
    const listed = JSON.parse((await cli(['--db', db, 'people', 'list', '--json'], demo)).stdout) as {
      name: string;
      fingerprint: string | null;
    }[];
    expect(listed.map((p) => p.name)).toEqual(['Amy', 'Lee']);
    expect(listed[0]!.fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    expect(JSON.stringify(listed)).not.toMatch(/sealed|salt|nonce/i);
  });

  it('refuses --as without the right passphrase (exit 2), and with none on a non-terminal', async () => {
    const db = tempDbFile();
    await cli(['--db', db, 'people', 'add', '--name', 'Lee', '--role', 'lead officer'], demo);
    const create = [
      '--db',
      db,
      '--as',
      'Lee',
      'rounds',
      'create',
      '--fund',
      'F',
      '--name',
      'R',
      '--budget',
      '£1k',
    ];
    expect(await cli(create, as('not the passphrase'))).toMatchObject({
      code: 2,
      stderr: "tranche: That is not Lee's passphrase",
    });
    expect(await cli(create, {})).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('needs their passphrase: set TRANCHE_PASSPHRASE'),
    });
    expect(JSON.parse((await cli(['--db', db, 'rounds', 'list', '--json'], demo)).stdout)).toEqual([]);
    expect(await cli(create, demo)).toMatchObject({ code: 0 });
    // A terminal is asked, without echo.
    const asked: string[] = [];
    const prompted = await runCli([...create.slice(0, 4), 'rounds', 'list', '--json'], {
      stdout: () => undefined,
      stderr: () => undefined,
      env: {},
      migrationsFolder: MIGRATIONS_FOLDER,
      version: '0',
      prompt: async (q) => (asked.push(q), TEST_PASSPHRASE),
    });
    expect(prompted).toBe(0);
    expect(asked).toEqual(['Passphrase for Lee: ']);
  });

  it('changes one’s own passphrase; the old one stops working and the key stays the same', async () => {
    const db = tempDbFile();
    await cli(['--db', db, 'people', 'add', '--name', 'Lee', '--role', 'lead officer'], demo);
    const before = (await cli(['--db', db, 'people', 'list', '--json'], demo)).stdout;
    expect(
      await cli(
        ['--db', db, '--as', 'Lee', 'people', 'passphrase'],
        as('wrong passphrase', 'another passphrase'),
      ),
    ).toMatchObject({ code: 2 });
    expect(
      await cli(['--db', db, '--as', 'Lee', 'people', 'passphrase'], as(TEST_PASSPHRASE, 'short')),
    ).toMatchObject({ code: 2, stderr: expect.stringContaining('at least 8 characters') });
    expect(
      await cli(
        ['--db', db, '--as', 'Lee', 'people', 'passphrase'],
        as(TEST_PASSPHRASE, 'another passphrase'),
      ),
    ).toMatchObject({ code: 0 });
    const list = ['--db', db, '--as', 'Lee', 'people', 'list', '--json'];
    expect(await cli(list, as(TEST_PASSPHRASE))).toMatchObject({ code: 2 });
    expect(await cli(list, as('another passphrase'))).toMatchObject({ code: 0, stdout: before });
  });

  it('loads the demonstration only into an empty database or its own', async () => {
    const live = tempDbFile();
    await cli(['--db', live, 'rounds', 'create', '--fund', 'F', '--name', 'Live', '--budget', '£1k'], demo);
    const refused = await cli(['--db', live, 'demo'], demo);
    expect(refused).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('the demonstration goes only into an empty database of its own'),
    });
    expect(JSON.parse((await cli(['--db', live, 'people', 'list', '--json'], demo)).stdout)).toEqual([]);
    const own = tempDbFile();
    expect((await cli(['--db', own, 'demo'], demo)).code).toBe(0);
    expect((await cli(['--db', own, 'demo'], demo)).code).toBe(0);
  });
});

/** The PDF with one object's compressed stream changed, its Length kept true. */
function changeStream(pdf: Buffer, find: string, replace: string): Buffer {
  const text = pdf.toString('latin1');
  for (const m of text.matchAll(/\/Length (\d+)([^]*?)stream\n/g)) {
    const start = m.index + m[0].length;
    const length = Number(m[1]);
    let plain: string;
    try {
      plain = inflateSync(pdf.subarray(start, start + length)).toString('latin1');
    } catch {
      continue;
    }
    if (!plain.includes(find)) continue;
    const packed = deflateSync(Buffer.from(plain.replace(find, replace), 'latin1'));
    const head = m[0].replace(`/Length ${length}`, `/Length ${packed.length}`);
    return Buffer.concat([
      Buffer.from(text.slice(0, m.index) + head, 'latin1'),
      packed,
      pdf.subarray(start + length),
    ]);
  }
  throw new Error(`No stream holds ${find}`);
}

describe('a signed notice anyone can check', () => {
  it(
    'signs with the commissioner’s key; verify FILE.pdf passes untouched and fails with one character ' +
      'changed',
    async () => {
      const db = tempDbFile();
      const dir = tempDir();
      const run = async (env: NodeJS.ProcessEnv, ...args: string[]) => {
        const result = await cli(['--db', db, ...args], env);
        if (result.code !== 0) throw new Error(`${args.join(' ')}: ${result.stderr}`);
        return result.stdout;
      };
      await run(demo, 'demo');
      const today = ukCalendarDate(new Date().toISOString());
      await run(
        demo,
        '--as',
        'Dan Hughes',
        'allocate',
        '--round',
        '1',
        '--bid',
        'B1',
        '--full',
        '--reason',
        'Chosen by the panel',
      );
      await run(demo, '--as', 'Dan Hughes', 'stage', '--round', '1', '--to', 'decision');
      // Not with a wrong passphrase, whoever the name.
      expect(
        await cli(['--db', db, '--as', 'Pat Morgan', 'sign', '--round', '1'], as('guessing at it')),
      ).toMatchObject({ code: 2 });
      const signed = JSON.parse(
        await run(
          demo,
          '--as',
          'Pat Morgan',
          'sign',
          '--round',
          '1',
          '--reason',
          'The board agreed',
          '--json',
        ),
      ) as { fingerprint: string };
      const pdfFile = path.join(dir, 'notice.pdf');
      await run(demo, 'notice', '--round', '1', '--format', 'pdf', '--out', pdfFile);
      const people = JSON.parse(await run(demo, 'people', 'list', '--json')) as {
        name: string;
        fingerprint: string;
      }[];
      const pat = people.find((p) => p.name === 'Pat Morgan')!;

      // No database: the file alone.
      const passed = await cli(['verify', pdfFile, '--json']);
      expect(passed.code).toBe(0);
      expect(JSON.parse(passed.stdout)).toMatchObject({
        ok: true,
        problems: [],
        signedBy: 'Pat Morgan',
        signedOn: today,
        fingerprint: pat.fingerprint,
        contentSha256: signed.fingerprint,
      });
      expect((await cli(['verify', pdfFile])).stdout).toContain(
        `signed by Pat Morgan on ${formatDate(today)}`,
      );

      // Exporting again gives the same file.
      const again = path.join(dir, 'again.pdf');
      await run(demo, 'notice', '--round', '1', '--format', 'pdf', '--out', again);
      expect(readFileSync(again).equals(readFileSync(pdfFile))).toBe(true);
      // The PDF writer loads while the passphrase is checked; a wrong one still refuses, writing nothing.
      const refused = path.join(dir, 'refused.pdf');
      expect(
        await cli(
          ['--db', db, '--as', 'Pat Morgan', 'notice', '--round', '1', '--format', 'pdf', '--out', refused],
          as('guessing at it'),
        ),
      ).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('passphrase') });
      expect(existsSync(refused)).toBe(false);

      // One character of the signed content: B1's award.
      const original = readFileSync(pdfFile);
      const content = path.join(dir, 'content.pdf');
      writeFileSync(content, changeStream(original, '"awardedPence": 10000000', '"awardedPence": 19000000'));
      const failed = await cli(['verify', content, '--json']);
      expect(failed.code).toBe(2);
      expect(JSON.parse(failed.stdout)).toMatchObject({ ok: false, signedBy: 'Pat Morgan' });

      // One byte anywhere in the file.
      const flipped = Buffer.from(original);
      const middle = Math.floor(flipped.length / 2);
      flipped[middle] = flipped[middle]! ^ 0x01;
      const byte = path.join(dir, 'byte.pdf');
      writeFileSync(byte, flipped);
      expect((await cli(['verify', byte, '--json'])).code).toBe(2);
      expect(await cli(['verify', path.join(dir, 'missing.pdf')])).toMatchObject({
        code: 2,
        stderr: expect.stringContaining('no such file'),
      });
    },
  );
});

describe('roles, retirement, progress and readiness on the command line', () => {
  it('changes a role and retires a person; the retired cannot act; the last lead officer stays', async () => {
    const db = tempDbFile();
    await cli(['--db', db, 'people', 'add', '--name', 'Lee', '--role', 'lead officer'], demo);
    await cli(
      ['--db', db, '--as', 'Lee', 'people', 'add', '--name', 'Amy', '--role', 'policy officer'],
      demo,
    );
    expect(
      await cli(['--db', db, '--as', 'Lee', 'people', 'role', '--name', 'Amy', '--to', 'board member'], demo),
    ).toMatchObject({ code: 0, stdout: 'Amy is now a board member' });
    expect(
      await cli(
        ['--db', db, '--as', 'Lee', 'people', 'role', '--name', 'Lee', '--to', 'policy officer'],
        demo,
      ),
    ).toMatchObject({ code: 2, stderr: expect.stringContaining('Lee is the last active lead officer') });
    expect(await cli(['--db', db, '--as', 'Lee', 'people', 'retire', '--name', 'Amy'], demo)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Amy is retired from'),
    });
    expect(await cli(['--db', db, '--as', 'Amy', 'people', 'list'], demo)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Amy retired on'),
    });
    const listed = await cli(['--db', db, 'people', 'list'], demo);
    expect(listed.stdout).toMatch(/Amy\s+board member\s+.*retired \d+ \w+ \d{4}/);
  });

  it('makes a commissioner or lead officer wait for the commissioner: people approve, and the hand-over', async () => {
    const db = tempDbFile();
    const run = (args: string[], env: NodeJS.ProcessEnv = demo) => cli(['--db', db, ...args], env);
    await run(['people', 'add', '--name', 'Lee', '--role', 'lead officer']);
    const enrol = async (name: string, role: string, passphrase: string) => {
      const added = await run(['--as', 'Lee', 'people', 'add', '--name', name, '--role', role, '--json']);
      expect(added.code, added.stderr).toBe(0);
      const value = JSON.parse(added.stdout) as { pending: boolean; enrolmentCode: string };
      const enrolled = await run(['people', 'enrol', '--name', name, '--code', value.enrolmentCode], {
        TRANCHE_NEW_PASSPHRASE: passphrase,
      });
      expect(enrolled.code, enrolled.stderr).toBe(0);
      // A person who waits is told so in a sentence of its own, beside the fingerprint to read out.
      if (value.pending)
        expect(enrolled.stdout).toMatch(
          new RegExp(
            `fingerprint is [0-9A-F ]+\\. Waiting for the commissioner's approval ` +
              `\\(people approve --name "${name}"\\)`,
          ),
        );
      return value.pending;
    };
    // The office's first commissioner needs nobody's approval; after that, every grant waits.
    expect(await enrol('Pat', 'commissioner', 'pat chooses her own words')).toBe(false);
    expect(await enrol('Lou', 'lead officer', 'lou chooses his own words')).toBe(true);
    const pat = { TRANCHE_PASSPHRASE: 'pat chooses her own words' };
    const lou = { TRANCHE_PASSPHRASE: 'lou chooses his own words' };
    expect((await run(['people', 'list'])).stdout).toMatch(/Lou\s+lead officer\s+.*waiting for approval/);
    expect(await run(['--as', 'Lou', 'rounds', 'list'], lou)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('waiting for the commissioner to approve them as lead officer'),
    });
    expect(await run(['--as', 'Lee', 'people', 'approve', '--name', 'Lou'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Only a commissioner can approve'),
    });
    const louKey = (
      JSON.parse((await run(['people', 'list', '--json'])).stdout) as { name: string; fingerprint: string }[]
    ).find((p) => p.name === 'Lou')!.fingerprint;
    const approvedLou = await run(['--as', 'Pat', 'people', 'approve', '--name', 'Lou'], pat);
    expect(approvedLou.code, approvedLou.stderr).toBe(0);
    expect(approvedLou.stdout.split('\n')).toEqual([
      `Approved Lou as lead officer, holding the key ${louKey}`,
      expect.stringMatching(
        /^Compare that fingerprint with the one Lou sees on their own profile or in people list/,
      ),
    ]);
    expect((await run(['--as', 'Lou', 'rounds', 'list'], lou)).code).toBe(0);
    // A new commissioner is a hand-over: approved by the outgoing one, who then retires.
    expect(await enrol('Sam', 'commissioner', 'sam chooses her own words')).toBe(true);
    expect(await run(['--as', 'Lee', 'people', 'retire', '--name', 'Pat'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Pat is the sitting commissioner'),
    });
    const handed = await run(['--as', 'Pat', 'people', 'approve', '--name', 'Sam', '--json'], pat);
    expect(JSON.parse(handed.stdout)).toMatchObject({
      name: 'Sam',
      role: 'commissioner',
      pending: false,
      fingerprint: expect.stringMatching(/^[0-9A-F]{4}( [0-9A-F]{4}){15}$/),
    });
    const listed = (await run(['people', 'list'])).stdout;
    expect(listed).toMatch(/Pat\s+commissioner\s+.*retired/);
    expect(listed).toMatch(/Sam\s+commissioner\s+.*active/);
  });

  it('refuses to approve a commissioner or lead officer who has not chosen their passphrase yet', async () => {
    const db = tempDbFile();
    const run = (args: string[], env: NodeJS.ProcessEnv = demo) => cli(['--db', db, ...args], env);
    await run(['demo']);
    expect(
      (await run(['--as', 'Dan Hughes', 'people', 'add', '--name', 'Kim', '--role', 'lead officer'])).code,
    ).toBe(0);
    const before = (await run(['people', 'list', '--json'])).stdout;
    const refused = await run(['--as', 'Pat Morgan', 'people', 'approve', '--name', 'Kim']);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /Kim has not enrolled yet: they must choose their passphrase first.*nothing was changed/,
      ),
    ]);
    expect((await run(['people', 'list', '--json'])).stdout).toBe(before);
  });

  it('shows where a round stands and what stands before signing, and signs with --reason', async () => {
    const db = tempDbFile();
    await cli(['--db', db, 'demo'], demo);
    const progress = JSON.parse(
      (await cli(['--db', db, '--as', 'Dan Hughes', 'progress', '--round', '1', '--json'], demo)).stdout,
    ) as { tasks: { key: string; status: string; count: string }[] };
    expect(progress.tasks.find((t) => t.key === 'scoring')).toMatchObject({
      status: 'done',
      count: '38 of 38 scoring sheets submitted',
    });
    await cli(['--db', db, '--as', 'Dan Hughes', 'allocate', '--round', '1', '--bid', 'B2', '--full'], demo);
    await cli(['--db', db, '--as', 'Dan Hughes', 'stage', '--round', '1', '--to', 'decision'], demo);
    const readiness = await cli(['--db', db, '--as', 'Pat Morgan', 'readiness', '--round', '1'], demo);
    expect(readiness.stdout).toContain('Needs a reason: No board views are recorded');
    const sign = ['--db', db, '--as', 'Pat Morgan', 'sign', '--round', '1'];
    expect(await cli(sign, demo)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Give the reason the decision can be signed as it stands'),
    });
    expect(await cli([...sign, '--reason', 'The board met in private'], demo)).toMatchObject({ code: 0 });
  });
});
