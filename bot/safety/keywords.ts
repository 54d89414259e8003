/**
 * SMS keywords (CONTENT.md, "SMS rules"): opt-out, opt-in and help, in English
 * and Spanish. Pure; the safety gate decides what to do with a match.
 *
 * Two forms:
 * - a carrier keyword as the whole message ("STOP", "baja.", "No más!"), in
 *   any case, with surrounding whitespace, punctuation, emoji and a "please"
 *   ("STOP please", "por favor BAJA") tolerated;
 * - a plain-language opt-out request anywhere in the message ("please stop
 *   texting me", "no me manden más mensajes"). The word "stop" inside an
 *   unrelated sentence ("I stopped at the store", "I want to stop drinking")
 *   is not one.
 *
 * The gate must run the crisis screen first: "stop texting me, I want to die"
 * is a crisis before it is an opt-out.
 */
import type { Language } from '../i18n';
import { foldForMatching, stripAccents } from './normalize';
import { compilePattern } from './phraseMatcher';

export type SmsKeywordClass = 'opt_out' | 'opt_in' | 'help';

export interface SmsKeywordMatch {
  readonly kind: SmsKeywordClass;
  /** The language the words imply; undefined when both languages use them ("INFO"). */
  readonly language?: Language;
  /** AYUDA is also the Spanish crisis keyword of 988 and Crisis Text Line: its reply carries the crisis lines. */
  readonly alsoCrisisLines: boolean;
  /**
   * CANCEL / CANCELAR alone. On the `sms` channel CONTENT.md makes it an
   * opt-out keyword; inside a dialog the conversation layer also reads it as
   * "cancel this dialog". The caller decides by channel; this flag says the
   * ambiguity exists.
   */
  readonly alsoDialogCancel: boolean;
  readonly form: 'keyword' | 'request';
}

interface KeywordSpec {
  readonly kind: SmsKeywordClass;
  readonly language?: Language;
  readonly alsoCrisisLines?: true;
  readonly alsoDialogCancel?: true;
}

/** Whole-message keywords, written folded: lower case, no accents, single spaces. */
const KEYWORDS: ReadonlyMap<string, KeywordSpec> = new Map<string, KeywordSpec>([
  ...['stop', 'stopall', 'stop all', 'unsubscribe', 'end', 'quit', 'revoke', 'optout', 'opt out'].map(
    (k) => [k, { kind: 'opt_out', language: 'en' }] as const,
  ),
  ['cancel', { kind: 'opt_out', language: 'en', alsoDialogCancel: true }],
  ...['parar', 'alto', 'baja', 'no mas'].map((k) => [k, { kind: 'opt_out', language: 'es' }] as const),
  ['cancelar', { kind: 'opt_out', language: 'es', alsoDialogCancel: true }],
  ...['start', 'unstop'].map((k) => [k, { kind: 'opt_in', language: 'en' }] as const),
  ...['reanudar', 'iniciar'].map((k) => [k, { kind: 'opt_in', language: 'es' }] as const),
  ['help', { kind: 'help', language: 'en' }],
  ['info', { kind: 'help' }],
  ['ayuda', { kind: 'help', language: 'es', alsoCrisisLines: true }],
]);

/** Courtesy words that may wrap a keyword: "STOP please", "por favor BAJA". */
const COURTESY = /^(?:(?:please|pls|plz|por favor|porfa|porfavor)\s+)?(.+?)(?:\s+(?:please|pls|plz|por favor|porfa|porfavor|thanks|thank you|gracias))?$/;

/**
 * Plain-language opt-out requests (folded-text patterns, see phraseMatcher.ts).
 * Requests that only limit *when* we text ("don't text me after 9") are not
 * opt-outs: they need "anymore"/"más" or to end the sentence.
 */
