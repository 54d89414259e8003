import { IANAZone } from 'luxon';
import { COMMON_ZONES } from '../../bot/domain/timeZones';
import { normalizeReply } from '../../bot/channels/replyText';

/**
 * Abbreviations people type. "EST" alone is also a legal zone name, but a
 * fixed offset without daylight saving time, so it is read as Eastern time.
 */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  et: 'America/New_York', est: 'America/New_York', edt: 'America/New_York', eastern: 'America/New_York', este: 'America/New_York',
  ct: 'America/Chicago', cst: 'America/Chicago', cdt: 'America/Chicago', central: 'America/Chicago', centro: 'America/Chicago',
  mt: 'America/Denver', mst: 'America/Denver', mdt: 'America/Denver', mountain: 'America/Denver', montana: 'America/Denver',
  pt: 'America/Los_Angeles', pst: 'America/Los_Angeles', pdt: 'America/Los_Angeles', pacific: 'America/Los_Angeles', pacifico: 'America/Los_Angeles',
  akst: 'America/Anchorage', akdt: 'America/Anchorage', hst: 'Pacific/Honolulu', ast: 'America/Puerto_Rico',
};

/**
 * A time zone typed by the participant: an IANA name in any case
 * ("america/chicago", "America/Mexico_City") or a common US abbreviation.
 * Only names with a region ("Area/City") are taken as IANA names, so the
 * fixed-offset legacy names (EST, MST7MDT) never slip in. Returns the
 * canonical IANA name.
 */
export function zoneFromText(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const typed = text.trim().replace(/\s+/g, '_');
  const abbreviation = ABBREVIATIONS[normalizeReply(text)];
  if (abbreviation) return abbreviation;
  if (!/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(typed) || !IANAZone.isValidZone(typed)) return undefined;
  return new Intl.DateTimeFormat('en-US', { timeZone: typed }).resolvedOptions().timeZone;
}

/** The label key of a common zone, or undefined for any other zone (shown by its IANA name). */
export function commonZoneKey(zone: string): string | undefined {
  return COMMON_ZONES.find((z) => z.zone === zone)?.key;
}
