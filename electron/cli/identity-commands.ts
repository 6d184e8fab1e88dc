import { formatDate } from '../../shared/dates';
import { ROLE_LABELS, type Role } from '../../shared/roles';
import type { Command, CommandContext } from './commands';
import { textTable } from './output';
import { CliRefusal } from './refusal';

// People and their passphrases.

function required(ctx: CommandContext, name: string): string {
  const value = ctx.values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new CliRefusal(`--${name} is required`);
  return value;
}

const json = (ctx: CommandContext, value: unknown) => ctx.print(JSON.stringify(value, null, 2));

/** "; waiting for the commissioner's approval (people approve --name …)", or nothing. */
const pendingNote = (p: { name: string; pending: boolean; roleBefore: Role | null }) =>
  p.pending
    ? `; waiting for the commissioner's approval (people approve --name "${p.name}")` +
      (p.roleBefore ? `, acting as ${role(p.roleBefore)} meanwhile` : '')
    : '';
const role = (r: keyof typeof ROLE_LABELS) => ROLE_LABELS[r].toLowerCase();
/** The note as a sentence of its own, after a full stop. */
const sentence = (note: string) => note.charAt(0).toUpperCase() + note.slice(1);

async function personNamed(ctx: CommandContext, name: string) {
  const person = (await ctx.call('people:list', {})).find(
    (p) => p.name.toLowerCase() === name.trim().toLowerCase(),
  );
  if (!person) throw new CliRefusal(`There is no person called "${name}"`);
  return person;
}

