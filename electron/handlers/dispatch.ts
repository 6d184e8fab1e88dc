import { isChannel, type Channel } from '../../shared/channels';
import type { Output } from '../../shared/contract';
import { loadedOperation, loadOperation } from '../../shared/contracts/load';
import { RULE_BOOK } from '../../shared/rule-book';
import { fail, ok, type FieldIssue, type Result } from '../../shared/result';
import { enforceRuleBook } from './guard';
import { readContext, type HandlerContext } from './context';
import { Refusal } from './refusal';
import { storeFault } from '../../db/store-faults';
import { loadedHandler, loadHandler } from './handler-loaders';

// The audit chain's side of a write (electron/handlers/audit/record.ts), loaded with the first write:
// a command that only reads never needs it.
let recording: typeof import('./audit/record') | undefined;

export interface DispatchOptions {
  /** Where unexpected failures are reported (the message to the caller stays generic). */
  logError?: (error: unknown, channel: string) => void;
}

/**
 * The single entry to every operation, used by Electron's IPC, the command line and the test
 * bridge alike: the input is parsed against the contract, the handler runs, refusals become
 * typed errors and anything else becomes an `internal` error.
 */
export function dispatch<C extends Channel>(
  channel: C,
  raw: unknown,
  ctx: HandlerContext,
  options?: DispatchOptions,
): Promise<Result<Output<C>>>;
export function dispatch(
  channel: string,
  raw: unknown,
  ctx: HandlerContext,
  options?: DispatchOptions,
): Promise<Result<unknown>>;
export async function dispatch(
  channel: string,
  raw: unknown,
  ctx: HandlerContext,
  options: DispatchOptions = {},
): Promise<Result<unknown>> {
  if (!isChannel(channel)) return fail('not_found', `There is no operation called "${channel}"`);
  // Each domain's schemas and handlers are loaded when one of its channels is first called (a
  // command starts without building the rest); once loaded, a call runs without waiting on them.
  const operation = loadedOperation(channel) ?? (await loadOperation(channel));
  const parsed = operation.input.safeParse(raw === null ? undefined : raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue): FieldIssue => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
    return fail('invalid_input', issues.map(describeIssue).join('; '), issues);
  }
  try {
    const handler = loadedHandler(channel) ?? (await loadHandler(channel));
    // Any call but the app asking who is here counts as use, and keeps the session from locking.
    if (channel !== 'people:session') ctx.session.touch();
    let value: unknown;
    if (RULE_BOOK[channel].access === 'read') {
      // A read runs on the store's read-only connection, and dispatch itself writes nothing for it.
      const reading = readContext(ctx);
      enforceRuleBook(channel, parsed.data, reading);
      value = await handler(parsed.data, reading);
    } else {
      // Every write is recorded in the audit chain (electron/handlers/audit/record.ts), loaded before
      // the rule book is applied so that nothing waits between the check and the write.
      const { runRecorded } = (recording ??= await import('./audit/record'));
      // The rule book first: the right person, at the right stage of the round, or nothing runs.
      enforceRuleBook(channel, parsed.data, ctx);
      value = await runRecorded(channel, parsed.data, ctx, () => handler(parsed.data, ctx));
    }
    return ok(operation.output.parse(value));
  } catch (error) {
    if (error instanceof Refusal) return fail(error.code, error.message, error.issues);
    // Another Tranche writing past the busy timeout, or a full disk: the write rolled back whole.
    const fault = storeFault(error, ctx.store.file);
    if (fault) return fail('conflict', fault);
    (options.logError ?? defaultLog)(error, channel);
    return fail(
      'internal',
      `Something went wrong in "${channel}": ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function describeIssue(issue: FieldIssue): string {
  // zod's own messages ("Invalid input: expected number…") do not say which field; ours do.
  return issue.path && issue.message.startsWith('Invalid')
    ? `${issue.path}: ${issue.message}`
    : issue.message;
}

function defaultLog(error: unknown, channel: string) {
  console.error(`[tranche] ${channel} failed:`, error);
}
