import { PROFILE_KEY } from '../handlers/actor';
import type { HandlerContext } from '../handlers/context';
import { Refusal } from '../handlers/refusal';
import { CliRefusal } from './refusal';

// Acting as someone on the command line: `--as NAME`, or else this computer's profile, and their
// passphrase from TRANCHE_PASSPHRASE or, on a terminal, asked for without echo. With neither the
// command is refused: a name alone proves nothing.

export const PASSPHRASE_ENV = 'TRANCHE_PASSPHRASE';
export const NEW_PASSPHRASE_ENV = 'TRANCHE_NEW_PASSPHRASE';

export interface Passphrases {
  /** The acting person's passphrase (asked once per run). */
  current: (who: string) => Promise<string>;
  /** A passphrase being chosen (someone's first, or one's new one); asked twice on a terminal. */
  fresh: (whose: string) => Promise<string>;
}

interface PromptIo {
  env: NodeJS.ProcessEnv;
  prompt?: (question: string) => Promise<string>;
}

export function passphrases(io: PromptIo): Passphrases {
  let current: string | undefined;
  return {
    async current(who) {
      if (current !== undefined) return current;
      const given = io.env[PASSPHRASE_ENV];
      if (given) return (current = given);
      if (!io.prompt)
        throw new CliRefusal(
          `Acting as ${who} needs their passphrase: set ${PASSPHRASE_ENV}, or run the command in a terminal`,
        );
      return (current = await io.prompt(`Passphrase for ${who}: `));
    },
    async fresh(whose) {
      const given = io.env[NEW_PASSPHRASE_ENV];
      if (given) return given;
      if (!io.prompt)
        throw new CliRefusal(`Give ${whose} in ${NEW_PASSPHRASE_ENV}, or run the command in a terminal`);
      const first = await io.prompt(`Choose ${whose}: `);
      const again = await io.prompt('Type it again: ');
      if (first !== again) throw new CliRefusal('The two passphrases are not the same; nothing was changed');
      return first;
    },
  };
}

/**
 * Unlocks the person the command acts as: the one named by --as, else this computer's profile
 * (unless that person has no passphrase yet, in which case nobody). Refusals exit 2.
 */
export async function unlockActor(
  ctx: HandlerContext,
  name: string | undefined,
  secrets: Passphrases,
  /** Called as the passphrase check starts (run.ts loads the command's code meanwhile). */
  checking: () => void = () => undefined,
) {
  let person;
  if (name !== undefined) {
    person = ctx.store.people.findByName(name);
    if (!person)
      throw new CliRefusal(
        `There is no person called "${name}": a lead officer adds them with people add --name NAME --role ROLE`,
      );
  } else {
    const id = Number(ctx.store.people.setting(PROFILE_KEY));
    person = Number.isInteger(id) && id > 0 ? ctx.store.people.get(id) : undefined;
    // A profile from before identities, never enrolled, acts as nobody rather than on trust.
    if (!person || !ctx.store.identities.get(person.id)) return;
  }
  const passphrase = await secrets.current(person.name);
  try {
    // Loaded only when someone is to be unlocked: a command acting as nobody never needs it.
    const { unlockPerson } = await import('../handlers/identity');
    checking();
    await unlockPerson(ctx, person, passphrase, { remember: false });
  } catch (error) {
    if (error instanceof Refusal) throw new CliRefusal(error.message);
    throw error;
  }
}
