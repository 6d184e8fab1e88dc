export function electronPackageDir(): string | null;
export function electronBinary(): string | null;
export const MISSING_BINARY_HELP: string;
