import { vi } from 'vitest';

// A stand-in for the parts of the `electron` module that main uses, recording what is done to it.

type Listener = (...args: unknown[]) => unknown;

export class Emitter {
  listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener) {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

export class FakeWebContents extends Emitter {
  windowOpenHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

export function fakeElectron(appRoot: string) {
  const calls: string[] = [];
  const windows: FakeWindow[] = [];
  class FakeWindow extends Emitter {
    loadedUrl?: string;
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
      calls.push('new BrowserWindow');
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    show() {}
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
  }
  const ipcHandlers = new Map<string, Listener>();
  const session = {
    permissionRequestHandler: undefined as undefined | Listener,
    permissionCheckHandler: undefined as undefined | Listener,
    deviceHandler: undefined as undefined | Listener,
    beforeRequest: undefined as undefined | { filter: { urls: string[] }; listener: Listener },
    setPermissionRequestHandler(h: Listener) {
      this.permissionRequestHandler = h;
    },
    setPermissionCheckHandler(h: Listener) {
      this.permissionCheckHandler = h;
    },
    setDevicePermissionHandler(h: Listener) {
      this.deviceHandler = h;
    },
    webRequest: {
      onBeforeRequest(filter: { urls: string[] }, listener: Listener) {
        session.beforeRequest = { filter, listener };
      },
    },
  };
  const app = Object.assign(new Emitter(), {
    enableSandbox: vi.fn(() => calls.push('enableSandbox')),
    requestSingleInstanceLock: () => true,
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: () => {
      calls.push('whenReady');
      return Promise.resolve();
    },
    getAppPath: () => appRoot,
    getVersion: () => '9.9.9',
    isPackaged: false,
  });
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    protocol: {
      privileged: [] as unknown[],
      handlers: new Map<string, (request: Request) => Promise<Response>>(),
      registerSchemesAsPrivileged(schemes: unknown[]) {
        calls.push('registerSchemesAsPrivileged');
        this.privileged.push(...schemes);
      },
      handle(scheme: string, handler: (request: Request) => Promise<Response>) {
        this.handlers.set(scheme, handler);
      },
    },
    ipcMain: {
      handle(channel: string, listener: Listener) {
        ipcHandlers.set(channel, listener);
      },
    },
    session: { defaultSession: session },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    dialog: { showErrorBox: vi.fn() },
  };
  return { electron, calls, windows, ipcHandlers, session };
}
