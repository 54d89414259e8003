/**
 * The crisis lexicon: explicit crisis phrases, one part of the risk screen
 * (bot/safety/risk.ts; the slot grammar is risk/grammarRules.ts, the weak
 * cues risk/weakCues.ts, the context cues risk/contextCues.ts). Data, not
 * code; a clinician reviewing it needs to know only this:
 *
 * - Each pattern is a regular expression over *folded* text: lower case, no
 *   accents, no apostrophes ("dont", "im"), doubled letters collapsed, SMS
 *   spellings read as words, common misspellings merged (normalize.ts),
 *   words separated by one space, "." for a sentence boundary. Write words in
 *   ordinary spelling ("kill", "sueño"): they are folded the same way.
 * - A pattern matches whole words only. `${GAP}` allows up to two filler words
 *   ("want to just die"); `${END}` means "end of the sentence or message".
 * - Entries are tried in order; the first hit names the kind of danger and
 *   the entry id (the id, never the text, goes to logs and flags).
 * - Every entry is checked whatever the participant's language: people mix.
 * - IDIOMS are blanked out *before* the crisis patterns run, so "me muero de
 *   risa" or "dying to see the game" never reach them. Blanking removes only the
 *   idiom, so real crisis words elsewhere in the same message still match.
 *
 * Policy (CONTENT.md: err towards recall; the question tier is cheap):
 * - A phrase here is the crisis tier (the safety episode) unless context
 *   lowers it to the question tier (risk/contextCues.ts): a negation ("I'm
 *   not suicidal", "no quiero morirme"), a recovered past ("I used to want
 *   to die"), a film or group topic ("we talked about suicide prevention"),
 *   an accident ("me corté pelando papas"), a joking threat with no violence
 *   in the message ("my mom is gonna kill me when she sees the car").
 *   Lowered, it is asked about only when the trained model also sees risk.
 * - Negation that is itself the risk is never a negation: "I don't want to
 *   live", "no quiero vivir", "I don't feel safe", "no one would miss me".
 * - A threat from a partner, an ex, "he" or "she" is never a joke, with or
 *   without an "if": "he said he'd kill me if I leave" is the crisis tier.
 * - `mention` entries are topic words; the rest say what someone will do.
 */
import type { PatternGroup, SpellingTolerance } from './phraseMatcher';
import type { DangerKind } from './risk/types';

export interface CrisisLexiconEntry extends PatternGroup {
  readonly kind: DangerKind;
  /**
   * The entry names a topic ("suicide", "overdose", "self-harm") rather than
   * saying what the person will do: talk about a film, a group session or
   * prevention work (risk/contextCues.ts) lowers it to the question tier.
   */
  readonly mention?: true;
}

/** Up to two filler words, never across a sentence boundary. */
const GAP = '(?:[a-z0-9]+ ){0,2}';
/** End of the sentence or of the message. */
const END = '(?= \\.|$)';

// Shared vocabulary (English).
const MYSELF = '(?:myself|my self|meself)';
const TAKE = '(?:took|taken|take|taking|swallowed|swallow|ate|popped|pop|downed|did|had)';
const MANY = '(?:too many|to many|too much|to much|a lot of|alot of|lots of|a bunch of|bunch of|a handful of|handful of|like [0-9]{2,}|[0-9]{2,}|a whole|the whole|an entire|the entire|whole|entire|double)';
const PILLS = '(?:pills?|meds|medication|medications|medicine|tablets?|xanax|bars|percs?|perc30s|oxys?|tylenol|advil|benzos|methadone|suboxone|sleeping pills)';
const SUBJECT = '(?:i|im|i am|ive|he|hes|she|shes|they|theyre|someone|somebody|friend|roommate|brother|sister|son|daughter|boyfriend|girlfriend|bf|gf|husband|wife|partner|mom|dad|cousin)';
const ATTACKER = '(?:he|hes|she|shes|they|theyre|someone|somebody|partner|husband|wife|boyfriend|girlfriend|bf|gf|ex|dad|father|stepdad|mom|mother|brother|neighbor|guy|man)';
const WEAPON = '(?:gun|pistol|rifle|shotgun|firearm|weapon|knife)';

/** After "don't want to live": a way of living or a place, which the program is there to change. */
const NOT_A_WAY_OF_LIVING_EN =
  '(?! like (?:this|that)| this way| that way| with (?:him|her|them|my|this|that|the|these|those)| without| in (?:this|that|the|my|a|an) (?!world)| there| alone| near)';

// Shared vocabulary (Spanish).
/** After "no quiero seguir viviendo": a way of living or a place (así, con la bebida, en esa casa). */
const NOT_A_WAY_OF_LIVING_ES =
  '(?! asi| de esta manera| de esa manera| de este modo| como (?:estoy|vivo|ahora|antes|hasta ahora)| con (?:esta|este|esa|ese|la|el|mi|mis|tanta|tanto|tantas|tantos)| sin| en (?:casa|(?:esta|este|esa|ese|la|el|mi|su) (?!mundo|vida|tierra)))';
