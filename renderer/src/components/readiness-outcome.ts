import type { AppError } from '../../../shared/result';

// What the readiness gate (ReadinessGate) says when going ahead fails: before anything is sent, a
// reason missing where there are warnings; after, a refusal of the reason beside its box, and any
// other refusal above the button.

export interface PlacedRefusal {
  /** Shown beside the reason box and in the error summary, linked to it. */
  fieldError: string | null;
  /** Shown above the button: a refusal that is not about the reason. */
  error: string | null;
}

/** The message when warnings stand and no reason is given to go ahead despite them; null otherwise. */
export function missingReason(warnings: number, reason: string, doing: string): string | null {
  return warnings > 0 && !reason.trim() ? `Give the reason to ${doing} despite the warnings above` : null;
}

/** Where a refusal from the handler is shown: beside the reason when it names it, else above the button. */
export function placeRefusal(error: AppError): PlacedRefusal {
  const onReason = error.issues?.some((i) => i.path === 'readinessReason') ?? false;
  return { fieldError: onReason ? error.message : null, error: onReason ? null : error.message };
}
