import { appendEntry, chainHead } from '../../db/audit/chain';
import { openDatabase } from '../../db/connection';
import { createStore } from '../../db/store';
import {
  abandonRestore,
  copyDatabaseInSteps,
  finishRestore,
  RestoreRefused,
  stageRestore,
} from '../../db/backup';
import { ROLE_LABELS } from '../../shared/roles';
import { currentActor } from '../handlers/actor';
import { createContext, type HandlerContext } from '../handlers/context';
import type { CommandContext } from './command-kit';
import { unlockActor } from './identity';
import { CliRefusal } from './refusal';

// backup and restore on the command line: each needs a lead officer, who proves their passphrase,
// and each is an entry in the record signed with their key. A backup's entry names the chain head
// the copy carries; a restore's entry is written into the restored record itself, before it
// replaces the database, so the record says who put it back, from which file, and when.

/** The acting person, refused unless a lead officer (who gave their passphrase). */
function leadOfficer(ctx: HandlerContext, action: string) {
  const actor = currentActor(ctx);
  if (!actor)
    throw new CliRefusal(`Only a lead officer can ${action}: give --as NAME, with TRANCHE_PASSPHRASE`);
  if (actor.role !== 'lead_officer')
    throw new CliRefusal(
      `Only a lead officer can ${action}; ${actor.name} is a ${ROLE_LABELS[actor.role].toLowerCase()}`,
    );
  return actor;
}

/** Appends an entry for what the lead officer did to the record itself, signed with their key. */
function recordAct(ctx: HandlerContext, operation: string, input: unknown, summary: string) {
  const identity = ctx.session.current();
  const actor = currentActor(ctx);
  if (!identity || !actor) throw new Error('Nobody is unlocked to sign the entry');
  ctx.store.sqlite
    .transaction(() =>
      appendEntry(
        ctx.store.sqlite,
        {
          operation,
          at: ctx.now(),
          personId: actor.id,
          personName: actor.name,
          keyFingerprint: identity.fingerprint,
          input,
          summary,
          rounds: [],
          signer: { privateKey: identity.privateKey, fingerprint: identity.fingerprint },
        },
        [],
      ),
    )
    .immediate();
}

export async function backUp(ctx: CommandContext, out: string) {
  const database = await ctx.database();
  const actor = leadOfficer(database, 'back up the database');
  const { sqlite } = database.store;
  const head = chainHead(sqlite);
  await copyDatabaseInSteps(sqlite, out);
  recordAct(database, 'db:backup', { file: out, chainHead: head }, `Backed up the database to ${out}`);
  return { file: out, by: actor.name, chainHead: head };
}

export async function restore(ctx: CommandContext, backup: string) {
  let staged: { staged: string; withoutChain: boolean };
  try {
    staged = stageRestore(ctx.databaseFile, backup);
  } catch (error) {
    if (error instanceof RestoreRefused) throw new CliRefusal(error.message);
    throw error;
  }
  let by: string;
  try {
    // The lead officer proves who they are to the record being restored, and signs the restore in it.
    const connection = openDatabase(staged.staged, { migrationsFolder: ctx.migrationsFolder });
    try {
      const restored = createContext(createStore(connection), 'restore');
      await unlockActor(restored, typeof ctx.values.as === 'string' ? ctx.values.as : undefined, ctx.secrets);
      by = leadOfficer(restored, 'restore the database').name;
      recordAct(restored, 'db:restore', { from: backup }, `Restored the database from ${backup}`);
    } finally {
      connection.close();
    }
  } catch (error) {
    abandonRestore(staged.staged);
    throw error;
  }
  return {
    ...finishRestore(ctx.databaseFile, staged.staged),
    from: backup,
    by,
    withoutChain: staged.withoutChain,
  };
}
