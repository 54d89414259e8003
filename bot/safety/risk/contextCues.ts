/**
 * Context that lowers a crisis-tier phrase to the question tier, and
 * everyday wording that is not a risk at all.
 *
 * Clinical policy: lowering never silences. A negated, recovered, media,
 * accident or joking reading keeps the direct question (which carries 988);
 * only the safety episode and its urgent flag are kept for messages that
 * mean it. One question too many costs less than one crisis missed.
 *
 * - NEGATION: "I'm not suicidal", "no quiero morir", "I would never kill
 *   myself", "no thoughts of self-harm". A negator counts in the few words
 *   before the phrase or inside it, unless what follows it is itself the
 *   risk ("I don't want to live", "no quiero vivir", "not safe", "no way
 *   out", "can't stop", "no one would miss me").
 * - PAST: "I used to want to die", "hace años me cortaba", "two years ago I
 *   tried". Lowered when the clause says it is past, or the message says it
 *   is past and better now — unless the clause says it is back ("again",
 *   "lately", "otra vez", "tonight").
 * - TOPIC: a topic word ("suicide", "overdose", "self-harm") in talk about a
 *   film, a group session, prevention, news; any phrase inside a song, a
 *   book, a role play ("the song says 'me quiero morir'").
 * - ACCIDENT: self-harm words about a kitchen cut, a paper cut, a sunburn.
 * - DENIED: the phrase then "I said no" ("me preguntó si me quería morir,
 *   le dije que no").
 * - ROUTINE: "I took all my pills today" is adherence, not an overdose,
 *   unless the message says too many, extra, on purpose.
 * - JOKE: a threat idiom with no violence in the message ("my mom is going
 *   to kill me when she sees the car", "mi jefa me va a matar jaja"); a
 *   phrase taken back ("jk", "es broma", "no es cierto").
 * - IDIOMS (blanked before anything runs): "this traffic is killing me", "me
 *   muero de risa", "sugar overdose". Blanking removes only the idiom.
 */
import type { PatternGroup } from '../phraseMatcher';

/** A negator counts this many words before the phrase (and anywhere inside it). */
export const NEGATION_WINDOW = 6;

export const NEGATORS: readonly string[] = [
  'not', 'never', 'dont', 'didnt', 'doesnt', 'wont', 'wouldnt', 'isnt', 'arent', 'wasnt', 'aint', 'havent', 'hasnt', 'zero', 'without',
  'nunca', 'jamas', 'no', 'ni', 'sin', 'ningun', 'ninguna', 'tampoco', 'nada',
];

/**
 * Words within a few words after a negator that make the negation the risk
 * itself, or undo it: "don't want to live", "no quiero vivir", "not safe",
 * "can't stop", "no one", "not sure", "not okay".
 */
export const NEGATION_IS_THE_RISK: readonly string[] = [
  'live', 'living', 'alive', 'around', 'longer', 'born', 'nacido', 'nacer', 'haber', 'existido', 'existiera', 'estuviera', 'hubiera', 'despierto', 'despierte', 'despertara', 'amanezco', 'amanezca', 'exist', 'here', 'wake', 'safe', 'reason', 'point', 'way', 'worth', 'make', 'go', 'care', 'breathing', 'breathe', 'responding', 'matter',
  'stop', 'help', 'sure', 'one', 'body', 'know', 'okay', 'ok', 'fine', 'good', 'well', 'see',
  'vivir', 'viviendo', 'viva', 'vivo', 'existir', 'aqui', 'despertar', 'amanecer', 'seguir', 'segura', 'seguro', 'salvo', 'sentido', 'caso', 'salida', 'razon', 'razones', 'motivo',
  'aguanto', 'puedo', 'soporto', 'respira', 'despierta', 'reacciona', 'dejar', 'dejo', 'parar', 'paro', 'se', 'importa', 'bien', 'fuerzas', 'vale',
  // Sayings that only frame what follows: "not gonna lie", "never mind", "no te voy a mentir", "ni modo".
  'lie', 'lying', 'mind', 'offense', 'joke', 'kidding', 'mentir', 'miento', 'modo', 'mames', 'manches',
];

