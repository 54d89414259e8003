/**
 * How a typed reply is compared with the words the bot knows (answer options,
 * commands): pure, shared by the dialogs' answer parsing and the turn's command
 * recogniser.
 */

/** Lower case, accents and punctuation gone, so "¡Sí!" and "si" compare equal; keeps 7.5, 7,5 and 7/10. */
export function normalizeReply(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/(\d)\s*½/g, '$1.5')
    .replace(/½/g, '0.5')
    .replace(/['’]/g, '')
    .replace(/(\p{L})-(?=\p{L})/gu, '$1 ')
    .replace(/[^\p{L}\p{N}\s.,/-]/gu, ' ')
    .replace(/(^|\s)[.,]+|[.,]+(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