const QUIERO = '(?:quiero|kiero|qiero|quero|quisiera|kisiera|queria|deseo|desearia|prefiero|preferiria|ganas de|pienso en|pensando en|voy a|vo a|me voy a|me dan ganas de|necesito)';
const TOMAR = '(?:me tome|tome|me trague|trague|me meti|me he tomado|me acabo de tomar|se tomo|se trago|se metio|me las tome)';
const PASTILLAS = '(?:pastillas|pastis|pildoras|tabletas|medicinas|medicamentos|calmantes|pastillas para dormir|xanax|clonazepam|rivotril|alprazolam|tramadol|oxis?|percocet|tylenol|ibuprofeno|paracetamol|acetaminofen|aspirinas)';
const LUGAR_ALTO = '(?:puente|edificio|techo|azotea|balcon|ventana|tren|metro|carro|camion|vias|precipicio|barranco|rio)';
const AGRESOR = '(?:mi (?:esposo|esposa|marido|pareja|novio|novia|ex|padrastro|papa|mama|hermano|vecino)|ella|alguien|un hombre|un tipo)';

export const CRISIS_LEXICON: readonly CrisisLexiconEntry[] = [
  // ── Overdose: a medical emergency, checked first ─────────────────────────
  {
    id: 'overdose.word',
    kind: 'overdose',
    mention: true,
    patterns: ['over ?dos(?:e|ed|es|ing)', 'sobre ?dosis'],
  },
  {
    id: 'overdose.od',
    kind: 'overdose',
    mention: true,
    patterns: [`${SUBJECT} (?:(?:just|almost|might|may|have|has|had|prob|probably|think|literally|nearly) ){0,3}(?:od|oded|oding|odin)`, '(?:od|oded|oding) on'],
  },
  {
    id: 'overdose.too_many_en',
    kind: 'overdose',
    patterns: [
      `${TAKE} ${GAP}${MANY} ${GAP}${PILLS}`,
      `${TAKE} ${GAP}all (?:of )?(?:my|the|his|her) ${PILLS} (?:at once|at the same time|together|in one go)`,
      `${TAKE} ${GAP}(?:days|weeks|week|month|months) (?:worth )?of (?:my )?${PILLS}`,
      // Someone else's pills, all of them.
      `${TAKE} ${GAP}all (?:of )?(?:my )?(?:[a-z]+s|his|her|their) ${PILLS}`,
      // "I took all my pills" is ambiguous: recall wins, unless it plainly reports adherence.
      `${TAKE} ${GAP}all (?:of )?my ${PILLS}(?! (?:today|this morning|this evening|tonight|yesterday|on time|as prescribed|like (?:i was|im) supposed|for the day|every day))`,
      '(?:swallowed|took|downed) (?:the|a|my) (?:whole |entire )?bottle(?! of (?:water|wine|beer|vodka|tequila|whiskey|liquor|soda|juice))',
      `(?:took|taken|used|shot up|shot|snorted|injected|smoked) (?:way )?(?:too much|to much|too many|to many)(?! time| of| energy| effort| space| work| money)`,
      `(?:going to|gonna|about to|want to|wanna) (?:swallow|take) ${GAP}(?:a bunch of|a handful of|a bottle of|the whole bottle|the bottle|all (?:of )?(?:my|the) ${PILLS} at once)`,
      `(?:mixed|mixing) ${GAP}(?:pills|xanax|benzos|bars|meds|fentanyl|fent|opioids|oxy|percs) ${GAP}(?:alcohol|drinking|booze|liquor|beer)`,
    ],
  },
  {
    id: 'overdose.unresponsive_en',
    kind: 'overdose',
    patterns: [
      '(?:not|isnt|is not|stopped|wont|cant|barely|hes not|shes not|aint) breathing',
      '(?:cant|can not|cannot) breathe',
      '(?:cant|can not|cannot|couldnt) wake (?:him|her|them|my [a-z]+) up',
      `${SUBJECT} ${GAP}(?:wont|isnt|is not|not) (?:wake|waking) up(?! for| on time| early| in time)`,
      `(?:lips|face|skin) ${GAP}blue(?! from (?:the |a |that |my )?(?:cold|slushie|popsicle|candy|freezing|water|pool|lake|snow|paint|marker|ink|raspberry|berries|blue))`,
      '(?:hes|shes|theyre|turned|turning|going|went|looks|looking) blue',
      `passed out (?:after|from) ${GAP}(?:used|using|taking|shooting|smoking|snorting|drinking|pills|dope|fent|fentanyl)`,
      '(?:he|hes|she|shes|theyre|friend|he is|she is) (?:is )?(?:unresponsive|not responding)',
      // Not "learned how to use narcan": IOP groups teach it.
      `(?<!how to |learn to |learned to )(?:need|needs|give|gave|giving|grab|used|use) (?:him |her |them |me |some )?(?:narcan|naloxone)(?! training| class| kit)`,
    ],
  },
  {
    id: 'overdose.too_many_es',
    kind: 'overdose',
    patterns: [
      `${TOMAR} ${GAP}(?:demasiadas|muchas|un monton de|un puno de|un punado de|varias|como [0-9]{2,}|[0-9]{2,}) ${GAP}${PASTILLAS}`,
      `${TOMAR} ${GAP}(?:un|el|una|la|todo el|toda la) (?:frasco|bote|caja|blister)`,
      `${TOMAR} ${GAP}todas (?:las|mis|sus) ${PASTILLAS} (?:de una vez|juntas|al mismo tiempo|de golpe)`,
      `(?:me meti|me inyecte|consumi|se metio|se inyecto) ${GAP}(?:demasiado|de mas)`,
      'me pase con (?:la dosis|las pastillas)',
      `${PASTILLAS} de (?:toda )?(?:la|una) (?:semana|mes)`,
      `${TOMAR} ${GAP}todas (?:las|mis) ${PASTILLAS} de (?:mi|su|la|el)`,
      // "Me tomé todas mis pastillas" is ambiguous: recall wins, unless it plainly reports adherence.
      `${TOMAR} ${GAP}todas (?:las|mis) ${PASTILLAS}(?! (?:de hoy|hoy|a tiempo|a la hora|como me (?:dijeron|indicaron)|de la manana|de la noche|del dia|ayer))`,
      `(?:voy a tomarme|me voy a tomar|quiero tomarme|me quiero tomar|voy a tragarme|me voy a tragar) ${GAP}(?:todas|demasiadas|un monton de|el frasco|un frasco|el bote|la caja)`,
    ],
  },
  {
    id: 'overdose.unresponsive_es',
    kind: 'overdose',
    patterns: [
      'no (?:respira|esta respirando|puede respirar|puedo respirar)',
      'dejo de respirar',
      'no (?:despierta|reacciona)(?! para| temprano| a tiempo)',
      '(?:se puso|esta|se esta poniendo) (?:morad[oa]|azul)',
      'labios (?:morados|azules)',
      '(?:necesito|necesita|denle|dale|le di|ponerle) (?:narcan|naloxona)',
    ],
  },

  // ── Immediate danger from someone else, or a weapon at hand ─────────────
  {
    id: 'danger.threat_en',
    kind: 'danger_from_other',
    patterns: [
      // Contractions fold: he'll → hell, she'll → shell, he'd → hed.
      `(?:going to|gonna|will|hell|shell|theyll|wants to|want to|trying to|tried to|try to|threatened to|threatening to|threatens to|about to|coming to|said hed|said shed|said he would|said she would) ${GAP}(?:kill|hurt|beat|shoot|stab|choke|strangle|rape|attack) (?:me|us|my kids|my children|my baby)`,
      `${ATTACKER} ${GAP}(?:hit|hits|hitting|beating|choked|chokes|choking|strangled|raped|attacked|punched|kicked|threatened|threatening|abusing|abused) (?:me|us)(?! out)`,
      `${ATTACKER} ${GAP}(?:beat|beats) (?:me|us) up`,
      `(?:im|i am|i feel|were|we are|feel) ${GAP}(?:not safe|unsafe|in danger)`,
      '(?:dont|do not|never) feel safe',
      `(?:throwing|threw|throws) ${GAP}at me`,
      '(?:wont|doesnt|will not|does not) let me (?:leave|go|out)',
      '(?:locked|locks) me (?:in|up)',
      'has me locked',
      `${ATTACKER} ${GAP}(?:touching|touches|touched|groping|gropes|groped|molesting|molested) me`,
      `${ATTACKER} ${GAP}(?:following|stalking|chasing) (?:me|us)`,
      '(?:someone|somebody) (?:broke|is breaking|is trying to break|trying to break) (?:in|into)',
      `${ATTACKER} ${GAP}(?:has|have|got|pulled|pulling|holding|pointing|pointed|with) (?:a |his |her |the )?${WEAPON}`,
      `(?:i|ive|i just|i have|i got) ${GAP}(?:have|got|bought|buy|holding|loaded|load) (?:a |my |the |his )?(?:gun|pistol|rifle|shotgun|firearm|weapon)`,
      `(?:want to|wanna|going to|gonna|about to|will|ill) (?:kill|hurt|shoot|stab) (?:someone|somebody|people|everyone|everybody)`,
      '(?:please |pls |plz |someone |somebody )call (?:911|the police|the cops|an ambulance)',
    ],
  },
  {
    id: 'danger.threat_es',
    kind: 'danger_from_other',
    patterns: [
      'me (?:va|van|quiere|quieren|amenazo con|amenaza con|amenazaron con|esta tratando de|trata de|intento|trato de) (?:a )?(?:matar|pegar|golpear|lastimar|hacer dano|violar|apunalar|disparar|ahorcar)',
      '(?:va|van|quiere|quieren) (?:a )?(?:matarme|golpearme|pegarme|lastimarme|hacerme dano|violarme)',
      `${AGRESOR} ${GAP}me (?:pega|pego|amenaza|amenazo|ataco)`,
      // "él" folds to the article "el" ("el sol me pegó"), so it only counts right before "me".
      'el me (?:pega|pego|amenaza|amenazo|ataco)',
      'me (?:golpea|golpeo|golpean|golpearon|maltrata|maltrato|ahorco|violo|violaron)',
      'me (?:esta|estan) (?:golpeando|pegando|amenazando|siguiendo|persiguiendo)',
      '(?:me amenazo|me amenaza|me amenazaron|amenazandome) con (?:un|una) (?:cuchillo|navaja|arma|pistola)',
      'alguien me (?:sigue|persigue)',
      'me (?:esta|estan) (?:aventando|tirando|lanzando)',
      'no me deja (?:salir|irme)',
      'me (?:tiene|tienen) encerrad[oa]',
      'me encerr(?:o|aron)',
      // Not "me toca" alone: "me toca trabajar" is "it's my turn to work".
      `(?:padrastro|padre|papa|tio|primo|novio|esposo|marido|pareja|hermano|jefe|vecino|ex) ${GAP}me (?:toca|toco|manosea|manoseo)(?! ir| trabajar| pagar| hacer| cocinar| a mi)`,
      '(?:abusa|abuso|abusaron|abusan) de mi',
      `(?:dijo|dice|amenazo) que ${GAP}${GAP}me (?:mata|va a matar|matara|mataria)`,
      'estoy en peligro',
      'corro peligro',
      'no estoy a salvo',
      'no me siento (?:a salvo|segur[oa])(?! de| si| que)',
      '(?:tengo|tiene|traigo|trae|compre|compro|consegui|consiguio|saco) (?:un|una|el|la|mi|su) (?:arma|pistola|rifle|escopeta)',
      '(?:tiene|trae|saco) (?:un|una) (?:cuchillo|navaja)',
      `(?:${QUIERO}) (?:matar|lastimar|hacerle dano) a (?:alguien|todos|la gente)`,
      '(?:llamen|llame|llamar) (?:a la policia|al 911|a una ambulancia)',
    ],
  },

  // ── Suicide ─────────────────────────────────────────────────────────────
  {
    id: 'suicide.word',
    kind: 'suicide',
    mention: true,
    patterns: ['suicid[a-z]*'],
  },
  {
    id: 'suicide.slang',
    kind: 'suicide',
    patterns: ['sewer ?slide', 'unalive[a-z]*', 'kys', '(?<![0-9] )kms', 'ctb'],
  },
  {
    id: 'suicide.kill_myself_en',
    kind: 'suicide',
    patterns: [
      `(?:kill|killing|killed|kills) ${MYSELF}`,
      `(?:end|ending|ended|take|taking|took) (?:my|my own) life`,
      '(?:end|ending) (?:it all|everything|things(?! with)|my suffering)',
      `(?:end|ending) (?:it|things)${END}`,
      `(?:hang|hanging|hung|shoot|shooting|shot|drown|drowning|poison|poisoning|suffocate|stab|stabbing) ${MYSELF}`,
      '(?:slit|slitting|slice|slicing|cut|cutting) (?:my )?(?:wrists?|throat)',
      `(?:jump|jumping|jumped|throw ${MYSELF}|throwing ${MYSELF}) (?:off|from|in front of|into|onto) ${GAP}(?:bridge|building|roof|train|bus|car|truck|traffic|cliff|balcony|overpass|tracks|river|window)`,
      `(?:step|stepping|walk|walking|run|running) (?:in front of|off) ${GAP}(?:bridge|building|roof|train|bus|car|truck|traffic|cliff|balcony|overpass|tracks)`,
      'walk (?:into|in front of) traffic',
      `(?:drive|driving|crash|crashing) (?:my car |the car )?(?:into|off) ${GAP}(?:bridge|cliff|wall|tree|pole|overpass|traffic)`,
      'crash (?:my car |the car )?on purpose',
      'gun to my head',
      'noose',
    ],
  },
  {
    id: 'suicide.want_to_die_en',
    kind: 'suicide',
    patterns: [
      `(?:want|wanted|wanting|wanna|wish|ready|deserve|gonna|going|about|plan|planning|trying|need|rather|hope i|should|let me) ${GAP}(?:die|be dead|dead)`,
      `(?:think|feel like|feels like) (?:im|i am|i m) dying`,
      'better off (?:dead|without me)',
      `(?:would|d|will|be) ${GAP}better (?:off )?without me`,
      'if i (?:died|die|was dead|were dead|was gone|were gone|disappeared|wasnt around|werent around|wasnt here|werent here)',
      `(?:after|once) (?:im|i am) (?:gone|dead)|when (?:im|i am) (?:dead|gone${END})`,
      // Not "live like this", "live with my mom": a way of living, asked about (weak cues), not the crisis tier.
      `(?:dont|do not|dnt|no longer|never|didnt|doesnt) (?:want|wana|wanna|wish) ${GAP}(?:(?:live|living)${NOT_A_WAY_OF_LIVING_EN}|be alive|exist|be here anymore|be here any more|be here${END}|wake up)`,
      '(?:tired|sick) of (?:living|life|being alive|existing)',
      'hate being alive',
      '(?:no reason|no point|no purpose) (?:to|in|for) (?:live|living|go on|going on|being alive|life)',
      'nothing (?:left )?to live for',
      'whats the point (?:of|in) (?:living|life|anything|going on|being alive|me)',
      'life (?:isnt|is not|aint|not) worth (?:living|it)',
      'not worth living',
      'life is pointless',
      'no way out',
      `(?:dont|cant|do not|cannot) see (?:the|a|any) (?:point|reason) (?:in|of|to|for) (?:living|life|going on|being alive|anything)`,
      `(?:standing|sitting|im|i am) on (?:the|a|this) (?:roof|ledge|bridge|edge|railing|overpass)`,
      '(?:bought|got|have|buying|tied) (?:a |the )?(?:rope|noose)',
      `(?:not going to|not gonna|wont|will not) make it (?:through|past|til|until) (?:the night|tonight|tomorrow|morning)`,
      `(?:think|thinking|thoughts) (?:about|of) (?:dying|death|being dead|killing myself|ending it)`,
      `tell (?:my [a-z]+|everyone|everybody|them|her|him) (?:that )?i (?:love|loved) (?:them|her|him|you)`,
      `tell (?:everyone|everybody|them|my [a-z]+) (?:that )?(?:im|i am|i was) sorry`,
      'my (?:own )?funeral',
      `(?:razor|blade|knife|gun|pills|rope) ${GAP}in my hand`,
      '(?:lethal|fatal|deadly) dose',
      `how (?:many|much) ${GAP}(?:would it take|it would take|does it take|would kill|to die|to od|to overdose)`,
      '(?:painless|easiest|quickest|best) way to (?:die|go|end it)',
      `(?:no one|nobody|noone) (?:would|will|wud|is going to|gonna|d) (?:even )?(?:miss me|notice if|care if)`,
      `(?:want|need|wish) (?:it|this|everything|it all|all of this|my life) (?:to )?(?:be over|end)${END}`,
      '(?:might|gonna|going to|about to|could) do something (?:stupid|dumb|drastic|crazy) (?:tonight|today|now)',
      '(?:scared|afraid|worried|terrified) (?:of|about) what i (?:might|could|will|would|ll|may) do',
      'my life is over',
      // Perceived burdensomeness: a core suicide risk factor.
      `(?:im|i am|feel like|feel like im|i feel like) (?:just |such )?a burden`,
      '(?:stop|stopped) existing',
      `(?:hope|wish|pray) ${GAP}(?:hits me|hit me|kills me|run me over|runs me over)`,
      '(?:get|got|getting) hit by a (?:car|bus|truck|train)',
      `(?:want|wanna|ready|wish i could) (?:to )?(?:be|go|join [a-z]+) ${GAP}${GAP}(?:in|to) heaven`,
      '(?:cant|can not|cannot) go on',
      '(?:cant|can not|cannot) (?:do|take|handle) (?:this|it|life) (?:anymore|any more|no more)',
      // Not a bare "didn't wake up": participants say that about missed check-ins.
      '(?:and|to) (?:never|not) wake up',
      'never wake up again',
      `(?:hope|wish|pray|want) ${GAP}(?:dont|didnt|wouldnt|wont|never|not) wake up`,
      'sleep forever',
      'disappear (?:forever|for good|permanently)',
      `(?:want|need|make|wish) ${GAP}(?:it all|everything|all this|all of this) (?:to )?(?:end|stop|be over)`,
      `(?:goodbye|good bye|farewell|suicide) (?:note|letter|message|text)s?`,
      `this is (?:my )?goodbye`,
      'goodbye (?:forever|everyone|everybody|world|cruel world)',
      `this is my last (?:message|text)${END}`,
      '(?:giving|gave|give) away (?:all )?my (?:stuff|things|belongings)',
      '(?:im|i am) done with (?:life|living|everything|it all)',
      `(?:wont|will not|not going to|not gonna) be (?:here|around) (?:much longer|tomorrow|anymore)`,
      // Preparation: means gathered, a date chosen.
      `(?:pills|gun|rope|razor|razors|blade|blades) ${GAP}(?:lined up|counted out)`,
      `(?:stockpiling|hoarding|saving up) ${GAP}(?:pills|meds)`,
      'plan and a (?:date|time)',
      '(?:pain|hurting|suffering|it all|everything|it|this|all of it) to (?:stop|end) (?:forever|for good|permanently)',
      'want my heart to stop',
    ],
  },
  {
    id: 'suicide.quiero_morir_es',
    kind: 'suicide',
    patterns: [
      'matar ?me',
      `me (?:quiero|kiero|qiero|voy a|vo a|pienso|quisiera|queria|dan ganas de) matar`,
      // Not a bare "me mató" ("ese chiste me mató"): accents fold away, so it reads like "me mato".
      `(?:mejor|hoy|ya|pues|entonces|ahorita) me mato${END}`,
      `si ${GAP}${GAP}me mato`,
      'quitar ?(?:me|se) la vida',
      'me (?:quiero|kiero|voy a|queria|quisiera) quitar la vida',
      'me quite la vida',
      '(?:acabar|terminar|termino|acabo|acabe|termine) con (?:mi vida|esta vida|mi existencia)',
      `(?:acabar|terminar|termino|acabo|acabe|termine) con todo(?= \\.|$| ya| hoy| esta noche| de una vez| para siempre)`,
      `${QUIERO}(?: ya)? (?:morir|morirme|morir me)`,
      `me (?:quiero|kiero|qiero|quisiera|queria|voy a) (?:ya )?morir`,
      'morir ?me',
      // Not a bare "¡me muero!": an everyday exclamation.
      '(?:siento que|creo que|como que|pienso que) me (?:muero|voy a morir|estoy muriendo)',
      'me estoy muriendo',
      'mejor me muero',
      'ojala (?:me )?(?:muera|muriera)',
      `(?:ojala|quisiera|desearia|deseo|preferiria|mejor) (?:estar |estuviera |estaria )?muert[oa]`,
      '(?:ojala|quisiera) no (?:haber nacido|existir|despertar)',
      '(?:dormir|dormirme|dormirse) y no (?:despertar|volver a despertar)',
      'no volver a despertar',
      'ojala no (?:despierte|despertara|amanezca|amaneciera)',
      // Not "no quiero seguir viviendo así / con la bebida / en esa casa": a way of living, asked about (weak cues), not the crisis tier.
      `no (?:quiero|kiero|qiero|quero|deseo) (?:seguir |ya )?(?:(?:vivir|viviendo|estar aqui|seguir aqui)${NOT_A_WAY_OF_LIVING_ES}|existir|estar viv[oa]|despertar|seguir en este mundo|seguir con vida)`,
      '(?:estarian|estaria|estarias|estarian todos) mejor sin mi',
      'soy (?:una|un) (?:carga|estorbo)',
      'mi vida (?:se acabo|ya se acabo|esta acabada|ya no sirve)',
      // Not "dejar de vivir así": wanting change is what the program is for.
      // Not "no quiero dejar de vivir": not wanting to stop living.
      '(?<!no (?:quiero|kiero|voy a|pienso|quisiera) )dejar de (?:existir|vivir)(?! asi| de| con| en| como)',
      `(?:quiero|quisiera|me quiero|me voy a|ojala pudiera) (?:ir|irme) ${GAP}${GAP}(?:de este mundo|al cielo|con dios)`,
      'ojala me (?:atropelle|atropellara|mate|matara|maten|mataran)',
      'dormir(?:me)? para siempre',
      'si (?:yo )?no (?:estuviera|existiera|hubiera nacido)',
      'si (?:yo )?(?:estuviera|estaria) muert[oa]',
      'si (?:yo )?me (?:muriera|muero)',
      `no ${GAP}sentido a (?:la vida|nada|vivir|mi vida|seguir)`,
      '(?:la vida|mi vida|vivir|seguir) no tiene sentido',
      'no tiene caso (?:seguir|vivir)',
      `no ${GAP}(?:el )?caso a (?:la vida|nada|vivir|mi vida|seguir)`,
      '(?:la vida|mi vida|vivir|seguir) no tiene caso',
      'no (?:le )?(?:veo|encuentro|hay|tengo) salida',
      `(?:quiero|quisiera|ojala) que (?:todo )?(?:se acabe|termine|acabe|se termine)${END}`,
      'que todo (?:se acabe|termine|se termine)',
      'nadie (?:me )?(?:extranaria|va a extranar|notaria|se daria cuenta)',
      '(?:mejor|ojala) (?:ni|no) (?:despierto|despertar|despierte|amanezco|amanezca)',
      `cuant[oa]s ${PASTILLAS} (?:necesito|se necesitan|son necesarias|para morir|para matarme)`,
      'dosis (?:letal|mortal)',
      `(?:miedo|temor) de lo que (?:pueda|puedo|vaya a) hacer`,
      '(?:navaja|cuchillo|pistola|arma|pastillas|soga|cuerda|rastrillo) en la mano',
      'no tiene sentido (?:vivir|seguir)',
      'no (?:tengo|hay|encuentro|le encuentro) (?:razon|razones|motivo|motivos|por que|para que) (?:para |de )?(?:vivir|seguir)',
      `no vale la pena (?:vivir|seguir|seguir viviendo|estar viv[oa])`,
      '(?:vivir|la vida|mi vida) no vale la pena',
      '(?:cansad[oa]|hart[oa]|me canse|me harte) de (?:vivir|la vida|estar viv[oa]|existir)',
      'estoy en (?:la azotea|el techo|el puente|la orilla del puente)',
      '(?:compre|tengo|consegui|amarre) (?:una|la) soga',
      'no (?:creo que )?(?:pase|llegue|voy a pasar|voy a llegar) (?:de esta noche|a manana)',
      `(?:diganle|dile|digale|diles) ${GAP}${GAP}que (?:los|las|la|lo) (?:quiero|amo)`,
      '(?:perdonenme|perdoname|perdon a) todos',
      `(?:ya )?no (?:puedo|aguanto|soporto) (?:mas|ni un dia mas)(?= \\.|$| con (?:esto|mi vida|la vida|esta vida|todo)| ya| esta vida| mi vida| asi| vivir)`,
      'no (?:aguanto|soporto) (?:esta|mi) vida',
      'ya no puedo (?:seguir|con mi vida|con la vida|vivir)',
      'desaparecer (?:para siempre|del mapa|de este mundo)',
      `(?:tirarme|aventarme|lanzarme|echarme|me tiro|me aviento|me lanzo|tirar me|aventar me) ${GAP}${LUGAR_ALTO}`,
      `me (?:voy a|quiero|kiero|dan ganas de) (?:tirar|aventar|lanzar|echar) ${GAP}${LUGAR_ALTO}`,
      '(?:colgarme|ahorcarme|colgar me|ahorcar me)',
      'me (?:voy a|quiero|kiero) (?:colgar|ahorcar)',
      '(?:pegar|dar|meter) ?me un (?:tiro|balazo)',
      'me (?:voy a|quiero|kiero) (?:pegar|dar|meter) un (?:tiro|balazo)',
      '(?:dispararme|envenenarme|disparar me)',
      '(?:cortarme|cortar me|me corto|me corte|me voy a cortar|me quiero cortar) las venas',
      `(?:estrellar|chocar|estrellarme|chocarme) ${GAP}a proposito`,
      'carta de despedida',
      '(?:esta es mi|mi ultima) despedida',
      'adios para siempre',
      `(?:este es|es) mi ultimo mensaje${END}`,
      '(?:regale|regalando|regalar|voy a regalar) (?:todas )?mis cosas',
    ],
  },

  // ── Self-harm ───────────────────────────────────────────────────────────
  {
    id: 'self_harm.word',
    kind: 'self_harm',
    mention: true,
    patterns: ['self ?harm(?:ing|ed)?', 'auto ?lesion[a-z]*', 'cutting (?:scars|marks)'],
  },
  {
    id: 'self_harm.en',
    kind: 'self_harm',
    patterns: [
      `(?:cut|cutting|cuts|burn|burning|burned|burnt|hurt|hurting|hurts|harm|harming|hit|hitting|punch|punching|scratch|scratching|starve|starving|bruise|punish|punishing) ${MYSELF}`,
      '(?:cut|cutting|slit|slitting|carve|carving|carved|scratch|scratching|burn|burning) (?:my |on my |up my )?(?:wrists?|arms?|thighs?|skin)',
      '(?:started|start|been|keep|back to|relapsed on|relapsed with|urge to|urges to) cutting',
      'cutting again',
      `(?:want|need|urge|urges) to cut${END}`,
      `(?:make|made|making) ${MYSELF} bleed`,
      `want ${GAP}bleed`,
      '(?:until|till|til) (?:it bleeds|i bleed|it bled|i bled|blood)',
    ],
  },
  {
    id: 'self_harm.es',
    kind: 'self_harm',
    patterns: [
      '(?:cortarme|cortar me|me corto|me corte|cortandome|me estoy cortando|me he cortado|me quiero cortar|me voy a cortar|me volvi a cortar)',
      '(?:lastimarme|lastimar me|me lastimo|me lastime|hacerme dano|hacer me dano|me hago dano|me hice dano|golpearme|quemarme|me quemo|me queme|herirme|castigarme)',
      'me (?:quiero|kiero|queria|quisiera|voy a|iba a|dan ganas de|daban ganas de|vuelvo a|volvi a) (?:lastimar|cortar|hacer dano|quemar|golpear)',
      `${QUIERO} sangrar`,
      'hasta (?:sangrar|que sangre|que me sale sangre|sacarme sangre)',
      'hacerme algo',
    ],
  },
];

