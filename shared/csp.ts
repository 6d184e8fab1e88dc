// The renderer's Content Security Policy. Only the app's own scripts, styles, images and fonts;
// no eval, no inline script, no frames, no form posts, no connections anywhere except, in web mode,
// the bridge that serves the page.

export function contentSecurityPolicy(mode: 'desktop' | 'web'): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${mode === 'web' ? "'self'" : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
