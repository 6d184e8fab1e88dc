import * as z from 'zod';
import { OFFICE_KEY_FORMAT } from '../handlers/office-key';
import { normaliseFingerprint } from './fingerprint-text';
import { keyFingerprint, verifyBytes } from './keys';

// Checking the office's public key file (`people publish-key`) on its own, as anyone holding it can:
// that each key is the one its fingerprint names, and that each hand-over of the commissioner's role
// was signed by the commissioner before, back to the first. What the file cannot prove is that its
// first commissioner is the office's: that is what comparing with a fingerprint already trusted
// (`--key`, from an earlier publication or a letter) is for. Its history is the office's account
// of the record, not signed on its own, and is not checked here.

const APPROVAL_KIND = 'tranche-role-approval/2';

const keySchema = z.object({ fingerprint: z.string(), publicKey: z.string() });
const fileSchema = z.object({
  format: z.literal(OFFICE_KEY_FORMAT),
  office: z.string().nullable(),
  commissioner: z.object({ name: z.string(), keys: z.array(keySchema).min(1) }),
  approvals: z.array(
    z.object({
      name: z.string(),
      role: z.string(),
      approvedAt: z.string(),
      statement: z.string(),
      signature: z.string(),
      approvedBy: z.object({ name: z.string(), fingerprint: z.string(), publicKey: z.string().nullable() }),
    }),
  ),
});
type OfficeKey = z.infer<typeof fileSchema>;

const statementSchema = z.object({
  kind: z.literal(APPROVAL_KIND),
  person: z.object({ name: z.string(), fingerprint: z.string() }),
  role: z.string(),
  approvedAt: z.string(),
  approvedBy: z.object({ name: z.string(), fingerprint: z.string() }),
});

export interface OfficeKeyReport {
  ok: boolean;
  problems: string[];
  office: string | null;
  commissioner: string | null;
  /** The sitting commissioner's keys, as the file gives them. */
  fingerprints: string[];
  /** How many hand-overs the file carries, each signed by the commissioner before. */
  handOvers: number;
  /** The commissioner the chain of hand-overs starts from, and their key. */
  rootedIn: { name: string; fingerprint: string } | null;
  /** Every key on the chain, from the sitting commissioner's back to the first's. */
  chain: string[];
}

const sameKey = (a: string, b: string) =>
  normaliseFingerprint(a) !== '' && normaliseFingerprint(a) === normaliseFingerprint(b);

/** Checks the file's text; never throws. */
export function checkOfficeKeyFile(text: string): OfficeKeyReport {
  const report: OfficeKeyReport = {
    ok: false,
    problems: [],
    office: null,
    commissioner: null,
    fingerprints: [],
    handOvers: 0,
    rootedIn: null,
    chain: [],
  };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    report.problems.push('It is not an office key file: it is not JSON');
    return report;
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    report.problems.push(
      `It is not an office key file (${OFFICE_KEY_FORMAT}): ${issue.path.join('.') || 'the file'}: ${issue.message}`,
    );
    return report;
  }
  const file = parsed.data;
  report.office = file.office;
  report.commissioner = file.commissioner.name;
  report.fingerprints = file.commissioner.keys.map((k) => k.fingerprint);
  report.handOvers = file.approvals.length;
  checkKeys(file, report.problems);
  checkHandOvers(file, report);
  report.ok = report.problems.length === 0;
  return report;
}

function checkKeys(file: OfficeKey, problems: string[]) {
  for (const key of file.commissioner.keys)
    if (!sameKey(keyFingerprint(key.publicKey), key.fingerprint))
      problems.push(
        `${file.commissioner.name}'s key ${key.fingerprint} is not the key the file gives for it`,
      );
}

/** Each approval, newest first, signed by the key the next (older) one approved. */
function checkHandOvers(file: OfficeKey, report: OfficeKeyReport) {
  const problems = report.problems;
  // The key the next approval must have approved: first, one of the sitting commissioner's.
  let expected = { name: file.commissioner.name, keys: file.commissioner.keys.map((k) => k.fingerprint) };
  report.chain = [...expected.keys];
  for (const [i, approval] of file.approvals.entries()) {
    const where = `Hand-over ${i + 1} (${approval.name}, approved by ${approval.approvedBy.name})`;
    const statement = statementSchema.safeParse(safeJson(approval.statement));
    if (!statement.success) {
      problems.push(`${where}: its signed statement is not a role approval`);
      return;
    }
    const signed = statement.data;
    const by = approval.approvedBy;
    if (signed.role !== 'commissioner' || approval.role !== 'commissioner')
      problems.push(`${where}: it approves the role ${signed.role}, not commissioner`);
    if (signed.person.name !== approval.name || signed.approvedBy.name !== by.name)
      problems.push(`${where}: the names signed are ${signed.person.name} and ${signed.approvedBy.name}`);
    if (approval.name !== expected.name || !expected.keys.some((k) => sameKey(k, signed.person.fingerprint)))
      problems.push(`${where}: it does not approve ${expected.name}'s key`);
    if (!by.publicKey || !sameKey(keyFingerprint(by.publicKey), by.fingerprint))
      problems.push(`${where}: the approver's key is missing or is not the key ${by.fingerprint}`);
    else if (!sameKey(signed.approvedBy.fingerprint, by.fingerprint))
      problems.push(`${where}: it was signed as key ${signed.approvedBy.fingerprint}, not ${by.fingerprint}`);
    else if (!verifyBytes(by.publicKey, Buffer.from(approval.statement, 'utf8'), approval.signature))
      problems.push(
        `${where}: the signature does not match the statement: it was changed or not signed by ${by.name}`,
      );
    expected = { name: by.name, keys: [by.fingerprint] };
    report.chain.push(by.fingerprint);
  }
  report.rootedIn = { name: expected.name, fingerprint: expected.keys[0]! };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
