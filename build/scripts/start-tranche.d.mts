import type { spawn } from 'node:child_process';

export const WEB_MODE_LINE: string;
export type StartChoice = { mode: 'desktop'; binary: string } | { mode: 'web'; line: string };
export function chooseStart(binary: string | null): StartChoice;
export function startTranche(options: {
  binary: string | null;
  runDesktop: (binary: string) => Promise<number>;
  runWeb: () => Promise<number>;
  log: (line: string) => void;
}): Promise<number>;
export interface BrowserOpener {
  command: string;
  args: string[];
  verbatim?: boolean;
}
export function browserOpener(
  url: string,
  platform?: NodeJS.Platform,
  env?: NodeJS.ProcessEnv,
): BrowserOpener | null;
export function openInBrowser(
  url: string,
  options?: { platform?: NodeJS.Platform; env?: NodeJS.ProcessEnv; spawn?: typeof spawn; graceMs?: number },
): Promise<boolean>;
export function webModeAddress(text: string): string | null;
