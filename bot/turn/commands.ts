/**
 * The commands a participant may type as a whole message ("menu", "my plan",
 * "español"), in either language. One home for the dialogs, which act on
 * them, and the safety gate, which does not ask its risk question about the
 * bot's own commands on a classifier score alone.
 */
import { isContactRequest } from '../careTeam/contactRequest';
import { normalizeReply } from '../channels/replyText';
import { Language } from '../i18n';

/** Where a command leads: the main menu's entries (their order is the menu's: dialogs/mainIntents.ts) and those words alone reach. */
export const COMMAND_DESTINATIONS = ['checkin', 'tip', 'sessions', 'settings', 'plan', 'more', 'lesson', 'progress', 'contact', 'help', 'planAdd'] as const;
export type Destination = (typeof COMMAND_DESTINATIONS)[number];

export function isDestination(value: unknown): value is Destination {
  return typeof value === 'string' && (COMMAND_DESTINATIONS as readonly string[]).includes(value);
}

export type Intent =
  | { kind: 'menu' }
  | { kind: 'cancel' }
  | { kind: 'greeting' }
  | { kind: 'language'; language: Language }
  | { kind: 'go'; destination: Destination };

/**
 * Commands a participant may type instead of picking from the menu, in either
 * language, already normalized (see normalizeReply: lower case, no accents or
 * punctuation, "check-in" → "check in"). Whole messages only, so a check-in
 * note that mentions "help" is never taken for a command. These are for
 * reading replies, never shown, so they live here rather than in locales.
 *
 * The safety gate reads every message first: on SMS, CANCEL/CANCELAR are opt-out
 * keywords and HELP/INFO/AYUDA get the program help (CONTENT.md SMS rules), so
 * those never arrive here from SMS. Left out on purpose: "help me"/"ayúdame"
 * (a plea, not a command: never answer it with a menu) and HOME (a crisis line keyword).
 */
const WORDS: ReadonlyArray<readonly [Intent, readonly string[]]> = [
  [{ kind: 'menu' }, ['menu', 'main menu', 'the menu', 'menu principal', 'el menu', 'options', 'opciones', 'start over', 'empezar de nuevo']],
  [{ kind: 'cancel' }, ['cancel', 'cancel that', 'cancelar', 'never mind', 'nevermind', 'nvm', 'exit', 'salir', 'olvidalo', 'dejalo']],
  [
    { kind: 'greeting' },
    [
      'hi', 'hello', 'hey', 'hiya', 'good morning', 'good afternoon', 'good evening',
      'hola', 'buenas', 'buenos dias', 'buenas tardes', 'buenas noches', 'que tal', 'hola buenas',
    ],
  ],
  [
    { kind: 'language', language: 'es' },
    ['espanol', 'spanish', 'en espanol', 'in spanish', 'castellano', 'spanish please', 'espanol por favor', 'cambiar a espanol'],
  ],
  [
    { kind: 'language', language: 'en' },
    ['english', 'ingles', 'en ingles', 'in english', 'english please', 'ingles por favor', 'switch to english'],
  ],
  [
    { kind: 'go', destination: 'checkin' },
    [
      'check in', 'checkin', 'check ins', 'daily check in', 'do my check in', 'start check in',
      'registro', 'registro diario', 'mi registro', 'hacer registro', 'hacer mi registro', 'registrarme', 'chequeo',
    ],
  ],
  [
    { kind: 'go', destination: 'tip' },
    [
      'tip', 'tips', 'coping tip', 'coping tips', 'coping', 'skill', 'skills', 'another tip', 'a tip',
      'consejo', 'consejos', 'otro consejo', 'un consejo', 'habilidad', 'habilidades',
    ],
  ],
  [
    { kind: 'go', destination: 'sessions' },
    [
      'sessions', 'session', 'my sessions', 'schedule', 'my schedule', 'appointments', 'next session',
      'sesiones', 'sesion', 'mis sesiones', 'horario', 'mi horario', 'citas', 'mis citas', 'proxima sesion',
    ],
  ],
  [
    { kind: 'go', destination: 'lesson' },
    [
      'lesson', 'lessons', 'my lesson', 'this weeks lesson', 'weekly lesson', 'todays lesson', 'the lesson',
      'leccion', 'lecciones', 'mi leccion', 'leccion de la semana', 'la leccion', 'lectura semanal', 'mi lectura semanal',
    ],
  ],
  [
    { kind: 'go', destination: 'progress' },
    [
      'how am i doing', 'how am i doing so far', 'how have i been doing', 'my progress', 'progress', 'show my progress', 'how im doing',
      'mi progreso', 'progreso', 'como voy', 'como me va', 'como estoy avanzando', 'ver mi progreso', 'mi avance',
    ],
  ],
  [
    { kind: 'go', destination: 'plan' },
    [
      'my plan', 'plan', 'safety plan', 'my safety plan', 'show my plan', 'show me my plan', 'see my plan',
      'mi plan', 'plan de seguridad', 'mi plan de seguridad', 'ver mi plan', 'mostrar mi plan', 'muestreme mi plan',
    ],
  ],
  [
    { kind: 'go', destination: 'planAdd' },
    [
      'add to my plan', 'add to plan', 'add to my safety plan', 'add something to my plan',
      'agregar a mi plan', 'agregar al plan', 'agregar a mi plan de seguridad', 'anadir a mi plan', 'agregar algo a mi plan',
    ],
  ],
  [
    { kind: 'go', destination: 'settings' },
    [
      'settings', 'setting', 'preferences',
      'ajustes', 'configuracion', 'configurar', 'preferencias',
    ],
  ],
  [{ kind: 'go', destination: 'more' }, ['more', 'more options', 'other options', 'mas', 'mas opciones', 'otras opciones']],
  [{ kind: 'go', destination: 'help' }, ['help', 'what can you do', 'commands', 'que puedes hacer', 'que puede hacer', 'comandos']],
];

const BY_PHRASE: ReadonlyMap<string, Intent> = new Map(WORDS.flatMap(([intent, phrases]) => phrases.map((p) => [p, intent] as const)));

/** The command a whole message gives, if it is one; a request for a person in any words is one too. */
export function recognizeIntent(text: string | undefined): Intent | undefined {
  if (!text) return undefined;
  return BY_PHRASE.get(normalizeReply(text)) ?? (isContactRequest(text) ? { kind: 'go', destination: 'contact' } : undefined);
}
