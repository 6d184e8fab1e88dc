import * as z from 'zod';
import { historyEntrySchema } from '../audit';
import {
  enrolSchema,
  enrolmentCodeNewSchema,
  passphraseChangeSchema,
  personAddedSchema,
  personApproveSchema,
  personCreateSchema,
  personListItemSchema,
  personRetireSchema,
  personRoleSchema,
  personSchema,
  profileSetSchema,
  sessionSchema,
} from '../people';
import { none, type DomainContract } from './kit';

// The `people:` channels of the contract (shared/contract.ts gathers every domain).
export const peopleContract = {
  'people:list': { input: none, output: z.array(personListItemSchema) },
  'people:add': { input: personCreateSchema, output: personAddedSchema },
  'people:me': { input: none, output: personSchema.nullable() },
  'people:setProfile': { input: profileSetSchema, output: personSchema },
  'people:session': { input: none, output: sessionSchema },
  'people:lock': { input: none, output: sessionSchema },
  'people:passphrase': { input: passphraseChangeSchema, output: personListItemSchema },
  'people:enrol': { input: enrolSchema, output: personListItemSchema },
  'people:setRole': { input: personRoleSchema, output: personListItemSchema },
  'people:retire': { input: personRetireSchema, output: personListItemSchema },
  'people:approve': { input: personApproveSchema, output: personListItemSchema },
  'people:newCode': { input: enrolmentCodeNewSchema, output: personAddedSchema },
  'people:history': { input: none, output: z.array(historyEntrySchema) },
} as const satisfies DomainContract<'people'>;
