import { randomInt } from 'node:crypto';

/**
 * The shape of a one-time enrollment code: one home for the code the care team
 * issues (participants.ts) and for the risk screen, which must not read one as words.
 */

// No 0/O/1/I: codes are read aloud and typed on phones.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

// A digit in every code tells a mistyped code from a word such as "thanks" (enrollment dialog); a letter, from a number.
const ISSUED_SHAPE = new RegExp(`^(?=.*[0-9])(?=.*[A-Z])[${CODE_ALPHABET}]{${CODE_LENGTH}}$`, 'i');

/** What a redeemed code may look like once trimmed and upper-cased: anything else is refused without a read. */
export const ENROLLMENT_CODE_PATTERN = /^[A-Z0-9]{6,10}$/;

/** Whether a token, in either case, could be an issued code: its length, its alphabet, a digit (every issued code has one) and a letter. */
export function hasIssuedCodeShape(token: string): boolean {
  return ISSUED_SHAPE.test(token);
}

/** A random code of the issued shape (not yet checked for being free). */
export function randomEnrollmentCode(): string {
  for (;;) {
    const code = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
    if (hasIssuedCodeShape(code)) return code;
  }
}
