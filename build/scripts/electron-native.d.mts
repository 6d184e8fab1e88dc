export function electronNativeBindingPath(): string;
export function ensureElectronNativeBinding(): string;
