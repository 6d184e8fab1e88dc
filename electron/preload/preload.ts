import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../../shared/channels';

// One object, one function per contract channel, each bound to its channel: the page can reach
// nothing else in the main process.
contextBridge.exposeInMainWorld(
  'api',
  buildApi((channel, input) => ipcRenderer.invoke(channel, input)),
);
