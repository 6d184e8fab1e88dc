import type { z } from 'zod';
import type { Channel } from './channels';
import type { Result } from './result';
import { appContract } from './contracts/app';
import { fundsContract } from './contracts/funds';
import { roundsContract } from './contracts/rounds';
import { bidsContract } from './contracts/bids';
import { partnershipsContract } from './contracts/partnerships';
import { plansContract } from './contracts/plans';
import { searchContract } from './contracts/search';
import { peopleContract } from './contracts/people';
import { frameworksContract } from './contracts/frameworks';
import { assessmentContract } from './contracts/assessment';
import { queriesContract } from './contracts/queries';
import { allocationContract } from './contracts/allocation';
import { scenariosContract } from './contracts/scenarios';
import { shortlistContract } from './contracts/shortlist';
import { boardContract } from './contracts/board';
import { reportsContract } from './contracts/reports';
import { officeContract } from './contracts/office';
import { noticesContract } from './contracts/notices';
import { publishContract } from './contracts/publish';
import { feedbackContract } from './contracts/feedback';
import { lettersContract } from './contracts/letters';
import { demoContract } from './contracts/demo';
import { packsContract } from './contracts/packs';
import { auditContract } from './contracts/audit';
import { grantsContract } from './contracts/grants';
import { claimsContract } from './contracts/claims';
import { returnsContract } from './contracts/returns';
import type { Operation } from './contracts/kit';

// Every operation the renderer, the command line and the test bridge may ask of the main process.
// Channel names read `domain:verb`. Main parses each input with `input`; `output` describes what
// comes back. Nothing outside this map can be called. Its keys are exactly CHANNELS (channels.ts).
// Each domain's operations live in contracts/<domain>.ts, so that dispatch can load only the domain a
// call needs (contracts/load.ts); this file gathers them, for the types and for whoever needs them all.

export const contract = {
  ...appContract,
  ...fundsContract,
  ...roundsContract,
  ...bidsContract,
  ...partnershipsContract,
  ...plansContract,
  ...searchContract,
  ...peopleContract,
  ...frameworksContract,
  ...assessmentContract,
  ...queriesContract,
  ...allocationContract,
  ...scenariosContract,
  ...shortlistContract,
  ...boardContract,
  ...reportsContract,
  ...officeContract,
  ...noticesContract,
  ...publishContract,
  ...feedbackContract,
  ...lettersContract,
  ...demoContract,
  ...packsContract,
  ...auditContract,
  ...grantsContract,
  ...claimsContract,
  ...returnsContract,
} as const satisfies Record<Channel, Operation>;

export type Contract = typeof contract;
/** What a caller may send (defaults not yet applied). */
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (parsed, defaults applied). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

type DomainOf<C> = C extends `${infer D}:${string}` ? D : never;
type Domain = DomainOf<Channel>;

/** `window.api` and every other client: `api.rounds.create(input)` for channel `rounds:create`. */
export type Api = {
  [D in Domain]: {
    [C in Channel as C extends `${D}:${infer V}` ? V : never]: undefined extends Input<C>
      ? (input?: Input<C>) => Promise<Result<Output<C>>>
      : (input: Input<C>) => Promise<Result<Output<C>>>;
  };
};

export { CHANNELS, isChannel, buildApi, type Channel, type Transport } from './channels';
