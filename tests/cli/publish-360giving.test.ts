import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/pack-cli';
import { TEST_PASSPHRASE, tempDbFile, tempDir } from '../support/temp-db';

// publish 360giving: a round's signed awards as the 360Giving Data Standard's JSON, checked against
// the standard's schema (tests/fixtures/360-giving-schema.json) with Ajv.

const schema = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/360-giving-schema.json'), 'utf8'),
) as object;
const env = { TRANCHE_PASSPHRASE: TEST_PASSPHRASE };

interface Grant {
  id: string;
  title: string;
  description: string;
  amountAwarded: number;
  awardDate: string;
  recipientOrganization: { id: string; name: string }[];
  fundingOrganization: { id: string; name: string }[];
}

async function must(args: string[]) {
  const run = await cli(args, env);
  if (run.code !== 0) throw new Error(`${args.join(' ')}: ${run.stderr}`);
  return run;
}

describe('publish 360giving', () => {
  it("writes the signed round's awards as 360Giving JSON that the standard's schema accepts", async () => {
    const db = tempDbFile();
    const out = join(tempDir(), 'round.json');
    await must(['--db', db, 'demo']);
    const lead = ['--db', db, '--as', 'Dan Hughes'];
    const notYet = await cli(
      [...lead, 'publish', '360giving', '--round', '1', '--org-id', 'GB-CHC-1234567', '--out', out],
      env,
    );
    expect(notYet.code).toBe(2);
    expect(notYet.stderr).toContain('no signed decision');

    await must([
      ...lead,
      'allocate',
      '--round',
      '1',
      '--bid',
      'B2',
      '--reduced',
      '--crime-reduction',
      'Fewer repeat victims',
    ]);
    await must([
      ...lead,
      'allocate',
      '--round',
      '1',
      '--bid',
      'B1',
      '--reduced',
      '--reason',
      'The board put it first',
    ]);
    await must([...lead, 'stage', '--round', '1', '--to', 'decision']);
    await must(['--db', db, '--as', 'Pat Morgan', 'sign', '--round', '1', '--reason', 'The board agreed']);

    const bad = await cli(
      [...lead, 'publish', '360giving', '--round', '1', '--org-id', 'West Mids', '--out', out],
      env,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('org-id must be an org-id.guide identifier');

    await must([...lead, 'publish', '360giving', '--round', '1', '--org-id', 'GB-CHC-1234567', '--out', out]);
    const data = JSON.parse(readFileSync(out, 'utf8')) as { grants: Grant[] };
    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);

    expect(data.grants).toHaveLength(2);
    const b2 = data.grants.find((g) => g.id.endsWith('-B2'));
    expect(b2?.id).toMatch(/^360G-GB-CHC-1234567-\d+-\d{4}-B2$/);
    expect(b2?.amountAwarded).toBe(75000);
    expect(b2?.recipientOrganization).toEqual([
      {
        id: '360G-GB-CHC-1234567-Birmingham-Community-Safety-Partnership',
        name: 'Birmingham Community Safety Partnership',
      },
    ]);
    expect(b2?.fundingOrganization[0]?.id).toBe('GB-CHC-1234567');
    expect(b2?.fundingOrganization[0]?.name).toMatch(/Commissioner/);
    expect(b2?.description).toContain('Fewer repeat victims');
    expect(b2?.awardDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Set(data.grants.map((g) => g.id)).size).toBe(2);

    // The schema check is one that can fail: a grant without its recipient is refused.
    const broken = { grants: [{ ...b2, recipientOrganization: undefined }] };
    expect(validate(JSON.parse(JSON.stringify(broken)))).toBe(false);
  });

  it("keeps the office's org-id, so publish 360giving need not be given it, and --org-id still overrides", async () => {
    const db = tempDbFile();
    const out = join(tempDir(), 'round.json');
    await must(['--db', db, 'demo']);
    const lead = ['--db', db, '--as', 'Dan Hughes'];
    await must([
      ...lead,
      'allocate',
      '--round',
      '1',
      '--bid',
      'B2',
      '--reduced',
      '--crime-reduction',
      'Fewer victims',
    ]);
    await must([
      ...lead,
      'allocate',
      '--round',
      '1',
      '--bid',
      'B1',
      '--reduced',
      '--reason',
      'The board chose it',
    ]);
    await must([...lead, 'stage', '--round', '1', '--to', 'decision']);
    await must(['--db', db, '--as', 'Pat Morgan', 'sign', '--round', '1', '--reason', 'The board agreed']);
    const publish = (...extra: string[]) =>
      cli([...lead, 'publish', '360giving', '--round', '1', ...extra, '--out', out], env);
    const fundedBy = () =>
      (JSON.parse(readFileSync(out, 'utf8')) as { grants: Grant[] }).grants.map(
        (g) => g.fundingOrganization[0]?.id,
      );

    const none = await publish();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('No org-id');
    expect(none.stderr.trim().split('\n')).toHaveLength(1);

    const bad = await cli([...lead, 'office', 'set', '--org-id', 'West Mids'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('org-id must be an org-id.guide identifier');
    const notLead = await cli(
      ['--db', db, '--as', 'Pat Morgan', 'office', 'set', '--org-id', 'GB-CHC-1'],
      env,
    );
    expect(notLead.code).toBe(2);

    const kept = await must([...lead, 'office', 'set', '--org-id', 'GB-CHC-1234567', '--json']);
    expect(JSON.parse(kept.stdout)).toMatchObject({ orgId: 'GB-CHC-1234567' });
    expect((await publish()).code).toBe(0);
    expect(new Set(fundedBy())).toEqual(new Set(['GB-CHC-1234567']));

    expect((await publish('--org-id', 'GB-COH-07654321')).code).toBe(0);
    expect(new Set(fundedBy())).toEqual(new Set(['GB-COH-07654321']));

    await must([...lead, 'office', 'set', '--org-id', '']);
    expect((await publish()).code).toBe(2);
  });
});
