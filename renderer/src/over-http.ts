import type { Channel } from '../../shared/channels';
import type { Result } from '../../shared/result';

// The web bridge's side of a call: the one place the renderer speaks HTTP to it, shared by the
// api client and the requests the app makes before React starts (start/early-requests.ts).

// Types only: the app's entry loads this before anything else, and shared/result's runtime half
// brings zod with it.
const broken = (message: string): Result<never> => ({ ok: false, error: { code: 'internal', message } });

/** One call over the loopback bridge; a failure comes back as a result, never thrown. */
export async function overHttp(channel: Channel, input: unknown): Promise<Result<unknown>> {
  try {
    const response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(input ?? null),
    });
    if (!(response.headers.get('content-type') ?? '').includes('application/json')) {
      return broken(`Tranche's web bridge answered ${response.status} ${await response.text()}`);
    }
    return (await response.json()) as Result<unknown>;
  } catch (error) {
    return broken(
      `Tranche's web bridge cannot be reached (` +
        `${error instanceof Error ? error.message : String(error)}). Is \`npm run web\` still running?`,
    );
  }
}
