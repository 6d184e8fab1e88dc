export const CLI_BUNDLE: string;
export function bundleCli(): Promise<void>;
