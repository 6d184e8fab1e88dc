import { useEffect, useState } from 'react';

// A one-time message carried to the next page (e.g. "Round created") across a navigation.
let pending: string | null = null;

export function setFlash(message: string) {
  pending = message;
}

/**
 * The pending message, read when the page first renders and taken once the page is on screen: a
 * render React sets aside and starts again (while the page's code loads, say) must not lose it.
 */
export function useFlash(): string | null {
  const [message] = useState(() => pending);
  useEffect(() => {
    if (message !== null && pending === message) pending = null;
  }, [message]);
  return message;
}
