/**
 * The form of a name that search compares: lower case, accents and other
 * combining marks removed, runs of spaces made one. "Núñez" and "nunez", "MARÍA"
 * and "maria" have the same key, so a search typed on any keyboard finds the
 * person. Stored on the record (participant.searchName) so the store filters on it.
 */
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en-US').replace(/\s+/g, ' ').trim();
}
