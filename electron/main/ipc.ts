import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type Channel } from '../../shared/channels';
import { fail, type Result } from '../../shared/result';
import { isAppUrl } from './protocol';

/** Only the app's own top-level page may call the main process. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  handle: (channel: Channel, input: unknown) => Promise<Result<unknown>>,
) {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) =>
      isTrustedSender(event)
        ? handle(channel, input)
        : Promise.resolve(fail('forbidden', 'This window may not call Tranche')),
    );
  }
}
