import type { PackBody } from '../../shared/packs';
import { Refusal } from '../handlers/refusal';
import { PackRefused, readPack } from './format';

// A pack's bytes from a channel's input, read and checked, or refused in the words format.ts gives.

export function readPackInput(bytesBase64: string): { body: PackBody; sha256: string } {
  try {
    return readPack(Buffer.from(bytesBase64, 'base64'));
  } catch (error) {
    if (error instanceof PackRefused) throw new Refusal('invalid_input', error.message);
    throw error;
  }
}
