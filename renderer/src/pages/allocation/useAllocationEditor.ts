import { useMemo, useState } from 'react';
import type { Allocation } from '../../../../shared/assessment';
import { api } from '../../api';
import { customAmount, savedMessage, without, type Option } from './maths';

type Item = Allocation['items'][number];

/** What a row asked for when the award departs from the ranking, waiting for a reason. */
interface PendingReason {
  option: Option;
  amountPence?: number;
  message: string;
}

/**
 * The rows of the allocation table being edited: each row's chosen option, custom amount, conditions
 * and reason, kept until its Save, and the writes that save them. `onSaved` gets the confirmation.
 */
// long-function: a row's choices and the writes that save them, together so a Save sees all of them
export function useAllocationEditor(props: {
  roundId: number;
  items: readonly Item[] | null;
  onSaved: (message: string | null) => void;
}) {
  const { roundId, items, onSaved } = props;
  const [pendingReason, setPendingReason] = useState<Record<string, PendingReason>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [custom, setCustom] = useState<Record<string, string>>({});
  const [conditions, setConditions] = useState<Record<string, string>>({});
  // Why the commissioner considers the grant will reduce crime and disorder: the register prints it.
  const [crime, setCrime] = useState<Record<string, string>>({});
  // The option chosen in a row's select, saved only with its Save button: arrow keys in a select
  // move through options, and must not write each one into the allocation and its history.
  const [chosen, setChosen] = useState<Record<string, Option>>({});

  // Every row asks for its item several times a render: a map built once, not a search per call.
  const itemOf = useMemo(() => new Map((items ?? []).map((i) => [i.ref, i])), [items]);
  const item = (ref: string): Item | undefined => itemOf.get(ref);
  const saved = (ref: string): Option => item(ref)?.option ?? 'none';
  const fail = (ref: string, message: string) => setRowErrors((e) => ({ ...e, [ref]: message }));

  const allocate = async (ref: string, option: Option, given?: { amountPence?: number; reason?: string }) => {
    let amountPence = given?.amountPence;
    if (option === 'custom' && amountPence === undefined) {
      const typed = customAmount(ref, custom[ref], item(ref)?.amountPence);
      if (!typed.ok) return fail(ref, typed.message);
      amountPence = typed.pence;
    }
    const note = conditions[ref];
    const why = crime[ref];
    const result = await api.allocation.set({
      roundId,
      bidRef: ref,
      option,
      ...(amountPence !== undefined ? { amountPence } : {}),
      ...(note !== undefined ? { conditions: note } : {}),
      ...(why !== undefined ? { crimeReduction: why } : {}),
      ...(given?.reason ? { reason: given.reason } : {}),
    });
    // Any change to the allocation makes an earlier confirmation out of date.
    onSaved(null);
    if (!result.ok) {
      if (result.error.issues?.some((i) => i.path === 'reason')) {
        const asked = { option, ...(amountPence !== undefined ? { amountPence } : {}) };
        setPendingReason((p) => ({ ...p, [ref]: { ...asked, message: result.error.message } }));
      }
      return fail(ref, result.error.message);
    }
    setPendingReason((p) => without(p, ref));
    setRowErrors((e) => without(e, ref));
    setChosen((c) => without(c, ref));
    const now = result.value.items.find((i) => i.ref === ref);
    const conditionsChanged = note !== undefined && note !== (item(ref)?.conditions ?? '');
    const crimeChanged = why !== undefined && why !== (item(ref)?.crimeReduction ?? '');
    setConditions((c) => without(c, ref));
    setCrime((c) => without(c, ref));
    const terms = [conditionsChanged && 'the conditions of grant', crimeChanged && 'why it will reduce crime']
      .filter(Boolean)
      .join(' and ');
    onSaved(terms && now ? `Saved: ${terms} for ${ref}. ${savedMessage(ref, now)}` : savedMessage(ref, now));
  };

  const allocateWithReason = async (ref: string) => {
    const pending = pendingReason[ref];
    const reason = (reasons[ref] ?? '').trim();
    if (!pending) return;
    if (!reason) return fail(ref, `Give the reason for ${ref}'s award before allocating`);
    await allocate(ref, pending.option, {
      ...(pending.amountPence !== undefined ? { amountPence: pending.amountPence } : {}),
      reason,
    });
  };

  const saveConditions = async (ref: string) => {
    const option = saved(ref);
    if (option === 'none') return fail(ref, `Allocate money to ${ref} before setting conditions`);
    await allocate(ref, option, option === 'custom' ? { amountPence: item(ref)?.amountPence ?? 0 } : {});
  };

  return {
    item,
    saved,
    chosen: (ref: string) => chosen[ref],
    choose: (ref: string, option: Option) => setChosen((c) => ({ ...c, [ref]: option })),
    custom: (ref: string) => custom[ref] ?? '',
    setCustom: (ref: string, text: string) => setCustom((c) => ({ ...c, [ref]: text })),
    conditions: (ref: string) => conditions[ref] ?? item(ref)?.conditions ?? '',
    setConditions: (ref: string, text: string) => setConditions((c) => ({ ...c, [ref]: text })),
    crimeReduction: (ref: string) => crime[ref] ?? item(ref)?.crimeReduction ?? '',
    setCrimeReduction: (ref: string, text: string) => setCrime((c) => ({ ...c, [ref]: text })),
    reason: (ref: string) => reasons[ref] ?? '',
    setReason: (ref: string, text: string) => setReasons((r) => ({ ...r, [ref]: text })),
    error: (ref: string) => rowErrors[ref] ?? '',
    pending: (ref: string) => pendingReason[ref],
    allocate,
    allocateWithReason,
    saveConditions,
  };
}

export type AllocationEditor = ReturnType<typeof useAllocationEditor>;
