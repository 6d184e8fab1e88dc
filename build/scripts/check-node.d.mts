export function supportedNode(version: string): boolean;
export const UNSUPPORTED_NODE_HELP: string;
export function assertSupportedNode(version?: string): void;
