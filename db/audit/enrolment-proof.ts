import { signatureHolds } from './entry-signature';

// The proof that a person's first key was made by whoever held their enrolment code. The code,
// through scrypt with the salt kept beside it, makes an Ed25519 key whose public half the lead
// officer's signed entry recorded when the code was issued; at enrolment that key signs the new
// key. The office keeps only the public half, so nothing in a copy of the database makes a proof
// without guessing the code.

export const ENROLMENT_PROOF_FORMAT = 'tranche-enrolment-proof/1';

/** What the code's key signs: who enrols, and the public key (raw, base64) they made. */
export function enrolmentProofMessage(personId: number, publicKey: string): Buffer {
  return Buffer.from(`${ENROLMENT_PROOF_FORMAT}:${personId}:${publicKey}`, 'utf8');
}

/** Whether `proof` is the holder of the code whose public key is `codePublicKey` enrolling this key. */
export function enrolmentProofHolds(
  codePublicKey: string,
  personId: number,
  publicKey: string,
  proof: string,
): boolean {
  return signatureHolds(codePublicKey, enrolmentProofMessage(personId, publicKey), proof);
}