/** Idioms blanked out before matching (see the header). English and Spanish. */
export const IDIOMS: readonly PatternGroup[] = [
  {
    id: 'idiom.dying_en',
    patterns: [
      '(?:die|died|dying|dead) (?:of|from) (?:laughter|laughing|boredom|embarrassment|cuteness|shame|hunger|thirst|heat|cold)',
      'dying (?:to|for)',
      `(?:phone|phones|battery|cell|laptop|plant|plants|car) ${GAP}(?:going to |gonna |about to |will |might )?(?:die|dying|dead|died)`,
      'dead (?:tired|serious|beat|asleep|wrong|set|last|end)',
      'to die for',
      'die laughing',
    ],
  },
  {
    id: 'idiom.everyday_en',
    patterns: [
      '(?:gonna|going to|will|hell|shell|ill) kill me (?:lol|lmao|haha|jk)',
      `hurt ${MYSELF} (?:at the gym|at work|lifting|playing|working out|running|exercising|skating|skiing|falling|moving)`,
      `(?:burned|burnt|burn|cut) (?:${MYSELF}|my (?:finger|hand|thumb)) (?:cooking|shaving|chopping|on the (?:stove|oven|pan|grill|iron))`,
      'in danger of',
      `(?:accidentally|by accident) (?:cut|burned|burnt|hurt) ${MYSELF}|(?:cut|burned|burnt|hurt) ${MYSELF} by accident`,
      'overdose (?:prevention|awareness|training|education|response)',
      'wake up (?:early|at|on time|in time|for|til|until|so)',
      'live (?:in (?:this|that|the|my|a|an) (?:city|town|house|apartment|place|neighborhood|state|area)|with (?:my|him|her|them|us|roommates|parents)|near|there|here|alone|together|far)',
    ],
  },
  {
    id: 'idiom.morir_es',
    patterns: [
      '(?:muero|muere|morir|morirme|muriendo|muerto|muerta|muertos|muertas|me muera|muriera) (?:de|del) (?:risa|la risa|hambre|sueno|frio|calor|ganas|verguenza|la verguenza|aburrimiento|cansancio|sed|envidia|amor|nervios|miedo|celos|pena|gusto|emocion|curiosidad|felicidad|alegria|flojera)',
      '(?:me |se |te |nos )?(?:muero|muere|mueren|morimos) por(?! (?:mi|ti|el|ella|usted|ustedes|ellos|dentro)(?![a-z]))',
    ],
  },
  {
    id: 'idiom.everyday_es',
    patterns: [
      '(?:me )?(?:corte|corto|cortar|cortarme|cortare|cortaba|cortando|cortarte) (?:el|la|las|los|mi|mis) (?:pelo|cabello|unas|barba|fleco|flequillo|dedo|puntas|cejas|melena|pelito)',
      `(?:corte|corto|cortarme|cortando) ${GAP}(?:cocinando|picando|pelando|rasurando|afeitando|con papel)`,
      '(?:lastime|lastimo|lastimarme|hice dano|golpee|queme|quemo|quemarme) (?:el|la|los|las|mi|mis) (?:rodilla|rodillas|espalda|pie|pies|tobillo|mano|manos|muneca|hombro|cuello|dedo|pierna|cabeza|lengua)',
      `(?:lastime|lastimo|lastimarme|hice dano|queme|quemo) ${GAP}(?:jugando|cocinando|en el trabajo|trabajando|haciendo ejercicio|en el gym|en el gimnasio|corriendo|con el sol|planchando)`,
      'despertar (?:temprano|a tiempo|a las|para)',
      // "sin querer": by accident.
      `(?:corte|lastime|queme|golpee|corto|lastimo|quemo|hice dano) sin querer`,
      // "se me cortó la llamada": the call dropped.
      'se me (?:corto|corta|cortaron)',
      '(?:queme|quemo|quemarme) con (?:el|la) (?:sarten|comal|plancha|estufa|horno|aceite|agua|cafe|olla)',
      'vivir (?:en (?:este|esta|ese|esa|el|la|un|una|otro|otra)(?! mundo| tierra)|con (?:mi|mis|el|la|ellos|ellas)|cerca|lejos|alla|aqui|ahi|solo|sola|juntos)',
    ],
  },
];

/**
 * Misspellings one edit away from these words count as the word:
 * "suicde", "sucidio", "suisidarme", "myslef", "ovrdose".
 */
export const SPELLING_TOLERANCE: SpellingTolerance = {
  anchors: ['myself', 'suicide', 'suicidal', 'suicidio', 'suicida', 'suicidarme', 'suicidarse', 'overdose', 'overdosed', 'overdosing', 'sobredosis'],
  realWords: ['overdoes', 'overdone'],
  minLength: 5,
};
