export const MAX_LINE: number;
export function isCheckedSource(file: string): boolean;
export function longLines(text: string, max?: number): { line: number; length: number }[];
