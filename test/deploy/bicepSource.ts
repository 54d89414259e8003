/**
 * Just enough of Bicep's lexical rules to check the templates' structure without the Bicep
 * compiler (which this project cannot install: it ships through NuGet and GitHub releases only).
 * `code` is the source with comments and string contents blanked to spaces (same length, so an
 * offset in `code` is the same offset in `text`); string interpolations `${…}` stay as code.
 */
export interface BicepSource {
  file: string;
  text: string;
  code: string;
}

export class BicepSyntaxError extends Error {}

export function scanBicep(file: string, text: string): BicepSource {
  const out = text.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  const lineOf = (at: number) => text.slice(0, at).split('\n').length;
  // One entry per open string interpolation: how many `{` are open inside it.
  const interpolations: number[] = [];
  let inString = false;
  let i = 0;
  while (i < text.length) {
    if (inString) {
      if (text[i] === '\n') throw new BicepSyntaxError(`${file}:${lineOf(i)}: unterminated string`);
      if (text[i] === '\\') {
        blank(i, i + 2);
        i += 2;
      } else if (text.startsWith('${', i)) {
        blank(i, i + 2);
        interpolations.push(0);
        inString = false;
        i += 2;
      } else if (text[i] === "'") {
        inString = false;
        i++;
      } else {
        blank(i, i + 1);
        i++;
      }
      continue;
    }
    if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      blank(i, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) throw new BicepSyntaxError(`${file}:${lineOf(i)}: unterminated comment`);
      blank(i, end + 2);
      i = end + 2;
    } else if (text.startsWith("'''", i)) {
      const end = text.indexOf("'''", i + 3);
      if (end < 0) throw new BicepSyntaxError(`${file}:${lineOf(i)}: unterminated multi-line string`);
      blank(i + 3, end);
      i = end + 3;
    } else if (text[i] === "'") {
      inString = true;
      i++;
    } else if (text[i] === '}' && interpolations.length && interpolations[interpolations.length - 1] === 0) {
      interpolations.pop();
      blank(i, i + 1);
      inString = true;
      i++;
    } else {
      if (interpolations.length && text[i] === '{') interpolations[interpolations.length - 1]++;
      if (interpolations.length && text[i] === '}') interpolations[interpolations.length - 1]--;
      i++;
    }
  }
  if (inString || interpolations.length) throw new BicepSyntaxError(`${file}: a string or interpolation is not closed`);
  return { file, text, code: out.join('') };
}

/** Throws on the first bracket, brace or parenthesis that is not matched, with its line. */
export function checkBrackets(source: BicepSource): void {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const open: { char: string; at: number }[] = [];
  const lineOf = (at: number) => source.code.slice(0, at).split('\n').length;
  for (let i = 0; i < source.code.length; i++) {
    const c = source.code[i];
    if (c === '(' || c === '[' || c === '{') open.push({ char: c, at: i });
    else if (c in pairs) {
      const last = open.pop();
      if (!last || last.char !== pairs[c]) throw new BicepSyntaxError(`${source.file}:${lineOf(i)}: '${c}' does not close ${last ? `'${last.char}' of line ${lineOf(last.at)}` : 'anything'}`);
    }
  }
  if (open.length) throw new BicepSyntaxError(`${source.file}:${lineOf(open[0].at)}: '${open[0].char}' is never closed`);
}

/** The text between the `{` at `from` and its matching `}` (exclusive), in code form. */
export function blockAt(source: BicepSource, from: number): string {
  let depth = 0;
  for (let i = from; i < source.code.length; i++) {
    if (source.code[i] === '{') depth++;
    if (source.code[i] === '}' && --depth === 0) return source.code.slice(from + 1, i);
  }
  throw new BicepSyntaxError(`${source.file}: block at ${from} is never closed`);
}

/** The keys of an object literal's body: `a: x, b: y` or one per line, nested objects skipped. */
export function topLevelKeys(body: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let entryStart = true;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') depth--;
    else if (depth === 0 && (c === ',' || c === '\n')) entryStart = true;
    else if (depth === 0 && entryStart && /\w/.test(c)) {
      const key = /^(\w+)\s*:/.exec(body.slice(i));
      if (key) keys.push(key[1]);
      entryStart = false;
    }
  }
  return keys;
}

/** Names declared with a keyword at the start of a line (`param`, `var`, `resource`, `module`, `output`, `func`). */
export function declared(source: BicepSource, keyword: string): string[] {
  return [...source.code.matchAll(new RegExp(`^${keyword} (\\w+)\\b`, 'gm'))].map((m) => m[1]);
}
