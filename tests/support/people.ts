import { createContext, type HandlerContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/handlers/dispatch';
import type { Input } from '../../shared/contract';
import { actingAs, TEST_KDF, TEST_PASSPHRASE } from './temp-db';

// Adding people as an office does: a lead officer adds them (the very first lead officer sets their
// own passphrase), then each chooses their passphrase with the enrolment code they were given, and a
// commissioner or lead officer is approved by the sitting commissioner when there is one.

/** dispatch('people:add') followed by the person's own enrolment (and approval, when possible). */
export async function addPerson(input: Input<'people:add'>, lead: HandlerContext) {
  if (lead.store.people.count() === 0)
    return dispatch('people:add', { ...input, passphrase: input.passphrase ?? TEST_PASSPHRASE }, lead);
  const { passphrase = TEST_PASSPHRASE, ...rest } = input;
  const added = await dispatch('people:add', rest, lead);
  if (!added.ok || !added.value.enrolmentCode) return added;
  const nobody = createContext(lead.store, lead.appVersion, lead.now, { kdf: TEST_KDF });
  await enrolAs(lead, added.value.id, added.value.enrolmentCode, passphrase);
  const sitting = lead.store.people.sittingCommissioner();
  if (added.value.pending && sitting) {
    const approved = await dispatch(
      'people:approve',
      { personId: added.value.id },
      actingAs(lead, sitting.name),
    );
    if (!approved.ok) throw new Error(approved.error.message);
  }
  return dispatch('people:list', {}, nobody).then((list) => {
    if (!list.ok) throw new Error(list.error.message);
    const person = list.value.find((p) => p.id === added.value.id)!;
    return { ok: true as const, value: { ...person, enrolmentCode: added.value.enrolmentCode } };
  });
}

/** The person's own enrolment with the code they were given (before any approval can name their key). */
export async function enrolAs(
  lead: HandlerContext,
  personId: number,
  enrolmentCode: string,
  passphrase = TEST_PASSPHRASE,
) {
  const nobody = createContext(lead.store, lead.appVersion, lead.now, { kdf: TEST_KDF });
  const enrolled = await dispatch('people:enrol', { personId, enrolmentCode, passphrase }, nobody);
  if (!enrolled.ok) throw new Error(enrolled.error.message);
  return enrolled.value;
}