export const identityCommands: Command[] = [
  {
    words: ['people', 'add'],
    usage: 'people add --name NAME --role ROLE [--json]',
    summary:
      'Add a person (lead officers). Prints their one-time enrolment code, once: give it to them in ' +
      'person, and they choose their own passphrase with it. A commissioner or lead officer waits for ' +
      "the commissioner's approval. The first person of a new database is a lead officer who sets " +
      'their own passphrase here (TRANCHE_NEW_PASSPHRASE or asked)',
    options: { name: { type: 'string' }, role: { type: 'string' } },
    async run(ctx) {
      const name = required(ctx, 'name');
      const roleName = required(ctx, 'role') as Role;
      // Who is acting is proved before anything else is asked for.
      const first = (await ctx.database()).store.people.count() === 0;
      const passphrase = first ? await ctx.secrets.fresh('your passphrase') : undefined;
      const person = await ctx.call('people:add', {
        name,
        role: roleName,
        ...(passphrase ? { passphrase } : {}),
      });
      if (ctx.json)
        return json(ctx, {
          name: person.name,
          role: person.role,
          pending: person.pending,
          enrolmentCode: person.enrolmentCode,
        });
      ctx.print(`Added ${person.name} (${role(person.role)})${pendingNote(person)}`);
      if (person.enrolmentCode)
        ctx.print(
          `Enrolment code for ${person.name}: ${person.enrolmentCode}\n` +
            'It is shown only now. Give it to them in person (not by email); they choose their passphrase with ' +
            `people enrol --name "${person.name}" --code CODE, or in the app on first use of their profile.`,
        );
      else ctx.print(`Key fingerprint ${person.fingerprint}`);
    },
  },
  {
    words: ['people', 'enrol'],
    usage: 'people enrol --name NAME --code CODE [--json]',
    summary:
      'Choose your own first passphrase with the enrolment code a lead officer gave you: from ' +
      'TRANCHE_NEW_PASSPHRASE, or asked twice on a terminal. A code works once',
    options: { name: { type: 'string' }, code: { type: 'string' } },
    acts: false,
    async run(ctx) {
      const person = await personNamed(ctx, required(ctx, 'name'));
      const code = typeof ctx.values.code === 'string' ? ctx.values.code : undefined;
      const passphrase = await ctx.secrets.fresh(`${person.name}'s passphrase`);
      const enrolled = await ctx.call('people:enrol', {
        personId: person.id,
        passphrase,
        ...(code !== undefined ? { enrolmentCode: code } : {}),
      });
      if (ctx.json) json(ctx, enrolled);
      else
        ctx.print(
          `${enrolled.name} chose their passphrase; their key fingerprint is ${enrolled.fingerprint}` +
            (enrolled.pending ? `. ${sentence(pendingNote(enrolled).slice(2))}` : ''),
        );
    },
  },
  {
    words: ['people', 'approve'],
    usage: 'people approve --name NAME [--json]',
    summary:
      'Approve, as the sitting commissioner, a commissioner or lead officer role granted to NAME, ' +
      'signed with your key, once they have chosen their passphrase. The approval names their key: before ' +
      'approving, compare its fingerprint (people list) with the one they see on their own profile. ' +
      'Approving a new commissioner hands the office over to them: you retire',
    options: { name: { type: 'string' } },
    async run(ctx) {
      const person = await personNamed(ctx, required(ctx, 'name'));
      const approved = await ctx.call('people:approve', { personId: person.id });
      if (ctx.json) return json(ctx, approved);
      ctx.print(
        `Approved ${approved.name} as ${role(approved.role)}, holding the key ${approved.fingerprint}`,
      );
      ctx.print(
        `Compare that fingerprint with the one ${approved.name} sees on their own profile or in people list; ` +
          `if they differ, someone else enrolled in their name: have ${approved.name} retired at once and added again`,
      );
      if (approved.role === 'commissioner')
        ctx.print(`${approved.name} is now the commissioner; you handed over and are retired`);
    },
  },
  {
    words: ['people', 'code'],
    usage: 'people code --name NAME [--json]',
    summary:
      'Give someone who has not chosen their passphrase a new one-time enrolment code (lead ' +
      'officers); any earlier code stops working',
    options: { name: { type: 'string' } },
    async run(ctx) {
      const person = await personNamed(ctx, required(ctx, 'name'));
      const issued = await ctx.call('people:newCode', { personId: person.id });
      if (ctx.json)
        return json(ctx, {
          name: issued.name,
          role: issued.role,
          pending: issued.pending,
          enrolmentCode: issued.enrolmentCode,
        });
      ctx.print(
        `New enrolment code for ${issued.name}: ${issued.enrolmentCode} (shown only now; give it in person)`,
      );
    },
  },
  {
    words: ['people', 'list'],
    usage: 'people list [--json]',
    summary: "List the office's people, their roles and their key fingerprints",
    options: {},
    async run(ctx) {
      const list = await ctx.call('people:list', {});
      if (ctx.json) return json(ctx, list);
      ctx.print(
        textTable(
          ['Name', 'Role', 'Key fingerprint', 'Status'],
          list.map((p) => [
            p.name,
            role(p.role),
            p.fingerprint ?? '(not enrolled yet)',
            p.retiredAt
              ? `retired ${formatDate(p.retiredAt)}`
              : p.pending
                ? `waiting for approval${p.roleBefore ? ` (acts as ${role(p.roleBefore)})` : ''}`
                : p.sittingCommissioner
                  ? 'active, the commissioner in office'
                  : 'active',
          ]),
        ),
      );
    },
  },
  {
    words: ['people', 'passphrase'],
    usage: 'people passphrase [--json]',
    summary:
      "Change your own passphrase (--as NAME or this computer's profile): the current one from " +
      'TRANCHE_PASSPHRASE, the new one from TRANCHE_NEW_PASSPHRASE, or both asked for',
    options: {},
    async run(ctx) {
      const me = await ctx.call('people:me', {});
      if (!me) throw new CliRefusal('Say whose passphrase to change: --as NAME');
      const currentPassphrase = await ctx.secrets.current(me.name);
      const newPassphrase = await ctx.secrets.fresh('your new passphrase');
      const person = await ctx.call('people:passphrase', { currentPassphrase, newPassphrase });
      if (ctx.json) json(ctx, person);
      else ctx.print(`Changed ${person.name}'s passphrase; the key fingerprint stays ${person.fingerprint}`);
    },
  },
  {
    words: ['people', 'role'],
    usage: 'people role --name NAME --to ROLE [--json]',
    summary: "Change a person's role (lead officers only; the last active lead officer keeps theirs)",
    options: { name: { type: 'string' }, to: { type: 'string' } },
    async run(ctx) {
      const person = await personNamed(ctx, required(ctx, 'name'));
      const changed = await ctx.call('people:setRole', {
        personId: person.id,
        role: required(ctx, 'to') as Role,
      });
      if (ctx.json) json(ctx, changed);
      else if (changed.pending)
        ctx.print(`${changed.name} is to be a ${role(changed.role)}${pendingNote(changed)}`);
      else ctx.print(`${changed.name} is now a ${role(changed.role)}`);
    },
  },
  {
    words: ['people', 'retire'],
    usage: 'people retire --name NAME [--json]',
    summary:
      'Retire a person (lead officers only): they can no longer act or be assigned, and stay in the ' +
      'record. The last active lead officer cannot be retired',
    options: { name: { type: 'string' } },
    async run(ctx) {
      const person = await personNamed(ctx, required(ctx, 'name'));
      const retired = await ctx.call('people:retire', { personId: person.id });
      if (ctx.json) json(ctx, retired);
      else
        ctx.print(
          `${retired.name} is retired from ${formatDate(retired.retiredAt ?? '')}: they can no longer act in ` +
            'Tranche; their past work stays in the record',
        );
    },
  },
];
