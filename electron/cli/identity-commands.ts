import { formatDate } from '../../shared/dates';
import { ROLE_LABELS, type Role } from '../../shared/people';
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
const role = (r: keyof typeof ROLE_LABELS) => ROLE_LABELS[r].toLowerCase();

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
      'Add a person (lead officers only; the first person of a new database is a lead officer). ' +
      'Their first passphrase comes from TRANCHE_NEW_PASSPHRASE or is asked for',
    options: { name: { type: 'string' }, role: { type: 'string' } },
    async run(ctx) {
      const name = required(ctx, 'name');
      const roleName = required(ctx, 'role');
      // Who is acting is proved before the new passphrase is asked for.
      await ctx.database();
      const passphrase = await ctx.secrets.fresh(`${name}'s first passphrase`);
      const person = await ctx.call('people:add', { name, role: roleName as 'lead_officer', passphrase });
      if (ctx.json) json(ctx, person);
      else ctx.print(`Added ${person.name} (${role(person.role)}), key fingerprint ${person.fingerprint}`);
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
            p.fingerprint ?? '(no passphrase yet)',
            p.retiredAt ? `retired ${formatDate(p.retiredAt)}` : 'active',
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
    words: ['people', 'enrol'],
    usage: 'people enrol --name NAME [--json]',
    summary:
      'Set the first passphrase of someone added before passphrases existed (lead officers; in a ' +
      'database where nobody has one yet, a lead officer may enrol themselves). From TRANCHE_NEW_PASSPHRASE or asked',
    options: { name: { type: 'string' } },
    async run(ctx) {
      const person = await personNamed(ctx, required(ctx, 'name'));
      const passphrase = await ctx.secrets.fresh(`${person.name}'s first passphrase`);
      const enrolled = await ctx.call('people:enrol', { personId: person.id, passphrase });
      if (ctx.json) json(ctx, enrolled);
      else
        ctx.print(
          `${enrolled.name} can now act with their passphrase; key fingerprint ${enrolled.fingerprint}`,
        );
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
