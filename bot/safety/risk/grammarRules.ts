/**
 * The phrase grammar of the risk screen: who × intent × means × time.
 *
 * Slots are alternations of words (English and Spanish, every rule is tried
 * whatever the language); rules combine them. Written in ordinary spelling
 * over the risk screen's folded text (bot/safety/normalize.ts, foldForRisk):
 * SMS forms are already words there ("gonna" → "going to", "xq" → "porque"),
 * and b/v, ll/y, s/z/c, k/qu, a silent h never matter. Inside an alternation
 * write whole words ("(?:kill|killing)", not "kill(?:ing)?" after a letter
 * that the sound-alike key changes).
 *
 * Clinical policy (reviewed with the care team's rules in CONTENT.md):
 * - `crisis` rules are clear intent, a plan, means at hand, an overdose,
 *   danger from someone now, or another person at risk. They open the safety
 *   episode unless a context cue (risk/contextCues.ts) lowers them.
 * - `weak` rules are indirect or ambiguous wording: hopelessness, "what's the
 *   point", "ya no aguanto", a plan without intent. They earn the direct
 *   question (which carries 988) and a review flag, never silence.
 * - Another person at risk is checked before the person's own risk: "my son
 *   said he'll kill himself" needs help for the son (911 / 988 for someone
 *   else), not a safety question to the sender.
 */
import type { PatternGroup } from '../phraseMatcher';
import { GAP, GAP4, END, FILLER } from './slots';
import type { DangerKind } from './types';

export interface GrammarRule extends PatternGroup {
  readonly kind: DangerKind;
  readonly strength: 'crisis' | 'weak';
}


// ── who ──────────────────────────────────────────────────────────────────
const RELATIVE =
  '(?:son|daughter|kid|child|boy|girl|friend|best friend|roommate|brother|sister|cousin|boyfriend|girlfriend|husband|wife|partner|mom|dad|mother|father|uncle|aunt|nephew|niece|grandson|granddaughter|coworker|neighbor|teen|teenager)';
const OTHER_EN = `(?:he|she|they|hes|shes|theyre|my ${RELATIVE}|our ${RELATIVE}|his ${RELATIVE}|her ${RELATIVE}|my [0-9]+ year old|mi ${RELATIVE})`;
const FAMILIAR =
  '(?:hijo|hija|hijos|nino|nina|amigo|amiga|hermano|hermana|hermanito|hermanita|primo|prima|novio|novia|esposo|esposa|marido|mujer|pareja|mama|papa|madre|padre|tio|tia|sobrino|sobrina|nieto|nieta|vecino|vecina|companero|companera|roomie|roommate|compa|pana|chamaco|chamaca|cipote|cipota|patojo|patoja|chavo|chava|morro|morra|bicho|cunado|cunada|best friend|boyfriend|girlfriend|son|daughter|brother|sister|friend)';
const OTHER_ES = `(?:ella|el|mi ${FAMILIAR}|su ${FAMILIAR}|nuestro ${FAMILIAR}|nuestra ${FAMILIAR}|my ${FAMILIAR})`;
const SAYS_EN =
  '(?:said|says|saying|told me|tells me|texted|texted me|posted|keeps saying|kept saying|is talking about|talks about|talked about|threatened|threatens|is threatening|wants|wanted|is going|was going|is trying|tried|might|will|wont|would|could|is|was|has been|keeps|is planning|plans)';
const SAYS_ES = '(?:dijo|dice|me dijo|me dice|escribio|me escribio|publico|amenaza|amenazo|habla de|hablo de|esta hablando de|quiere|queria|va a|iba a|intento|trato de|piensa|esta pensando en|anda diciendo)';
const THEMSELVES = '(?:himself|herself|themselves|themself)';

/** Jumping into a pool, on a trampoline, on a call: play, not a fall. */
const NOT_PLAY_JUMP_EN = '(?! (?:in|into) (?:the |a )?(?:pool|lake|water|shower|car|bed|pile|game|call)| on (?:the |a )?(?:trampoline|bed|couch|call|bus|train|it)| rope| around| for joy| at)';
const NOT_PLAY_JUMP_ES = '(?! (?:a|en|al) (?:la )?(?:alberca|piscina|pileta|agua|cama|brincolin|trampolin|sillon))';

// ── intent ───────────────────────────────────────────────────────────────
const DIE_EN = '(?:die|be dead|end it|end it all|end things|not be here|not wake up|not live|disappear forever)';
const WANT_EN = '(?:want to|wants to|going to|planning to|plan to|about to|ready to|need to|wish i could|gonna|will|ill)';
const MORIR_ES = '(?:morir|morirme|matarme|suicidarme|quitarme la vida|acabar con mi vida|terminar con mi vida|desaparecer para siempre|die|kill myself)';
const QUIERO_ES = '(?:quiero|voy a|pienso|necesito|estoy lista para|estoy listo para|tengo ganas de|me dan ganas de|ya quiero|quisiera)';

