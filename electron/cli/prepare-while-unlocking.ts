import { prepareChannel } from '../handlers/prepare';

// What a command's calls will need (their schemas, handlers and file libraries) loads while the
// acting person's passphrase is checked. scrypt runs on libuv's thread pool and leaves this thread
// idle for tens of milliseconds; but loading a library is one long synchronous stretch, and begun
// before scrypt it would hold up the check rather than run beside it. So what is asked for waits
// until the check has been handed to the thread pool (or there is no check to make).

export interface Preparer {
  /** Asks for a channel's code to be loaded before its call. */
  ask: (channel: string, input: unknown) => void;
  /** The check is about to start, or none is needed: what was asked for starts loading after it. */
  release: () => void;
  /** Settles once everything asked for has loaded (or failed to: the call reports that itself). */
  ready: () => Promise<void>;
}

export function preparer(): Preparer {
  const asked: { channel: string; input: unknown }[] = [];
  const loading: Promise<void>[] = [];
  let released = false;
  const start = (batch: typeof asked) => batch.map(({ channel, input }) => prepareChannel(channel, input));
  return {
    ask(channel, input) {
      if (released) loading.push(...start([{ channel, input }]));
      else asked.push({ channel, input });
    },
    release() {
      if (released) return;
      released = true;
      const batch = asked.splice(0);
      // setImmediate runs after every pending microtask: by then the check has reached scrypt.
      loading.push(
        new Promise<void>((done) => setImmediate(done)).then(() =>
          Promise.all(start(batch)).then(() => undefined),
        ),
      );
    },
    ready: () => Promise.all(loading).then(() => undefined),
  };
}
