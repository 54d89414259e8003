import { countSegments } from '../channels/smsSegments';

/**
 * Packs lines (a heading, then items) into SMS texts of at most 2 segments
 * each (CONTENT.md, SMS rules). The segment counter is exact but costs a few
 * milliseconds a call, and packing a long plan would ask it for every word;
 * so it is asked once per line for its encoding, and sizes are added up from
 * there, with room kept for the pair the counter never splits across parts:
 * - GSM-7: 2 × 153 septets, an extension character (€ [ ] { } ~ ^ \ |) counting 2;
 * - UCS-2 (any line with á í ó ú, emoji …): 2 × 67 UTF-16 units.
 */
const GSM_ROOM = 2 * 153 - 2;
const UCS2_ROOM = 2 * 67 - 2;
const GSM_EXTENSION = /[€[\]{}~^\\|\f]/g;

interface Sized {
  text: string;
  ucs2: boolean;
}

function sized(text: string): Sized {
  // Printable ASCII without extension characters is GSM-7: no need to ask.
  const ascii = /^[\x20-\x7e\n]*$/.test(text) && !/[[\]{}~^\\|]/.test(text);
  return { text, ucs2: ascii ? false : countSegments(text).encoding === 'UCS-2' };
}

function join(a: Sized, b: Sized): Sized {
  return { text: `${a.text}\n${b.text}`, ucs2: a.ucs2 || b.ucs2 };
}

function fits(m: Sized): boolean {
  if (m.ucs2) return m.text.length <= UCS2_ROOM;
  return m.text.length + (m.text.match(GSM_EXTENSION)?.length ?? 0) <= GSM_ROOM;
}

/**
 * The texts of one part: `heading` then as many items as fit; the rest goes
 * on under `moreHeading`. An item too long for one text is cut between words
 * (and a very long "word" between characters).
 */
export function packLines(heading: string, moreHeading: string, items: string[]): string[] {
  const more = sized(moreHeading);
  const texts: string[] = [];
  let current = sized(heading);
  let hasItems = false;
  const flush = () => {
    texts.push(current.text);
    current = more;
    hasItems = false;
  };
  for (const item of items) {
    const line = sized(item);
    if (fits(join(current, line))) {
      current = join(current, line);
      hasItems = true;
      continue;
    }
    if (hasItems) flush();
    if (fits(join(current, line))) {
      current = join(current, line);
      hasItems = true;
      continue;
    }
    // Longer than a whole text: pieces that each fit under the "(more)" heading, the longer of the two.
    for (const piece of cut(line, more)) {
      if (hasItems && !fits(join(current, piece))) flush();
      current = join(current, piece);
      hasItems = true;
    }
  }
  texts.push(current.text);
  return texts;
}

/** The longest runs of words that fit under `heading`, found by halving. */
function cut(line: Sized, heading: Sized): Sized[] {
  const words = line.text.split(/\s+/).flatMap((w) => chunk(Array.from(w), 40).map((c) => c.join('')));
  const pieces: Sized[] = [];
  let start = 0;
  while (start < words.length) {
    let low = start + 1;
    let high = words.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (fits(join(heading, { text: words.slice(start, mid).join(' '), ucs2: line.ucs2 }))) low = mid;
      else high = mid - 1;
    }
    pieces.push({ text: words.slice(start, low).join(' '), ucs2: line.ucs2 });
    start = low;
  }
  return pieces;
}

/** Does `a` followed by `b` on the next line fit one text? */
export function fitsTogether(a: string, b: string): boolean {
  return fits(join(sized(a), sized(b)));
}

function chunk<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));
}
