/**
 * "Talk to my counsellor": a participant asking for a person, in English or
 * Spanish, in their own words. Read as a whole short message made of three
 * parts, so the kind of request is recognised rather than a list of phrases:
 *
 *   [a wish or a question: I want / I need / can I / please / quiero /
 *   necesito / me gustaría / ¿puedo?] + a way of talking (talk to, speak
 *   with, chat with, contact, call me, hablar con, comunicarme con, que me
 *   llame) + a person (my counsellor, a therapist, someone, a real person,
 *   my care team, mi consejero(a), alguien, una persona, mi equipo).
 *
 * "I talked to my counselor" (past), "I don't want to talk to anyone" and
 * "no quiero hablar con nadie" (refusals) are not requests. The safety gate
 * reads every message before this: a plea in crisis never lands here.
 *
 * Pure, no botbuilder: the command recogniser asks it (bot/turn/commands.ts).
 */

/** Lower case, no accents or punctuation: "¿Puedo hablar con mi consejero(a)?" → "puedo hablar con mi consejero a". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const alternatives = (words: readonly string[]) => words.map((w) => w.replace(/ /g, '\\s+')).join('|');

/** Ways of asking to be in touch with someone. */
const TALK = [
  'talk', 'speak', 'chat', 'text', 'get in touch', 'be in touch', 'contact', 'reach', 'connect',
  'hablar', 'platicar', 'conversar', 'charlar', 'comunicarme', 'contactar', 'contactarme', 'escribirle', 'hablarle',
];
/** Being called or written back, with the person as the subject ("can my counselor call me", "que alguien me llame"). */
const CALL_ME = ['call me', 'text me', 'contact me', 'reach out to me', 'reach me', 'get back to me', 'me llame', 'me llamen', 'me hable', 'me escriba', 'me contacte', 'llamarme'];
/** Who: the care team or any human rather than the bot. */
const PERSON = [
  'counselor', 'counsellor', 'counselors', 'counsellors', 'therapist', 'clinician', 'case manager', 'care team', 'team', 'staff',
  'nurse', 'doctor', 'social worker', 'provider', 'someone', 'somebody', 'anyone', 'anybody', 'person', 'human', 'people',
  'consejero', 'consejera', 'consejeros', 'consejero a', 'consejeroa', 'terapeuta', 'equipo', 'equipo de atencion', 'personal',
  'enfermera', 'enfermero', 'doctora', 'medico', 'medica', 'trabajador social', 'trabajadora social', 'alguien', 'persona', 'humano',
  'ser humano', 'psicologo', 'psicologa',
];
const DETERMINER = ['my', 'a', 'an', 'the', 'real', 'live', 'actual', 'someone from my', 'somebody from my', 'someone on my', 'mi', 'mis', 'un', 'una', 'el', 'la', 'de verdad', 'real', 'alguien de mi'];

const target = `(?:(?:${alternatives(DETERMINER)})\\s+)*(?:${alternatives(PERSON)})`;
const talkTo = `(?:${alternatives(TALK)})(?:\\s+(?:to|with|con|a))?\\s+${target}`;
const calledBy = `${target}\\s+(?:(?:to|can|could|would|please|que|puede|pueda|podria)\\s+)*(?:${alternatives(CALL_ME)})`;
const PHRASE = new RegExp(`(?:^|\\s)(?:${talkTo}|${calledBy})(?:\\s|$)`);
/** "I need a person", "quiero una persona", "counselor please": asking for the person alone. */
const PERSON_ALONE = new RegExp(`^(?:(?:i|yo|please|pls|por favor|can i|could i|may i|i want|i need|i would like|id like|quiero|necesito|quisiera|me gustaria)\\s+)*(?:have|get|see|ver|tener)?\\s*${target}(?:\\s+(?:please|pls|por favor|now|ahora))*$`);
/** Refusals and reports: "I don't want to talk to anyone", "nadie", "talked", "I spoke". */
const NOT_A_REQUEST = /\b(?:dont|do not|not|never|no quiero|no necesito|no puedo|nunca|nadie|ni|talked|spoke|chatted|hable con|habl[eo] con|called me|me llamo)\b/;

/** Longer messages tell more than a request: the dialogs and the gate read those. */
const MAX_WORDS = 16;

export function isContactRequest(text: string | undefined): boolean {
  if (!text) return false;
  const folded = fold(text);
  if (!folded || folded.split(' ').length > MAX_WORDS || NOT_A_REQUEST.test(folded)) return false;
  return PHRASE.test(folded) || PERSON_ALONE.test(folded);
}
