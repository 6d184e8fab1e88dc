// What `npm start` does, kept apart from the script that runs it so a test can drive the decision:
// the desktop app where the Electron binary is present, otherwise web mode, opened in the default
// browser (or its address printed where there is no browser to open).
import { spawn as spawnProcess } from 'node:child_process';

export const WEB_MODE_LINE =
  'tranche: the Electron binary is not installed here, so Tranche opens in your browser (web mode) ' +
  'instead; `npm run electron:download` fetches the desktop app.';

/** Desktop where the binary is present, web mode (with the one line that says why) where it is not. */
export function chooseStart(binary) {
  return binary ? { mode: 'desktop', binary } : { mode: 'web', line: WEB_MODE_LINE };
}

/**
 * Runs the chosen mode. `runDesktop` and `runWeb` do the work and resolve to an exit code; `log`
 * prints a line for the user (stderr in the real script).
 */
export async function startTranche({ binary, runDesktop, runWeb, log }) {
  const choice = chooseStart(binary);
  if (choice.mode === 'desktop') return runDesktop(choice.binary);
  log(choice.line);
  return runWeb();
}

/** The command that opens a URL in the default browser, or null where there is no desktop to open it on. */
export function browserOpener(url, platform = process.platform, env = process.env) {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is a cmd built-in; its first quoted argument is a window title, and cmd needs & escaped.
  if (platform === 'win32')
    return { command: 'cmd', args: ['/c', 'start', '""', url.replace(/&/g, '^&')], verbatim: true };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  return { command: 'xdg-open', args: [url] };
}

/** How long an opener may take to fail before it is taken to have worked (some never exit). */
const OPENER_GRACE_MS = 3000;

/**
 * Opens the URL in the default browser, detached so that the browser outlives this process.
 * Resolves to false, never throws, when there is no opener or it fails.
 */
export function openInBrowser(
  url,
  { platform = process.platform, env = process.env, spawn = spawnProcess, graceMs = OPENER_GRACE_MS } = {},
) {
  const opener = browserOpener(url, platform, env);
  if (!opener) return Promise.resolve(false);
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(opener.command, opener.args, {
        detached: true,
        stdio: 'ignore',
        windowsVerbatimArguments: opener.verbatim === true,
      });
    } catch {
      resolve(false);
      return;
    }
    const timer = setTimeout(() => {
      child.unref();
      resolve(true);
    }, graceMs);
    const settle = (opened) => {
      clearTimeout(timer);
      resolve(opened);
    };
    child.once('error', () => settle(false));
    child.once('exit', (code) => settle(code === 0));
  });
}

/** The tokenised address in a line of the web bridge's output, if it is there. */
export function webModeAddress(text) {
  return /Tranche web mode: (http:\/\/\S+)/.exec(text)?.[1] ?? null;
}
