import { buildApi } from '../../shared/channels';
import type { Api } from '../../shared/contract';
import { overHttp } from './over-http';

declare global {
  interface Window {
    /** Set by the preload in the desktop app; absent in web mode. */
    api?: Api;
  }
}

/** The desktop app's `window.api`, or the same contract over the loopback bridge in web mode. */
export const api: Api = window.api ?? buildApi(overHttp);
