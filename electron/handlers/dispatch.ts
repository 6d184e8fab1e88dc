import type { z } from 'zod';
import { contract, isChannel, type Channel, type Output, type ParsedInput } from '../../shared/contract';
import { RULE_BOOK } from '../../shared/rule-book';
import { fail, ok, type FieldIssue, type Result } from '../../shared/result';
import { enforceRuleBook } from './guard';
import { appHandlers } from './app';
import { readContext, type HandlerContext, type ReadContext } from './context';
import { Refusal } from './refusal';
import { storeFault } from '../../db/store-faults';
import { roundHandlers } from './rounds';
import { alignmentHandlers } from './alignment';
import { allocationHandlers } from './allocation';
import { boardHandlers } from './board';
import { reportHandlers } from './reports';
import { peopleHandlers } from './people';
import { frameworkHandlers } from './frameworks';
import { assessorHandlers } from './assessors';
import { scoringHandlers } from './scoring';
import { scoreImportHandlers } from './score-import';
import { moderationHandlers } from './moderation';
import { rankingHandlers } from './ranking';
import { officeHandlers } from './office';
import { noticeWordingHandlers } from './notice-wording';
import { noticeLifecycleHandlers } from './notice-lifecycle';
import { noticeWordsHandlers } from './notice-words';
import { publishHandlers } from './publish';
import { threeSixtyGivingHandlers } from './three-sixty-giving';
import { feedbackHandlers } from './feedback';
import { partnershipHandlers } from './partnerships';
import { readinessHandlers } from './readiness';
import { roundProgressHandlers } from './round-progress';
import { noticeExportHandlers } from './notice-export';
import { letterHandlers } from './letters';
import { bidHandlers } from './bids';
import { dashboardHandlers } from './dashboard';
import { planHandlers } from './plans';
import { searchHandlers } from './search';
import { loadDemo } from './demo/load';
import { exportHandlers } from './exports';
import { importHandlers } from './imports';
import { auditHandlers } from './audit/handlers';
import { packHandlers } from './packs';
import { grantHandlers } from './grants';
import { runRecorded } from './audit/record';

/** A read channel's handler is given a store that can only read (see `readContext`). */
type ContextFor<C extends Channel> = (typeof RULE_BOOK)[C]['access'] extends 'read'
  ? ReadContext
  : HandlerContext;

type Handlers = {
  [C in Channel]: (
    input: ParsedInput<C>,
    ctx: ContextFor<C>,
  ) => z.input<(typeof contract)[C]['output']> | Promise<z.input<(typeof contract)[C]['output']>>;
};

const handlers: Handlers = {
  ...appHandlers,
  ...roundHandlers,
  ...bidHandlers,
  ...dashboardHandlers,
  ...searchHandlers,
  ...partnershipHandlers,
  ...planHandlers,
  ...importHandlers,
  ...peopleHandlers,
  ...frameworkHandlers,
  ...assessorHandlers,
  ...scoringHandlers,
  ...scoreImportHandlers,
  ...moderationHandlers,
  ...rankingHandlers,
  ...alignmentHandlers,
  ...exportHandlers,
  ...allocationHandlers,
  ...boardHandlers,
  ...reportHandlers,
  ...officeHandlers,
  ...noticeWordingHandlers,
  ...noticeLifecycleHandlers,
  ...noticeWordsHandlers,
  ...publishHandlers,
  ...threeSixtyGivingHandlers,
  ...feedbackHandlers,
  ...readinessHandlers,
  ...roundProgressHandlers,
  ...noticeExportHandlers,
  ...letterHandlers,
  'demo:load': (_input, ctx) => loadDemo(ctx),
  ...auditHandlers,
  ...packHandlers,
  ...grantHandlers,
};

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
  const operation = contract[channel];
  const parsed = operation.input.safeParse(raw === null ? undefined : raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue): FieldIssue => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
    return fail('invalid_input', issues.map(describeIssue).join('; '), issues);
  }
  try {
    // Any call but the app asking who is here counts as use, and keeps the session from locking.
    if (channel !== 'people:session') ctx.session.touch();
    let value: unknown;
    if (RULE_BOOK[channel].access === 'read') {
      // A read runs on the store's read-only connection, and dispatch itself writes nothing for it.
      const reading = readContext(ctx);
      enforceRuleBook(channel, parsed.data, reading);
      const handler = handlers[channel] as (input: unknown, ctx: ReadContext) => unknown;
      value = await handler(parsed.data, reading);
    } else {
      // The rule book first: the right person, at the right stage of the round, or nothing runs.
      enforceRuleBook(channel, parsed.data, ctx);
      const handler = handlers[channel] as (input: unknown, ctx: ReadContext) => unknown;
      // Every write is recorded in the audit chain (electron/handlers/audit/record.ts).
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
