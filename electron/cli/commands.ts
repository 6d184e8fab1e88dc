import { allocationCommands } from './allocation-commands';
import { assessmentCommands } from './assessment-commands';
import { bidCommands } from './bid-commands';
import type { Command } from './command-kit';
import { identityCommands } from './identity-commands';
import { feedbackCommands } from './feedback-commands';
import { noticeCommands } from './notice-commands';
import { officeCommands } from './office-commands';
import { roundCommands } from './round-commands';

// The everyday commands, one file per domain (`<domain>-commands.ts`), in the order `help` lists
// them. What they share (the command context, options, files) is in command-kit.ts.

export {
  bidRefs,
  idOption,
  moneyOption,
  printJson,
  readInputFile,
  requiredOption,
  writeOutput,
  type Command,
  type CommandContext,
} from './command-kit';
export { CliRefusal } from './refusal';

export const commands: Command[] = [
  ...roundCommands,
  ...bidCommands,
  ...identityCommands,
  ...feedbackCommands,
  ...assessmentCommands,
  ...allocationCommands,
  ...noticeCommands,
  ...officeCommands,
];
