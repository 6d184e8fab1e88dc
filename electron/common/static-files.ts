import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

// Serves the built renderer, for the app:// protocol in Electron and for the web bridge.

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `root` that a URL path names, or null when the path is malformed or would
 * step outside `root` (`..`, encoded slashes, absolute paths, NUL bytes).
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = path.resolve(root);
  const full = path.resolve(base, relative);
  if (full !== base && !full.startsWith(base + path.sep)) return null;
  return full;
}

export async function readStaticFile(
  root: string,
  urlPath: string,
): Promise<{ status: number; body: Buffer | string; type: string }> {
  const file = resolveStaticPath(root, urlPath);
  if (!file) return { status: 403, body: 'Forbidden', type: 'text/plain; charset=utf-8' };
  try {
    const info = await stat(file);
    if (!info.isFile()) return { status: 404, body: 'Not found', type: 'text/plain; charset=utf-8' };
    return { status: 200, body: await readFile(file), type: contentTypeOf(file) };
  } catch {
    return { status: 404, body: 'Not found', type: 'text/plain; charset=utf-8' };
  }
}
