/**
 * A phone number or channel user id as staff see it by default: only the last
 * four characters, the rest as dots ("•••• 0123"). Enough to tell two people
 * apart on a call list; the whole value is shown only on an audited reveal.
 */
export function maskContact(value: string): string {
  const tail = Array.from(value.replace(/\s+/g, '')).slice(-4).join('');
  return `•••• ${tail}`;
}
