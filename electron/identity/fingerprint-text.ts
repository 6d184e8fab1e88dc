// A key fingerprint as people copy it from a web page or a letter: any case, any spacing. Returns
// the 64 hexadecimal digits in capitals, or '' when the text cannot be a fingerprint.
export function normaliseFingerprint(text: string): string {
  const hex = text.replace(/[\s:-]+/g, '').toUpperCase();
  return /^[0-9A-F]{64}$/.test(hex) ? hex : '';
}