const END = '(?= \\.|$)';
const REQUESTS: readonly { language: Language; patterns: readonly string[] }[] = [
  {
    language: 'en',
    patterns: [
      '(?:stop|quit) (?:texting|txting|messaging|msging|contacting|bothering|spamming) (?:me|us|this number)',
      '(?:please|pls|plz) (?:stop|quit) (?:texting|txting|messaging|msging)',
      '(?:stop|quit) sending (?:me )?(?:these |the |your |any |all |those )?(?:messages|texts|txts|msgs|reminders|check ?ins)',
      '(?:dont|do not|never) (?:text|txt|message|msg|contact) (?:me|this number) (?:again|anymore|any more|ever again)',
      `(?:dont|do not|never) (?:text|txt|message|msg|contact) (?:me|this number)${END}`,
      'unsubscribe|unsub',
      `opt (?:me )?out(?: of (?:these |the |your |this )?(?:texts|messages|msgs|sms|this))?${END}`,
      '(?:take|remove|delete) (?:me|my number) (?:off|from) (?:the|your|this) (?:list|texts|texting list|mailing list|messages)',
      'no more (?:texts|messages|msgs|txts)',
      '(?:dont|do not) want (?:these|your|any more|anymore|any|the) (?:texts|messages|msgs|txts)',
      '(?:dont|do not) want to (?:get|receive) (?:these |your |any |the )?(?:texts|messages|msgs|txts) (?:anymore|any more)',
    ],
  },
  {
    language: 'es',
    patterns: [
      'no me (?:manden|mande|envien|envie|escriban|escriba|texteen|textee) mas',
      'ya no me (?:manden|mande|envien|envie|escriban|escriba|texteen|textee)',
      `no me (?:manden|mande|envien|envie) (?:mensajes|textos)${END}`,
      '(?:ya )?no quiero (?:recibir )?(?:mas )?(?:mensajes|textos)',
      '(?:dejen|deje) de (?:escribirme|mandarme|enviarme|textearme|mandar me|enviar me|escribir me)',
      '(?:darme|dar me|denme|deme|me doy|quiero darme) de baja',
      '(?:sacarme|saquenme|saqueme|borrenme|borreme|quitenme|quiteme|borrarme|quitarme) de (?:la|su|esta) lista',
      '(?:paren|pare|detengan) (?:los mensajes|de escribirme|de mandarme)',
      'cancelar (?:los|mis|estos|sus) (?:mensajes|textos)',
    ],
  },
];

const compiledRequests = REQUESTS.map((r) => ({ language: r.language, regexes: r.patterns.map((p) => compilePattern(p)) }));

/** "  No MÁS!! " → "no mas"; "STOP 🙏" → "stop". */
function foldWholeMessage(text: string): string {
  return stripAccents(text).replace(/[^a-z0-9]+/g, ' ').trim();
}

function wholeMessageKeyword(text: string): SmsKeywordMatch | undefined {
  const folded = foldWholeMessage(text);
  const spec = KEYWORDS.get(folded) ?? KEYWORDS.get(folded.match(COURTESY)?.[1] ?? '');
  if (!spec) return undefined;
  return {
    kind: spec.kind,
    language: spec.language,
    alsoCrisisLines: spec.alsoCrisisLines === true,
    alsoDialogCancel: spec.alsoDialogCancel === true,
    form: 'keyword',
  };
}

function optOutRequest(text: string): SmsKeywordMatch | undefined {
  const folded = foldForMatching(text);
  const hit = compiledRequests.find((r) => r.regexes.some((re) => re.test(folded)));
  if (!hit) return undefined;
  return { kind: 'opt_out', language: hit.language, alsoCrisisLines: false, alsoDialogCancel: false, form: 'request' };
}

/** The keyword a message is, with what it implies; undefined for ordinary messages. */
export function matchSmsKeyword(text: string): SmsKeywordMatch | undefined {
  return wholeMessageKeyword(text) ?? optOutRequest(text);
}

export function classifySmsKeyword(text: string): SmsKeywordClass | undefined {
  return matchSmsKeyword(text)?.kind;
}

/** True for AYUDA as the whole message: reply with program help *and* the crisis lines. */
export function isAyuda(text: string): boolean {
  return matchSmsKeyword(text)?.alsoCrisisLines === true;
}
