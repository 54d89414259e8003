import { SegmentedMessage } from 'sms-segments-calculator';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSize {
  encoding: SmsEncoding;
  segments: number;
  /** Septets for GSM-7 (extension characters such as € { } count 2), UTF-16 code units for UCS-2. */
  units: number;
}

/** Every SMS-rendered message must fit this many segments (CONTENT.md, SMS rules). */
export const SMS_SEGMENT_BUDGET = 2;

/**
 * How a text travels as SMS: GSM-7 (160 single / 153 per part) unless one
 * character is outside GSM-7, which makes the whole text UCS-2 (70 / 67).
 * Twilio's calculator also keeps an escape pair or a surrogate pair whole at a
 * part boundary, as carriers do, so long texts are counted exactly rather than
 * by division. No smart encoding: we cannot count on the carrier swapping
 * curly quotes for straight ones.
 */
export function countSegments(text: string): SmsSize {
  const message = new SegmentedMessage(text, 'auto', false);
  const bitsPerUnit = message.encodingName === 'GSM-7' ? 7 : 16;
  return {
    encoding: message.encodingName,
    segments: text.length === 0 ? 0 : message.segmentsCount,
    units: message.messageSize / bitsPerUnit,
  };
}

/** The characters that push a text out of GSM-7 (for a useful test failure message). */
export function nonGsmCharacters(text: string): string[] {
  return new SegmentedMessage(text, 'auto', false).getNonGsmCharacters();
}
