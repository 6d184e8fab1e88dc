import type { App, BrowserWindowConstructorOptions, Session, Shell, WebContents } from 'electron';
import { isAppUrl } from './protocol';

export function windowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Tranche',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  };
}

/** The only way Tranche opens anything outside itself: https links, in the user's browser. */
export function safeOpenExternal(shell: Pick<Shell, 'openExternal'>, url: string): boolean {
  try {
    if (new URL(url).protocol !== 'https:') return false;
  } catch {
    return false;
  }
  void shell.openExternal(url);
  return true;
}

export function guardWebContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>) {
  const stayInApp = (event: { preventDefault: () => void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    safeOpenExternal(shell, url);
    return { action: 'deny' };
  });
}

export function installGuards(app: Pick<App, 'on'>, shell: Pick<Shell, 'openExternal'>) {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, shell));
}

/** Deny every permission (camera, notifications, geolocation…) and every request off the machine. */
export function lockDownSession(session: Session) {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] },
    (_details, callback) => callback({ cancel: true }),
  );
}
