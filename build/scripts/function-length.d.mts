export const MAX_FUNCTION_LINES: number;
export const REASON_MARK: string;
export function isFunctionChecked(file: string): boolean;
export function longFunctions(
  file: string,
  text: string,
  max?: number,
): { name: string; line: number; lines: number; reason: string | null }[];
