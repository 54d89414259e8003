/**
 * The shape of a one-time enrollment code: one home for the code the care team
 * issues (participants.ts) and for the risk screen, which must not read one as words.
 */

// No 0/O/1/I: codes are read aloud and typed on phones.
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 8;

const ISSUED_SHAPE = new RegExp(`^(?=.*[0-9])(?=.*[A-Z])[${CODE_ALPHABET}]{${CODE_LENGTH}}$`, 'i');

/** Whether a token, in either case, could be an issued code: its length, its alphabet, a digit (every issued code has one) and a letter. */
export function hasIssuedCodeShape(token: string): boolean {
  return ISSUED_SHAPE.test(token);
}