/** Words that end a negator's reach ("no aguanto y quiero morirme", "not okay but I want to die"). */
export const CLAUSE_JOINERS: readonly string[] = ['and', 'but', 'so', 'y', 'pero', 'entonces', 'because', 'porque', 'now', 'ahora', 'just', 'solo', 'only', 'if', 'si'];

export const PAST: readonly string[] = [
  'used to', '(?:[a-z]+|[0-9]+) (?:years|months|yrs|year|month) ago', 'a long time ago', 'long ago', 'back then', 'back when', 'in the past',
  'when i (?:was|started|first came|came here|got here|was using|was drinking)', 'as a (?:kid|teen|teenager)', 'last (?:year|yr|winter|summer|spring|fall)',
  '(?:in|en) (?:19|20)[0-9]{2}', 'in high school', 'before (?:rehab|treatment|the program|iop|i got clean|i got sober)', 'week (?:1|one)', 'this time last year',
  'remember (?:when|feeling)', 'i remember', 'cant believe i', 'since i', 'been [a-z0-9]+ (?:months|years) since',
  'solia', 'antes (?:me|queria|keria|pensaba|tenia|solia|yo)', 'hace (?:anos|mucho|mucho tiempo|tiempo|meses|[a-z0-9]+ anos|[a-z0-9]+ meses|un ano)', 'cuando (?:era|tenia|empece|llegue|estaba usando|tomaba)',
  'en el pasado', 'de joven', 'de nina', 'de nino', 'el ano pasado', 'antes de (?:entrar|estar sobri[oa]|el tratamiento|rehab|el programa)', 'en (?:la )?secundaria',
  'en (?:la )?prepa', 'me acuerdo (?:de|cuando|que)', 'recuerdo (?:cuando|que)', 'cuando estaba', 'desde que sali',
];

/** Better now: with a past marker anywhere in the message, the phrase is history. */
export const RECOVERED: readonly string[] = [
  'now (?:im|i am|i feel|its|life|i know|i have|i write|i get|i coach|im coaching)', 'not anymore', 'no longer', 'dont feel that', 'havent in', 'since starting', '(?:clean|sober) for',
  '[a-z0-9]+ (?:months|years|days) (?:clean|sober)', 'chip', 'doing (?:really )?(?:well|better|good|great)', 'better now', 'good now', 'glad', 'grateful', 'thankful', 'helped', 'recovery',
  'ahora (?:estoy|me siento|tengo|me levanto|soy|doy|se|escribo|trabajo|cuido|voy al grupo)', 'ya no (?:siento|pienso|soy|quiero eso)', 'ya no\\.', 'ya sali', 'ya se me paso', 'supere', 'gracias (?:a|al)', 'estoy mejor',
  'me siento mejor', 'agradecid[oa]', 'doy gracias', 'orgullos[oa]', 'cumplo', 'se cumple', 'llevo [a-z0-9]+ (?:meses|anos|dias)', 'sobri[oa]', 'limpi[oa]', 'salgo adelante',
];

/** Past tense: a phrase in it is history only when the message also says it is better now (RECOVERED). */
export const PAST_TENSE: readonly string[] = [
  'wanted', 'was', 'were', 'tried', 'felt', 'i said', 'thought', 'queria', 'keria', 'pensaba', 'tenia', 'intente', 'estuve', 'estaba', 'sentia', 'antes', 'desde que', 'cuando estaba',
];

/** Denied afterwards: "did I think of hurting myself? I said no". */
export const DENIED: readonly string[] = [
  '(?:puse|dije|conteste|respondi|le dije|les dije) (?:que )?no', 'i (?:said|answered|put) no', 'que no es eso', 'no es eso', 'not that',
  '(?:eso|that) (?:nunca|jamas|never)', 'ni de chiste', 'claro que no', '(?:nunca|jamas) lo (?:haria|hare|voy a hacer)', 'would never do (?:that|it)', 'not at all',
  'absolutely not', 'de ninguna manera',
  // A sentence of its own after the question it answers ("¿pensamientos de hacerse daño? para nada").
  '(?:^|\\. )(?:no )?para nada(?= \\.|$)', '(?:^|\\. )(?:nope|hell no|no way)(?= \\.|$)',
];

