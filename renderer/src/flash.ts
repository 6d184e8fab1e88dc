import { useState } from 'react';

// A one-time message carried to the next page (e.g. "Round created") across a navigation.
let pending: string | null = null;

export function setFlash(message: string) {
  pending = message;
}

/** The pending message, taken once when the page first renders. */
export function useFlash(): string | null {
  const [message] = useState(() => {
    const taken = pending;
    pending = null;
    return taken;
  });
  return message;
}
