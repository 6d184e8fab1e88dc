import { execFileSync } from 'node:child_process';
import { tempDir } from './temp-db';

// A small disk of its own (a tmpfs), for tests of a full or read-only disk. Mounting needs root
// (or CAP_SYS_ADMIN); where the machine does not allow it the test skips, saying why, in CI too,
// because no other way gives a real full or read-only disk.

interface Skippable {
  skip: (note?: string) => never;
}

export function mountTmpfs(context: Skippable, size: string): { dir: string; unmount: () => void } {
  const dir = tempDir('tranche-tmpfs-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    const said = (error as { stderr?: Buffer }).stderr?.toString().trim() || String(error);
    const why = `Skipped: cannot mount a small tmpfs on this machine (${said}); run as root to test a full disk`;
    console.warn(why);
    return context.skip(why);
  }
  return { dir, unmount: () => execFileSync('umount', ['-l', dir]) };
}
