import type { Destination } from '../bot/turn/commands';

/**
 * The main menu's entries, in the order shown. On SMS the menu, greeting by a
 * long accented name included, has room for six within 2 segments (UCS-2):
 * further entries sit under "More". What typed words lead where is
 * bot/turn/commands.ts; "add to my plan" is reached by words alone.
 */
export const DESTINATIONS = ['checkin', 'tip', 'sessions', 'settings', 'plan', 'more'] as const satisfies readonly Destination[];
/** The second menu, behind "More". */
export const MORE_DESTINATIONS = ['lesson', 'progress', 'contact', 'help'] as const satisfies readonly Destination[];