// ── means ────────────────────────────────────────────────────────────────
const MEANS_EN =
  '(?:pills|meds|medication|xanax|bars|percs|oxy|oxys|fentanyl|fent|heroin|dope|gun|pistol|rifle|shotgun|rope|noose|belt|cord|knife|razor|razors|blade|blades|bottle)';
const MEANS_ES = '(?:pastillas|pastis|medicinas|medicamentos|xanax|fentanilo|heroina|pistola|arma|rifle|soga|cuerda|cinturon|cuchillo|navaja|navajas|rastrillo|cuchilla|cuchillas|veneno|frasco)';
const AT_HAND_EN =
  '(?:in my bag|in my purse|in my room|in the drawer|in my backpack|right here|here with me|in my hand|in my hands|in front of me|ready|all ready|lined up|counted out|counted|loaded|on the table|on the counter|on my bed|next to me|with me|in my pocket|in the car)';
const AT_HAND_ES = '(?:aqui conmigo|aqui|en la mano|en mis manos|enfrente de mi|frente a mi|listas|listos|lista|listo|contadas|cargada|en la mesa|en mi cama|junto a mi|conmigo|en mi bolsa)';
const HAVE_EN = '(?:i have|ive got|i got|i bought|i just bought|i found|im holding|i am holding|i loaded|i saved up|i stockpiled|i have been saving|i hid|got)';
// Not "tome": "me tomé" is taking them (an overdose rule), not having them at hand.
const HAVE_ES = '(?:tengo|traigo|compre|consegui|junte|guarde|estoy juntando|he juntado|agarre)';

// ── time ─────────────────────────────────────────────────────────────────
const SOON_EN = '(?:tonight|right now|now|today|tomorrow|this weekend|this week|soon|after everyone goes to sleep|when everyone is asleep)';
const SOON_ES = '(?:esta noche|hoy|ahorita|ahora|ya|manana|este fin de semana|pronto|cuando todos se duerman)';

// ── amounts taken ────────────────────────────────────────────────────────
const COUNT =
  '(?:[5-9]|[1-9][0-9]+|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a dozen|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veinte|treinta|cuarenta|cincuenta)';
const TOOK = '(?:took|taken|take|swallowed|ate|popped|downed|had|did|snorted|shot|used)';
const TOME = '(?:me tome|tome|me trague|trague|me meti|se tomo|se trago|se metio|me he tomado|me acabo de tomar|se acaba de tomar)';
const DRUG =
  '(?:pills|tablets|xanax|bars|percs|percocet|oxy|oxys|oxycodone|vicodin|norco|tylenol|advil|ibuprofen|benadryl|sleeping pills|klonopin|ativan|valium|seroquel|trazodone|ambien|gabapentin|lyrica|methadone|suboxone|tramadol|adderall|wellbutrin|bupropion|zoloft|sertraline|prozac|fluoxetine|lexapro|lithium|lamictal|depakote|abilify|risperdal|amitriptyline|hydrocodone|morphine|dilaudid|insulin|melatonin|nyquil|lines|bags|bumps|pastillas|pastis|tabletas|pildoras|clonazepam|rivotril|alprazolam|paracetamol|acetaminofen|ibuprofeno|aspirinas|calmantes)';