/** A sentence that is only a denial, after the phrase: "¿Hacerme daño? No, nunca." */
export const DENIED_AFTER: readonly string[] = [
  '(?:^|\\. )(?:no|nunca|jamas|never|nope|nah|nel|no nunca|no jamas|nunca jamas|no para nada|para nada|of course not|claro que no|no way)(?= \\.|$)',
];

/** A question someone asked, reported: "he asked me if I wanted to hurt myself", "me preguntó si me quería morir". */
export const ASKED_IF: readonly string[] = [
  '(?:asked|asks|asking|ask) (?:me |us |him |her |them |everyone )?(?:if|whether)', 'question (?:was|is) (?:if|whether)',
  '(?:me |nos |le |les )?(?:pregunto|pregunta|preguntan|preguntaron|preguntaba|preguntando|preguntar) (?:que )?si', 'la pregunta (?:de|es|era) si',
];

/** The reported question was answered yes: the phrase holds. */
export const AFFIRMED: readonly string[] = [
  '(?:i|and i) (?:said|answered|told (?:him|her|them)) (?:yes|yeah|yea|yep|kind of|sort of|maybe|sometimes)', '(?:le |les )?(?:dije|conteste|respondi) (?:que )?(?:si|a veces|tal vez|mas o menos)',
];

/** Taking prescribed medicine as prescribed: "I took all my pills today". */
export const ROUTINE: readonly string[] = [
  'today', 'this morning', 'on time', 'as prescribed', 'supposed to', 'like the doctor', 'de hoy', 'hoy', 'a tiempo', 'como me (?:dijeron|indicaron)', 'de la manana', 'de la noche',
];

/** Reporting the daily medicine: the model alone never makes it a crisis. */
export const ADHERENCE: readonly string[] = [
  '(?:took|take|taking|tome|me tome|tomo|me tomo|tomando) (?:all )?(?:my|mis|las|la|todas mis) (?:meds|medication|medicine|pills|pastillas|medicinas|medicamentos|pastilla|medicina|dosis)',
];

/** Too much: a routine reading does not hold. */
export const EXCESS: readonly string[] = [
  'too many', 'to many', 'too much', 'extra', 'whole bottle', 'on purpose', 'to die', 'a proposito', 'demasiadas', 'de mas', 'morir', 'not wake', 'no despertar', 'all at once', 'de golpe', 'juntas', 'juntado', 'guardado', 'saved', 'todo lo que', '[1-9][0-9]+', 'a bunch', 'bottle', 'frasco', 'bote', 'un monton',
];

/** It is back: a past marker in the clause no longer lowers the phrase. */
export const AGAIN: readonly string[] = [
  'again', 'lately', 'these days', 'recently', 'right now', 'tonight', 'coming back', 'back again',
  'otra vez', 'de nuevo', 'ultimamente', 'estos dias', 'ahorita', 'esta noche', 'volvi a', 'regresaron',
];

/** Talk about a topic: lowers topic words ("suicide", "overdose", "self-harm"). */
export const TOPIC: readonly string[] = [
  'programa', 'tele', 'tv', 'prevention', 'awareness', 'hotline', 'lifeline', 'talked about', 'talking about', 'discussed', 'discussion', 'in group', 'group (?:today|session|tonight)', 'class', 'training',
  'workshop', 'learned about', 'learning about', 'seminar', 'conference', 'sermon', 'campaign', 'fundraiser', 'awareness month', 'research', 'essay', 'statistics', 'rates', 'presentation', 'lecture', 'worksheet', 'pamphlets?', 'pamflets?', 'poster', 'recommend', 'church', 'prayed', 'homework',
  'whose', 'who might', 'who died', 'died by', 'died of', 'is it true', 'is it tru', 'can you', 'survivors?', 'grief', 'grieving', 'the story', 'info', 'information', 'school', 'assembly',
  'hablamos (?:de|sobre)', 'hablaron (?:de|sobre)', 'nos hablaron', 'platicamos (?:de|sobre)', 'conferencia', 'seminario', 'curso', 'campana', 'concientizacion', 'en misa', 'prevencion', 'en (?:el )?grupo', 'taller', 'charla', 'clase', 'platica', 'el tema', 'folleto', 'tasas', 'estadisticas', 'capacitacion', 'tarea', 'salio en',
  'univision', 'telemundo', 'periodico', 'rezamos', 'duelo', 'escuela', 'aprendimos', 'senales', 'leimos', 'se suicido',
];

