import { contentSecurityPolicy } from '../../shared/csp';
import { readStaticFile } from '../common/static-files';

// The UI is served from app://tranche/ rather than file://, so it has a real origin, a CSP header
// and no access to the rest of the disk.

export const APP_SCHEME = 'app';
export const APP_HOST = 'tranche';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  // codeCache: V8 keeps the page's compiled code between starts, as it would for an https page.
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: false,
    corsEnabled: false,
    stream: false,
    codeCache: true,
  },
};

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': contentSecurityPolicy('desktop'),
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

export function createAppProtocolHandler(rendererRoot: string) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: SECURITY_HEADERS });
    }
    if (!isAppUrl(request.url)) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    const { pathname } = new URL(request.url);
    const file = await readStaticFile(rendererRoot, pathname);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(Buffer.from(file.body)), {
      status: file.status,
      headers: { ...SECURITY_HEADERS, 'Content-Type': file.type },
    });
  };
}