export const GRAMMAR_RULES: readonly GrammarRule[] = [
  // ── someone else at risk (checked first) ───────────────────────────────
  {
    id: 'grammar.other_at_risk_en',
    kind: 'other_at_risk',
    strength: 'crisis',
    patterns: [
      `${OTHER_EN} ${GAP4}(?:kill|killing|hurt|hurting|cut|cutting|shoot|hang|hanging|drown|end) ${THEMSELVES}`,
      `${OTHER_EN} ${GAP4}(?:end|ending|take|taking) (?:his|her|their) (?:own )?life`,
      `${OTHER_EN} ${GAP}(?:is|is being|seems|sounds|was|has been|feels|became|got) (?:really |very |so )?suicidal`,
      // Talk of suicide is a warning sign: someone worried about them needs the help for someone else.
      `${OTHER_EN} ${GAP}(?:is |keeps |has been |was |started |been )?(?:talking|talks|talked|posting|posts|posted|texting|writing|wrote) about (?:suicide|killing ${THEMSELVES}|wanting to die|ending it|ending (?:his|her|their) life)(?! prevention| awareness| in (?:class|school|group)| for (?:a |an |his |her |their |school )?(?:[a-z]+ )?(?:project|class|paper|essay|assignment|homework))`,
      `${OTHER_EN} ${SAYS_EN} ${GAP}(?:want to|wants to|going to|about to|to|will|hell|shell|theyll) ${GAP}(?:die|be dead|end it|jump${NOT_PLAY_JUMP_EN}|overdose|not be here)`,
      `${OTHER_EN} ${GAP}(?:doesnt|does not|dont|no longer) (?:want|wants|wish) ${GAP}(?:live|be alive|be here)`,
      `${OTHER_EN} ${GAP}(?:has|got|bought|took|is holding|is on) ${GAP}(?:a gun|the gun|a rope|a noose|a knife|the roof|the bridge|the ledge) ${GAP4}(?:kill|end|die|jump|suicid[a-z]*)`,
      `(?:worried|scared|afraid|terrified) ${GAP4}(?:my ${RELATIVE}|he|she|they) ${GAP4}(?:kill|hurt) ${THEMSELVES}`,
      `${OTHER_EN} ${GAP4}(?:cut|cutting|slit|slitting|slashed|burned|burning) (?:his|her|their) (?:wrists?|arms?|legs?|throat|skin)`,
      `(?:locked|shut) ${THEMSELVES} in ${GAP4}(?:with|w) (?:a |the |his |her )?(?:razor|knife|gun|pills|rope|belt|blade)`,
      `${OTHER_EN} ${GAP4}(?:going|went|drove|driving|heading|is) (?:to|on|at) (?:the )?(?:bridge|roof|tracks|overpass|ledge) ${GAP4}(?:jump|end it|kill|die)?`,
      `${OTHER_EN} ${GAP4}(?:kill|hurt|cut) (?:him|her) self`,
    ],
  },
  {
    id: 'grammar.other_at_risk_es',
    kind: 'other_at_risk',
    strength: 'crisis',
    patterns: [
      `${OTHER_ES} ${GAP4}se (?:quiere|va a|iba a|piensa|intento|trato de|puede) (?:matar|suicidar|quitar la vida|morir|cortar|colgar|ahorcar|tirar${NOT_PLAY_JUMP_ES}|lastimar|hacer dano)`,
      `${OTHER_ES} ${GAP4}(?:quiere|va a|iba a|piensa|intento|trato de|amenaza con|amenazo con|habla de|hablo de|dice que va a|dijo que iba a) (?:matarse|suicidarse|quitarse la vida|morirse|cortarse|colgarse|ahorcarse|tirarse|lastimarse|hacerse dano)`,
      `${OTHER_ES} ${GAP}(?:esta|anda|se siente|parece) (?:muy )?suicida`,
      `${OTHER_ES} ${SAYS_ES} ${GAP}que (?:ya )?no (?:quiere|puede) (?:vivir|seguir viviendo|seguir)`,
      `${OTHER_ES} ${SAYS_ES} ${GAP}que se (?:quiere|va a) (?:morir|matar|suicidar)`,
      `(?:me preocupa|tengo miedo de) que ${OTHER_ES}? ?se (?:mate|suicide|haga dano|lastime|quite la vida)`,
      `se (?:quiere|va a|iba a|piensa) (?:matar|suicidar|quitar la vida|morir|cortar|dar un tiro|tirar${NOT_PLAY_JUMP_ES}|aventar${NOT_PLAY_JUMP_ES}|colgar|ahorcar|tomar todas)`,
      '(?:quiere|va a|iba a) (?:matarse|suicidarse|quitarse la vida|morirse|saltar|tirarse|aventarse|darse un tiro|cortarse|colgarse|ahorcarse|tomarse todas|tomar todas sus)',
      `(?:dice|dijo|dise|publico|escribio) (?:que |q )?(?:ya )?se (?:mata|muere|suicida|va para siempre|va pa siempre|va a ir para siempre)`,
      'se (?:esta|sta) (?:cortando|quemando|pegando|lastimando|haciendo dano|ahorcando)',
      'se (?:corto|quemo|rajo) (?:las munecas|los brazos|el cuello|las venas)',
      `se encerro ${GAP4}con (?:una|un|la|el|sus) (?:cuerda|soga|pistola|navaja|cuchillo|pastillas|cinturon|arma)`,
      '(?:ya )?no quiere (?:vivir|seguir viviendo|estar aqui)',
      '(?:con|tiene) una (?:cuerda|soga) en el cuello',
      `(?:regalo|esta regalando|regala) (?:todas )?sus cosas`,
      `${OTHER_ES} ${GAP4}(?:dejo|escribio|publico|posteo) (?:una )?(?:carta|despedida|nota)`,
      `${OTHER_ES} ${GAP4}(?:esta|sta) en (?:el|la) (?:puente|bridge|azotea|orilla|vias) ${GAP4}(?:tirar|aventar|saltar|matar|jump)`,
      `(?:motor|carro) prendido ${GAP4}garaje`,
      `${OTHER_ES} ${GAP4}(?:despidiendose|se despidio|despedida) ${GAP4}(?:no|ya no) (?:contesta|responde|aparece)`,
    ],
  },

  // ── overdose: amounts, mixing, bad batches, body signs ─────────────────
  {
    id: 'grammar.overdose_amount',
    kind: 'overdose',
    strength: 'crisis',
    patterns: [
      `${TOOK} ${GAP}(?:like |about |around |maybe |over )?${COUNT} ${GAP}${DRUG}`,
      `${TOME} ${GAP}(?:como |unas |unos |mas de )?${COUNT} ${GAP}${DRUG}`,
      `${TOOK} ${GAP}(?:the rest of|whatever was left of|everything in) ${GAP}(?:the |my |his |her )?(?:bottle|pills|meds|prescription|medicine cabinet|cabinet|pill box|pillbox)`,
      `(?:took|swallowed|downed|popped) ${GAP}${DRUG} (?:and|with|plus) (?:a bottle of|a fifth of|half a bottle of|a whole bottle of) ${GAP}(?:vodka|whiskey|tequila|wine|liquor|rum|gin|booze)`,
      `(?:me tome|tome|me trague) ${GAP}${DRUG} (?:con|y) (?:una botella de|media botella de|un litro de|toda la botella de) ${GAP}(?:tequila|vodka|ron|vino|guaro|licor|aguardiente|whisky)`,
      `(?:${DRUG}|alcohol|drinking|drunk|vodka|beer|wine|liquor|alcohol) ${GAP4}(?:mixed|mixing|together with|on top of|con alcohol|mezcle|mezclado|revuelto)`,
      `(?:mixed|mixing|combined|mezcle|combine|junte) ${GAP4}(?:${DRUG}|fent|fentanyl|heroin|dope|coke|cocaine|meth|fentanilo|heroina|cocaina|perico|cristal) ${GAP4}(?:alcohol|drinking|booze|liquor|beer|vodka|tequila|cerveza|guaro|ron|pisto|trago|licor|${DRUG})`,
      '(?:laced|cut with fent|cut with fentanyl|had fent in it|had fentanyl in it|tenia fentanilo|traia fentanilo|estaba cortada|venia cortada|venia con fentanilo)',
      `(?:cant|can not|cannot) feel my (?:arms|legs|hands|feet|face|body|lips|chest) ${GAP4}(?:took|used|pills|drank|high|shot|smoked|snorted)`,
      `(?:took|used|drank|shot|smoked|snorted|pills) ${GAP4}(?:cant|can not|cannot) feel my (?:arms|legs|hands|feet|face|body|lips)`,
      'no (?:siento|puedo sentir) (?:los|las|mis) (?:brazos|piernas|manos|pies|labios|cuerpo)',
      `(?:took|used|drank|tome|me meti|consumi) ${GAP4}(?:heart is racing|heart racing|chest hurts|cant breathe|throwing up|seizure|shaking|passing out|me late muy rapido|me duele el pecho|no puedo respirar|vomitando|convulsion)`,
      `(?:took|taken|swallowed|shot up|used|snorted|popped|downed|tooke) ${GAP}(?:them all|all of them|everything|it all|all of it|all my|all the|my whole|my entire|the whole|the entire|the rest of|whatever was left|every|most of them)(?! personally| in| seriously| back| off| out| apart| with me| for granted)`,
      `(?:drank|swallowed|took|drink|tome|me tome|me trague) ${GAP}(?:bleach|poison|antifreeze|cloro|veneno|raticida|lejia|clorox)`,
      `(?:me tome|me las tome|me meti|me eche|me trague|me zampe|me tome todo|se tomo|se trago|tome) ${GAP4}(?:todas|todo(?! (?:me|se|bien|normal|tranquilo|el dia|el tiempo))|todos|entero|entera|enteros|el pomo|el pote|el bote|el frasco|la caja|lo que (?:quedaba|tenia|me quedaba)|que (?:quedaba|tenia|me quedaban))`,
      '(?:ya )?me las tome(?: todas)?',
      `(?:tome|me tome|took|take|tomo|se tomo) ${GAP}(?:too many|to many|demasiadas|demasiado de (?:las|mis|sus)|de mas (?:pastillas|pills))`,
      // A double dose, even by mistake: Poison Help is there for it.
      `(?:took|taken|tome|me tome) ${GAP}(?:my |the |mi |la |las |mis )?(?:meds|pills|dose|medicine|medication|pastillas|medicina|dosis|pastilla|medicamento) (?:twice|two times|dos veces|doble|otra vez por error)`,
      `(?:took|taken|tome|me tome) ${GAP}(?:double|doble|twice) (?:my |the |mi |la )?(?:dose|dosis)`,
      `(?:overdid|over did) it (?:with|on) (?:the |my )?${DRUG}`,
      `(?:emptied|finished off|finished|downed) (?:the|a|my) (?:whole |entire )?(?:bottle|pack|box|prescription)(?! of (?:water|wine|beer|vodka|soda|juice|shampoo|lotion))`,
      `(?:looked up|researched|googled|investigue|busque|buscando|investigando) (?:how many|cuantas|cuantos|cuanto|cuanta|how much|the dose|la dosis|how long it takes|cuanto tarda)`,
      `(?:me tomo|me voy a tomar|voy a tomar|me trago) todo lo que`,
      `(?:me tome|tome|took|me meti|me inyecte) ${GAP4}(?:para|to) (?:no despertar|ya no sufrir|ya no estar|dormir para siempre|no volver|not wake up|never wake up|die|morir|morirme)`,
      `(?:passed out|wont wake up|not waking up|unconscious|inconsciente|desmayad[oa]|no despierta) ${GAP4}(?:pills|drinking|using|used|fent|heroin|pastillas|tomando|droga)`,
    ],
  },

  // ── means at hand, a plan with a time ──────────────────────────────────
  {
    id: 'grammar.means_at_hand',
    kind: 'suicide',
    strength: 'crisis',
    patterns: [
      `(?:the |my |these |those |all the |all my )?${MEANS_EN} (?:is |are )?${GAP}${AT_HAND_EN}${END}`,
      `${HAVE_EN} ${GAP}${MEANS_EN} ${GAP}(?:${AT_HAND_EN}|to (?:do it|end it|end things|kill myself|die)|for tonight|for later|ready to go)`,
      `${HAVE_EN} ${GAP}(?:enough|all the|a bunch of|a bottle of|the whole bottle of) ${GAP}${MEANS_EN}`,
      `(?:enough|all the) ${MEANS_EN} to (?:do it|end it|die|kill myself|not wake up)`,
      `${HAVE_ES} ${GAP}(?:las |mis |la |el |una |un )?${MEANS_ES} ${GAP}${AT_HAND_ES}`,
      `(?:las |mis |la |el )?${MEANS_ES} (?:estan |esta |ya estan )?${AT_HAND_ES}${END}`,
      `${HAVE_ES} ${GAP}(?:suficientes|todas las|un frasco de|un monton de) ${MEANS_ES}`,
      `(?:i have|ive got|i got) everything (?:i need|ready|planned|set) ${GAP}${SOON_EN}`,
      `(?:ya )?tengo todo (?:listo|preparado|planeado) ${GAP}(?:para )?${SOON_ES}`,
      `(?:i have|ive got|theres|i made|made) a plan ${GAP4}(?:${SOON_EN}|to (?:die|do it|end it|kill myself))`,
      `(?:ya )?tengo (?:un|el) plan ${GAP4}(?:${SOON_ES}|para (?:morir|matarme|hacerlo|acabar))`,
      `(?:going to|gonna|ill|will) do it ${SOON_EN}`,
      `(?:voy a|lo voy a) hacer(?:lo)? ${SOON_ES}${END}`,
      `(?:collecting|saving|saved|stockpiling|stockpiled|hoarding|counted|counting|juntando|guardando|conte|contando) ${GAP}(?:my |mis |las |the |up )?(?:pills|meds|oxy|oxycodone|percs|xanax|pastillas|pastis|medicinas|medicamentos|medication)`,
      `(?:escondid[oa]|hiding|hidden) ${GAP4}(?:trying to get in|tratando de entrar|quiere entrar|from him|from her|de el|de ella)`,
      `(?:going to|will|ill) take (?:them|it|all of them|them all|it all)(?: all)? (?:tonight|after|when|today|now|on|this)`,
      `(?:tomarmelas|tomarme todas|me tomo todas|me las voy a tomar|me voy a tomar todas)`,
      `(?:gun|rope|pills|pistola|soga|pastillas|arma) ${GAP4}(?:waiting for|until|when|cuando|hasta que) (?:everyone|everybody|my [a-z]+|she|he|they|todos|mi [a-z]+|se vayan|se vaya|oscurezca)`,
      '(?:rope|rop) and a (?:chair|stool)',
      '(?:stuff|things) for the rope',
      `(?:bridge|overpass|roof|building|puente|edificio) ${GAP4}(?:high enough|alto)`,
      `enough to (?:stop my heart|kill me|not wake up|do it)`,
      `(?:going to|gonna) use it all`,
      `(?:compre|tengo|consegui) (?:las )?balas`,
      `(?:on|at|en) the (?:edge|ledge|railing) of (?:the|a) (?:overpass|bridge|roof|building)`,
      `(?:estoy|ando|toy) (?:parad[oa] |sentad[oa] |arriba )?en (?:el|la) (?:bridge|puente|azotea|orilla|techo|vias|barandal)`,
      `(?:driving|heading|going|manejando|voy manejando|voy) ${GAP}(?:to|al|a la|hacia) (?:the )?(?:bridge|puente|overpass|tracks|vias|azotea) ${GAP4}(?:now|ahora|ya|right now|ahorita)`,
      `(?:la |the |mi |my )?(?:pistola|gun|arma) (?:en|on|in) (?:mi|my) (?:lap|regazo|cintura|mano|hand)`,
      `${WANT_EN} ${GAP}(?:jump|drive) ${GAP}(?:off|into) ${GAP}(?:the |a )?(?:bridge|roof|building|overpass|cliff|wall|tree|river|train|tracks|traffic)`,
    ],
  },

  // ── intent, first person, both languages and Spanglish ─────────────────
  {
    id: 'grammar.intent_self',
    kind: 'suicide',
    strength: 'crisis',
    patterns: [
      `(?:i|im|i am|ive|ill) ${FILLER}${WANT_EN} ${FILLER}${DIE_EN}(?= \\.|$| fr| for real| tonight| today| now| right now| this time)`,
      `(?:go|going) through with it`,
      '(?:me voy a|voy a) quitar del medio',
      `(?:mejor|hoy|ahorita|manana|esta noche|el (?:sabado|domingo|lunes|martes|miercoles|jueves|viernes)) me (?:mato|doy un tiro|doy el tiro|cuelgo|ahorco)`,
      `(?:me voy a|voy a|me quiero) (?:guindar|colgar|ahorcar|tirar del puente|aventar del puente|meter al mar|dar un tiro|dar el tiro|pegar un tiro|estrellar)`,
      `(?:off|unalive) myself`,
      `(?:garage|garaje|cochera) ${GAP4}(?:car|engine|carro|motor|truck|coche) (?:running|on|prendido|encendido)`,
      `(?:car|engine|carro|motor|truck|coche) (?:running|prendido|encendido) ${GAP4}(?:garage|garaje|cochera)`,
      `(?:voy a|lo voy a|pienso|quiero|planeo) (?:estrellar|chocar) ${GAP}contra`,
      `(?:techo|azotea|edificio|puente|bridge|roof) ${GAP4}y (?:saltar|tirarme|aventarme|jump)${END}`,
      `${MEANS_ES} ${GAP4}(?:va a ser|sera|lo hago) (?:hoy|esta noche|manana|ahorita)`,
      '(?:prender|prendo|voy a prender) el (?:carro|coche|motor) en el garaje',
      `${QUIERO_ES} (?:ya )?${MORIR_ES}`,
      `(?:i want to|i wanna|wanna|want to|i need to) (?:morir|morirme|matarme)`,
      `(?:estoy|me siento|ando|i feel|im|i am|feeling) (?:muy |bien |so |really |very )?(?:suicida|suicidal)`,
      `(?:me quiero|quiero|voy a|me voy a) (?:kill myself|unalive|overdose|od)`,
      `(?:i|im|i am|ill) ${GAP}(?:going to|gonna|will|about to|ready to) ${GAP}(?:jump|hang|shoot|overdose|slit|drown) ${GAP}(?:${SOON_EN}|myself|off|from)`,
      `(?:no|ya no) (?:quiero|puedo) (?:estar|seguir) (?:aqui|en este mundo|vivo|viva|con vida)${END}`,
      `(?:thinking|thought|pensando|pienso) (?:about|of|en) (?:ending it|killing myself|matarme|quitarme la vida|suicidarme|morirme|como (?:morir|matarme))`,
    ],
  },

  // ── self-harm ──────────────────────────────────────────────────────────
  {
    id: 'grammar.self_harm',
    kind: 'self_harm',
    strength: 'crisis',
    patterns: [
      `(?:i|im|ive) (?:been |keep |kept |started |just )?(?:cutting|burning|scratching|hitting|punching|hurting|carving) (?:myself|my (?:arms?|legs?|wrists?|thighs?|skin|stomach|face))`,
      `(?:relapsed|relapse|relapsing) (?:on|with|into) (?:self harm|cutting|hurting myself)`,
      `me (?:estoy|sigo|volvi a|vuelvo a) (?:haciendo dano|hacer dano|lastimando|lastimar|cortando|cortar|quemando|quemar|golpeando|rasgunando)`,
      `(?:cortes|cortadas|heridas|quemaduras) (?:nuevas|frescas|profundas|mas profundas)`,
      `me (?:hice|hago|estoy haciendo|volvi a hacer) (?:cortadas|cortes|heridas|quemaduras)`,
      `me (?:golpie|golpee|pegue|corte|queme|lastime) ${GAP4}(?:yo mism[oa]|a mi mism[oa])`,
      `(?:recai|volvi) (?:en|a) (?:lo de )?(?:cortarme|lastimarme|hacerme dano|las cortadas)`,
    ],
  },

  // ── goodbyes and giving things away ────────────────────────────────────
  {
    id: 'grammar.goodbye',
    kind: 'suicide',
    strength: 'crisis',
    patterns: [
      `(?:thanks|thank you) (?:for everything|for all of it|for all you did|for all youve done|for trying) ${GAP4}(?:before i go|before im gone|goodbye|bye|im sorry|i love you)`,
      `(?:wanted|want) to say (?:thanks|thank you|goodbye|bye|sorry) ${GAP4}before i (?:go|leave|die)${END}`,
      'before i go for good',
      `(?:please )?(?:take care of|look after|watch) my (?:kids|children|son|daughter|dog|cat|dogs|cats|babies|pets?) (?:for me|when im gone|after im gone|when i am gone)`,
      `(?:im|i am) (?:giving|gave) (?:away )?(?:all )?my (?:stuff|things|clothes|belongings|dog|cat)`,
      'i want you to have my (?:stuff|things|ring|guitar|dog|cat|car|clothes)',
      `gracias por todo ${GAP4}(?:antes de irme|antes de que me vaya|adios|los quiero|perdon|perdonen)`,
      'antes de (?:irme|que me vaya) para siempre',
      `(?:cuiden|cuida|cuide) (?:a |de )?(?:mis hijos|mis ninos|mi hijo|mi hija|mi perro|mi gato|mis hijas) (?:por mi|cuando ya no este|cuando me vaya)`,
      `(?:me despido de (?:todos|ustedes|ti|usted))`,
      '(?:le|les|te) (?:dejo|regalo|regale) (?:todas )?mis cosas',
      'quiero que (?:te quedes|se queden|usted se quede) con mis cosas',
      '(?:ya )?no me van a (?:ver|volver a ver) (?:mas|nunca)',
      'by the time you read this',
      `tell my (?:kids|children|son|daughter|babies|wife|husband|mom|dad|family) (?:that )?(?:daddy|mommy|mama|papa|their (?:dad|mom|father|mother)) (?:loves|loved|is sorry|was sorry)`,
      'cuando lean esto',
      `(?:this is the |the )?last (?:time youll hear from me|text from me|message from me)`,
      '(?:ya )?no voy a estar(?= \\.|$| aqui| manana| para)',
      'antes de que sea tarde',
      `(?:ya )?(?:no|nunca) (?:me )?van a (?:tener|volver) (?:q|que) (?:aguantarme|verme|preocuparse)`,
      `(?:you|yall|you guys) (?:wont|will not) (?:hear from|see) me (?:again|anymore|after tonight)`,
    ],
  },

  // ── danger from another person ─────────────────────────────────────────
  {
    id: 'grammar.danger',
    kind: 'danger_from_other',
    strength: 'crisis',
    patterns: [
      `(?:dijo|dice|me dijo|grito|amenazo|juro) que ${GAP4}me (?:iba|va) a (?:matar|pegar|golpear|lastimar|hacer dano|quemar|desaparecer)`,
      `(?:el|ella|mi [a-z]+) me (?:va|iba) a (?:matar|pegar|golpear|lastimar)`,
      `(?:said|says|swore|yelled|screamed|told me|threatened) ${GAP4}(?:he|she|they) (?:would|will|was going to|is going to|going to|hel|shel|ll) (?:kill|hurt|beat|shoot|stab) me`,
      `(?:someone|somebody|a man|a guy|he|she|my ex|theres someone|there is someone) ${GAP4}(?:at|outside|by|in front of|banging on|trying to get in) ${GAP}(?:my |the )?(?:door|house|window|apartment|car|room) ${GAP4}(?:gun|knife|weapon|bat|pistol)`,
      `(?:alguien|un hombre|un tipo|mi ex|el|ella) ${GAP4}(?:en|afuera de|frente a|tocando) ${GAP}(?:la |mi )?(?:puerta|casa|ventana|carro|cuarto) ${GAP4}(?:pistola|arma|cuchillo|navaja|machete)`,
      `hay (?:alguien|un hombre|un tipo) ${GAP4}con (?:una |un )?(?:pistola|arma|cuchillo|navaja|machete)`,
      `(?:he|she|they|my (?:[a-z]+ ){1,2}|someone|somebody|a man|a guy) (?:is |are |keeps )?(?:hitting|beating|choking|strangling|kicking|punching|stabbing|shooting|hurting|abusing|raping|touching) (?:me|us|my mom|my kids|my baby)`,
      '(?:scared|afraid|fear|fearing) for my life',
      '(?:temo|miedo) por mi vida',
      `(?:im|i am) (?:scared|afraid|terrified) ${GAP4}(?:hes|he is|shes|she is|theyre|he will|she will) (?:going to )?(?:kill|hurt|beat|find) me`,
      `(?:tengo miedo|me da miedo) (?:de )?que me (?:mate|pegue|golpee|lastime|encuentre)`,
      'me (?:pego|golpeo|empujo|ahorco|cacheteo|pateo|quemo|amenazo) (?:otra vez|de nuevo|anoche|hoy|ahorita)',
      `(?:hit|punched|slapped|choked|kicked|pushed|shoved|strangled) me (?:again|last night|tonight|today|just now|and)`,
      `(?:he|she|they|someone|somebody|my [a-z]+|a man|a guy|hes|shes) ${GAP}(?:is |s |are )?(?:kicking|breaking|banging on|pounding on|trying to break|trying to get|busting) ${GAP}(?:door|window|in)`,
      `(?:threw|shoved|pushed|dragged|slammed|knocked) me (?:down|into|against|across|to the|on the|off|out of)`,
      `(?:held|put|pointed|pulled) (?:a |the |his |her )?(?:knife|gun|pistol|weapon) (?:to|at|on|against) (?:me|my)`,
      `(?:beat|beats|beating) me(?: up)?`,
      'got jumped',
      `(?:threatening|threatened|threatens) to (?:shoot|burn|kill|hurt|stab|beat)`,
      `(?:said|says|texted|texting me|told me|yelling|screaming) ${GAP4}(?:im dead|i am dead|youre dead|is my last|i wont (?:live|survive|make it)|(?:he|she) (?:will|ll|hel|shel) use it|see you soon)`,
      `(?:with|w) (?:a |his |her |the )?(?:gun|knife|bat|weapon|machete) ${GAP4}(?:saying|says|said|threatening|going to)`,
      `(?:in|inside|outside) (?:my|the) (?:house|home|room|apartment|door) (?:with|w) (?:a |his |her )?(?:knife|gun|bat|weapon)`,
      `me (?:pego|golpeo|pateo|empujo|cacheteo|dio) ${GAP}(?:en (?:la|el|mi) (?:cara|ojo|cabeza|estomago|panza|boca|piso)|contra (?:la|el) (?:pared|piso|puerta)|cachetadas|una golpiza|de golpes)`,
      'me dejo (?:el ojo|la cara|moretones|marcas|sangrando)',
      'ojo morado',
      `(?:siguiendo|persiguiendo|buscandome) ${GAP4}(?:con )?(?:un |una )?(?:cuchillo|navaja|pistola|arma|machete)`,
      `armad[oa]s? ${GAP}(?:buscandome|persiguiendome|siguiendome)`,
      `(?:esta|estan) (?:rompiendo|tumbando|pateando|golpeando|forzando) (?:la|mi) (?:puerta|ventana)`,
      `(?:afuera|aqui|en la casa|en mi casa|en la puerta|outside) con (?:un|una|la|el) (?:cuchillo|navaja|arma|pistola|machete|gun|knife|bat|bate)`,
      `(?:tiene|trae|saco|has) (?:un|una|la|el|a|the) (?:knife|gun|cuchillo|pistola|arma|navaja)`,
      `(?:dice|dijo|dijeron|grita|gritando|mando (?:un )?mensaje|me mando|escribio) (?:que |q )?${GAP4}(?:me|nos) (?:mata|matan|va a matar|van a matar|busca y me mata|termina|va a quebrar|van a quebrar|van a pelar|va a pelar)`,
      '(?:no salgo viva|no salgo vivo|no la cuento)',
      `me (?:apreto|agarro) (?:el cuello|del cuello)`,
      `me (?:cayo|cayeron) a golpes`,
      '(?:nos|me) (?:va a|van a) matar a todos',
      `me (?:tiene|tienen) amenazad[oa]`,
      `me (?:hizo|iso|hiso) moretones`,
    ],
  },

];