/** Media and role play: lower any phrase in the same clause ("the song says 'me quiero morir'"). */
export const MEDIA: readonly string[] = [
  'story', 'stories', 'song', 'lyrics?', 'movie', 'film', 'show', 'episode', 'series', 'book', 'novel', 'poem', 'podcast', 'documentary', 'article', 'news', 'role play', 'what to say if', 'how to talk to',
  'how to help', 'what to do if', 'tiktok', 'youtube', 'netflix', 'anime', 'cartoon', 'character', 'meme', 'reel', 'video game', 'the play', 'a play', 'what (?:should|do|can|would) (?:i|you|we) say (?:to|when|if)', 'how (?:do|can|should) (?:i|you|we) (?:talk to|support|help) (?:someone|somebody|a friend|people)', 'video', 'what to do in', 'que hacer en', 'programa', 'tele', 'cancion', 'corrido', 'pelicula', 'serie', 'novela', 'libro', 'poema', 'documental', 'articulo', 'noticias?', 'rol play', 'que hacer si', 'peli', 'pelis', 'rola', 'letra', 'caricatura', 'personaje', 'videojuego', 'obra de teatro', 'telenovela', 'que (?:le )?(?:digo|decir|le puedo decir) (?:si|cuando|a alguien)', 'como (?:apoyar|ayudar|hablar con) a (?:alguien|una persona|un amigo|una amiga)',
];

/** Finishing the program: its goodbyes are not goodbye signs. */
export const CELEBRATION: readonly string[] = [
  'graduat[a-z]*', 'me gradue', 'certificado', 'certificate', '(?:finished|completed|done with) (?:the|my) program', '(?:termine|complete|acabe) (?:el|mi) programa', 'ultima semana del programa', 'last week of (?:the )?program',
];

/** A self-harm phrase about an accident. */
export const ACCIDENT: readonly string[] = [
  'just a scratch', 'only a scratch', 'un rasguno', 'nada grave', 'sin querer', 'by accident', 'accidentally', 'cooking', 'shaving', 'chopping', 'peeling', 'pelando', 'afeitandome',
  'rasurandome', 'cocinando', 'picando', 'con (?:el|un|una|la) (?:papel|hoja|caja|sobre|lata|sarten|plancha|estufa|comal|aceite|cafe|olla)', 'del papel', 'paper cut', 'can lid',
  'on the (?:can|lid|stove|oven|pan|grill|iron)', 'al sol', 'con el sol', 'sunburn', 'curita', 'band ?aid', 'jugando', 'playing', 'at the gym', 'en el gym',
];

/** Violence in a message: a threat with any of it is never a joke. */
export const VIOLENCE: readonly string[] = [
  'gun', 'knife', 'weapon', 'hit', 'hits', 'hitting', 'beat', 'beats', 'beating', 'slap[a-z]*', 'strangl[a-z]*', 'shov[a-z]*', 'rape[ds]?', 'abus[a-z]*', 'bruis[a-z]*', 'black eye', 'stab[a-z]*', 'choke[a-z]*', 'punch[a-z]*', 'kick[a-z]*', 'pushed', 'shoved', 'threw', 'bleeding', 'blood', 'scared', 'afraid',
  'police', '911', 'help', 'hurt', 'safe', 'miedo', 'pistola', 'arma', 'cuchillo', 'navaja', 'golpe[a-z]*', 'pego', 'pega', 'madrazos?', 'cachetad[a-z]*', 'ahorc[a-z]*', 'abus[a-z]*', 'apunal[a-z]*', 'ojo morado', 'pateo', 'empujo', 'sangre', 'moretones', 'policia', 'ayuda',
];

/** A threat idiom: said of a mother, a boss, the heat, over a dent or being late; or laughed at. */
export const JOKING_THREAT: readonly string[] = [
  'lol', 'lmao', 'haha', 'jaja', 'jeje', 'jk', 'mom', 'mother', 'dad', 'father', 'landlord', 'boss', 'teacher', 'coach', 'grandma', 'suegra', 'suegro', 'jefa', 'jefe', 'mama', 'papa',
  'abuela', 'maestra', 'profe', 'heat', 'calor', 'this', 'este', 'esta', 'forgot', 'late', 'sees', 'dent', 'olvido', 'olvide', 'tarde', 'vea', 'rayado', 'report', 'examen', 'cumple',
];

