/**
 * The time zones Puente's participants live in: the US zones first (the ones
 * the settings dialog offers as choices and the dashboard lists on top), then
 * every other IANA zone this runtime knows.
 */

/** The US zones; `key` names the label in settings:timeZone.zone. */
export const COMMON_ZONES = [
  { key: 'eastern', zone: 'America/New_York' },
  { key: 'central', zone: 'America/Chicago' },
  { key: 'mountain', zone: 'America/Denver' },
  { key: 'arizona', zone: 'America/Phoenix' },
  { key: 'pacific', zone: 'America/Los_Angeles' },
  { key: 'alaska', zone: 'America/Anchorage' },
  { key: 'hawaii', zone: 'Pacific/Honolulu' },
  { key: 'puertoRico', zone: 'America/Puerto_Rico' },
] as const;

/** Every other canonical IANA zone, A to Z (ICU's list, so it follows the Node version's tz data). */
export function otherZones(): string[] {
  const common = new Set<string>(COMMON_ZONES.map((z) => z.zone));
  return Intl.supportedValuesOf('timeZone').filter((zone) => !common.has(zone));
}
