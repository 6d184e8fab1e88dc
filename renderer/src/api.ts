import { buildApi, type Channel } from '../../shared/channels';
import type { Api } from '../../shared/contract';
import { fail, type Result } from '../../shared/result';

declare global {
  interface Window {
    /** Set by the preload in the desktop app; absent in web mode. */
    api?: Api;
  }
}

async function overHttp(channel: Channel, input: unknown): Promise<Result<unknown>> {
  try {
    const response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(input ?? null),
    });
    if (!(response.headers.get('content-type') ?? '').includes('application/json')) {
      return fail('internal', `Tranche's web bridge answered ${response.status} ${await response.text()}`);
    }
    return (await response.json()) as Result<unknown>;
  } catch (error) {
    return fail(
      'internal',
      `Tranche's web bridge cannot be reached (` +
        `${error instanceof Error ? error.message : String(error)}). Is \`npm run web\` still running?`,
    );
  }
}

/** The desktop app's `window.api`, or the same contract over the loopback bridge in web mode. */
export const api: Api = window.api ?? buildApi(overHttp);