/** A phrase taken back. */
export const TAKEN_BACK: readonly string[] = ['jk', 'just kidding', '(?<!no )es broma', 'no es cierto', 'no es en serio', '(?<!not )kidding'];

/** Everyday wording blanked before matching: not a risk, in any context. */
export const RISK_IDIOMS: readonly PatternGroup[] = [
  {
    id: 'idiom.benign_overdose',
    patterns: [
      '(?:sugar|caffeine|coffee|cafe|chocolate|candy|carb|carbs|netflix|tv|cuteness|information|info|love|pizza|junk food|anime|social media|drama|sunshine|sleep|nostalgia|cheese|cookie|dopamine|azucar|dulces?|cafeina) (?:over ?dose|od|sobre ?dosis)',
      // "overdose on/of/de X" where X is not a drug.
      '(?:over ?dose|over ?dosed|over ?dosing|od|oded|sobre ?dosis) (?:on|of|de|d) (?!(?:my|his|her|their|mis|sus|mi|su) )(?!(?:the |some |those |these |las |los )?(?:purpose|perpose|proposito|accident|antidepressants|lithium|litio|antidepresivos|pills|meds|xanax|fent|fentanyl|fentanilo|heroin|heroina|dope|oxy|percs|pastillas|drogas?|cocaine|cocaina|coke|alcohol|tylenol|benzos|insulin|insulina|methadone|opioids?|opioides|sleeping|pain|medicine|medicina|medicamentos?|something|algo)(?![a-z]))[a-z]+',
    ],
  },
  {
    id: 'idiom.killing_me',
    patterns: [
      '(?<!(?:he|she|they|hes|shes|theyre) (?:is |are )?)(?:is|are|its|thats|it is|that is|keeps) killing me(?! (?:tonight|now))',
      '(?:feet|back|head|knees|legs|stomach|neck|cramps|allergies|heat|traffic|homework|job|work|class|commute|line|wait|suspense|kids|cold|headache|this|that|you|youre) (?:are |is )?killing me',
      '(?:kill|killing|killed) it', 'kill (?:time|the vibe|the mood)', 'killing time', '(?:could|would) kill for (?:a|an|some)', 'to death', 'over my dead body', 'drop dead',
      '(?:killed|killing|kill) myself (?:at|in|with|doing|working|studying|on) (?:the gym|gym|work|school|homework|this project|cleaning|practice|the workout|leg day)',
      '(?:shoot|shot) me (?:a|an) (?:text|message|email|call)', 'hang(?:ing)? out', 'cut (?:class|carbs|sugar|back|ties|it out|corners|the cord)',
      'blood (?:pressure|sugar|work|test|tests|draw|donation|bank)', 'bleeding gums',
      'im dead (?:lol|lmao|haha|jaja)', '(?:lol|lmao|haha) im dead', 'dead (?:lol|lmao|haha)', 'rather die than', 'i could just die of',
    ],
  },
  {
    id: 'idiom.matar_es',
    patterns: [
      'me (?:mata|matan|esta matando|estan matando) (?:el|la|los|las|este|esta|estos|estas|mi|mis) (?:calor|frio|trafico|curiosidad|cabeza|espalda|pies|rodillas|trabajo|tarea|hambre|sueno|ninos|cansancio|dolor|risa|chamba|espera|suspenso)',
      '(?:ese|este|el|tu) (?:chiste|video|meme) me (?:mato|mata)', 'me mato de risa', 'me mataste de risa',
      'matar el tiempo', 'matar dos pajaros', 'me mato trabajando', 'me estoy matando (?:trabajando|estudiando|en el gym|en el trabajo)',
      '(?:estoy|ando|quede) muert[oa] (?:de|del) [a-z]+', 'estoy muert[oa] jaja', 'jaja (?:me muero|muero)', 'me muero jaja', 'me muero de',
      'me quiero morir de (?:la )?(?:verguenza|risa|pena)',
      '(?:verguenza|pena|oso) (?:\\. )?me (?:queria|quiero|kiero) morir',
    ],
  },
];
