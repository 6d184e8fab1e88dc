import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contentSecurityPolicy } from '../../shared/csp';
import { fail, type Result } from '../../shared/result';
import { readStaticFile } from '../common/static-files';

// The development and test bridge: the built renderer and the same handlers as the desktop app,
// over HTTP on 127.0.0.1 only. Every request must carry the per-run token (a cookie set when the
// printed address is first opened, or an Authorization header). Never part of the packaged app.

/**
 * The token cookie's name, one per server (port): cookies are shared by every port of a host, so
 * a second server in the same browser must not overwrite the first one's and log its tab out.
 */
export const tokenCookie = (port: number) => `tranche_token_${port}`;
const MAX_BODY_BYTES = 20 * 1024 * 1024;

export interface WebServerOptions {
  /** Runs a channel: the engine worker's call, or dispatch over a context in the tests. */
  call: (channel: string, input: unknown) => Promise<Result<unknown>>;
  /** The same, answering with the result's JSON text, sent as it is (the engine's callJson). */
  callJson?: (channel: string, input: unknown) => Promise<string>;
  rendererRoot: string;
  port?: number;
  token?: string;
}

export interface WebServer {
  /** The address to open: it carries the token once, then the cookie takes over. */
  url: string;
  origin: string;
  token: string;
  close: () => Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': contentSecurityPolicy('web'),
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

const IMMUTABLE = { 'Cache-Control': 'private, max-age=31536000, immutable' };

function sameSecret(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: Record<string, string> = {},
) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, ...extra });
  res.end(body);
}

function sendResult(res: ServerResponse, status: number, result: Result<unknown>) {
  send(res, status, JSON.stringify(result), 'application/json; charset=utf-8');
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('Request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

// long-function: the web bridge's routes in the order requests are matched, sharing its session
export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let origin = '';
  let hosts: string[] = [];
  let cookieName = '';

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      console.error('[tranche web] request failed:', error);
      if (!res.headersSent) sendResult(res, 500, fail('internal', 'The bridge failed to answer'));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    // A page on another site cannot reach us through a DNS name pointing at 127.0.0.1.
    if (!hosts.includes(req.headers.host ?? ''))
      return send(res, 421, 'Wrong host', 'text/plain; charset=utf-8');
    const url = new URL(req.url ?? '/', origin);
    const given = url.searchParams.get('token');
    if (req.method === 'GET' && given !== null) {
      if (!sameSecret(given, token)) return send(res, 401, 'Wrong token', 'text/plain; charset=utf-8');
      url.searchParams.delete('token');
      return send(res, 303, '', 'text/plain; charset=utf-8', {
        Location: url.pathname + url.search,
        'Set-Cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!sameSecret(cookieValue(req.headers.cookie, cookieName) ?? bearer, token)) {
      return send(
        res,
        401,
        'This Tranche window has lost its access: open the address that `npm start` or `npm run web` ' +
          'printed in the terminal (it carries the access token), or start Tranche again.',
        'text/plain; charset=utf-8',
      );
    }

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST')
        return sendResult(res, 405, fail('invalid_input', 'Operations are called with POST'));
      if (req.headers.origin && req.headers.origin !== origin)
        return sendResult(res, 403, fail('forbidden', 'Wrong origin'));
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendResult(res, 415, fail('invalid_input', 'Send JSON (Content-Type: application/json)'));
      }
      let input: unknown;
      try {
        const body = await readBody(req);
        input = body === '' ? undefined : JSON.parse(body);
      } catch (error) {
        return sendResult(
          res,
          400,
          fail(
            'invalid_input',
            `The request body is not valid JSON: ${error instanceof Error ? error.message : ''}`,
          ),
        );
      }
      const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
      if (options.callJson)
        return send(res, 200, await options.callJson(channel, input), 'application/json; charset=utf-8');
      return sendResult(res, 200, await options.call(channel, input));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
    const file = await readStaticFile(options.rendererRoot, url.pathname);
    // The built page's code is named by its content (assets/app-<hash>.js): it never changes under
    // its name, so the browser keeps it (and its compiled code) between page loads. The page itself
    // and every answer stay uncached.
    const cached = file.status === 200 && url.pathname.startsWith('/assets/') ? IMMUTABLE : {};
    return send(res, file.status, req.method === 'HEAD' ? '' : file.body, file.type, cached);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      origin = `http://127.0.0.1:${port}`;
      hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
      cookieName = tokenCookie(port);
      resolve({
        url: `${origin}/?token=${token}`,
        origin,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
