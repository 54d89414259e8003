/**
 * Weak cues (the question tier) and signs that count only together.
 *
 * Clinical policy:
 * - A weak cue alone is indirect or ambiguous wording: hopelessness, "what's
 *   the point", "ya no aguanto", passive wishes not to be here, a plan word
 *   without intent. It earns the direct question (which carries 988) and a
 *   review flag — unless a negation before it, a recovered past or a film
 *   leaves that to the model ("nop, no pienso en eso").
 * - Some signs are ordinary one at a time and a crisis together (a set of
 *   SIGN_GROUPS): two or more goodbye signs ("gave my dog away" + "I won't
 *   need it"); a substance and a body sign ("did a couple lines" + "chest
 *   hurts"); a means and a plan word ("my pills" + "I counted them"). An
 *   `alone` sign is a weak cue by itself. A sign does not count when the
 *   message gives the everyday reason for it (`unless`): the old couch given
 *   to a neighbour, the letter written as homework, the last check-in before
 *   a vacation, "see you Thursday".
 */
import type { GrammarRule } from './grammarRules';
import { GAP, GAP4, END } from './slots';
import type { DangerKind } from './types';

const RELATIVE = '(?:son|daughter|kid|child|friend|roommate|brother|sister|cousin|boyfriend|girlfriend|husband|wife|partner|mom|dad)';
const FAMILIAR = '(?:hijo|hija|amigo|amiga|hermano|hermana|primo|prima|novio|novia|esposo|esposa|pareja|mama|papa|cipote|cipota|patojo|patoja|chavo|chava|morro|morra|chamaco|chamaca)';
const OTHER_EN = `(?:he|she|they|my ${RELATIVE})`;
const OTHER_ES = `(?:ella|mi ${FAMILIAR})`;
/** After "picked the date": a party, a trip, an appointment. */
const NOT_AN_EVENT_EN = '(?! (?:for|of) (?:the |my |our |a |his |her )?(?:[a-z]+ ){0,2}(?:party|wedding|birthday|trip|move|appointment|meeting|vacation|baby shower|graduation|surgery|interview|court))';
const MEANS_EN = '(?:pills|meds|xanax|bars|percs|oxy|fentanyl|gun|pistol|rope|noose|knife|razor|blades)';
const MEANS_ES = '(?:pastillas|medicinas|xanax|fentanilo|pistola|arma|soga|cuerda|cuchillo|navaja)';

export const WEAK_CUES: readonly GrammarRule[] = [
  {
    id: 'weak.hopeless_en',
    kind: 'suicide',
    strength: 'weak',
    patterns: [
      'whats (?:even )?the point',
      `(?:dont|do not|dnt|cant|cannot|no longer) (?:want to |wanna |wish to )?(?:keep )?(?:live|living|go on) (?:like this|this way|like that|without)`,
      'whats the use',
      'tired of (?:waking up|being awake|getting up|trying|everything)',
      'nothing (?:to look forward to|left to look forward to|left to live for)',
      '(?:my )?last (?:birthday|christmas|thanksgiving|summer|holiday|new year)',
      `(?:dont|do not|no longer) (?:want|wanna|wish) to be (?:around|here|alive|on this earth|in this world)`,
      `(?:cant|dont|do not) see (?:a|any) way (?:forward|out)`,
      `(?:id|would) rather not (?:be here|exist|wake up|be alive|be around)`,
      `(?:dont|do not) belong (?:here|anywhere|in this world)`,
      '(?:never get better|nothing will ever change|no hope left|nothing left for me)',
      `ready to (?:go|leave this world|be with (?:my|grandma|grandpa|god))`,
      `(?:dont|do not) care (?:what happens to me|if i live|if i die|about living|if i wake up)`,
      `(?:would be|d be|are|is) better off`,
      `i (?:have|got|made) a plan`,
      `how (?:id|i would|im going to|i will) do it`,
      `(?:crash|wreck|drive) (?:my|the) (?:car|truck) ${GAP}(?:tonight|on purpose|into|off)`,
      '(?:wrote|write|writing) (?:down )?my plan',
      `tell my [a-z]+ (?:that )?(?:i tried|im sorry|i love)`,
      `deal with me (?:soon|anymore|much longer|again)`,
      `(?:cant|dont|do not) see myself (?:still here|making it|being here|alive|here)`,
      `(?:wont|will not|not going to|not gonna) be (?:a problem|a burden|around|here|bothering (?:anyone|you|anybody)) ${GAP}(?:much longer|soon|anymore|next)`,
      `(?:no )?(?:voy a|vo a) (?:ser (?:un )?(?:problema|estorbo|carga)|molestar) (?:mucho tiempo|por mucho|ya mas|mas tiempo)`,
      `(?:not sure|dont know if|dont think) i (?:want to|can|will) (?:be here|keep going|go on|live|make it)`,
      'not (?:to )?exist',
      'disappearing for good',
      `(?:wouldnt|would not|dont|wont) mind if i (?:just )?(?:didnt wake up|died|was gone|wasnt here|never woke up)`,
      '(?:waiting|ready) to die',
      'why am i (?:even |still )?(?:here|alive)',
      `nothing (?:is )?(?:ever )?(?:going to|gonna|will) (?:get|be) better`,
      `(?:im|i am) (?:at|on|by|under) the (?:bridge|overpass|tracks|train tracks|roof|edge|cliff)${END}`,
      'point of (?:living|trying|anything|going on|it all)',
      '(?:over|done with) (?:life|it all)',
      `(?:cant|cannot) keep (?:doing this|going|living)`,
      'without me',
      `if i (?:just )?(?:didnt wake up|wasnt around|was gone|disappeared|died|wasnt here)`,
      'not coming back',
      'taking up space',
      `(?:tired|exhausted) of (?:life|living|being alive)`,
      'life thing',
      'kill yourself',
      '(?<!not going to |not gonna |wont |will not |never |would never |dont want to )end it',
      'what is the point',
      '(?:theres )?no point (?:anymore|in anything|in trying|to anything)',
      // Not "I can't do this math homework".
      `(?:cant|can not|cannot) (?:(?:take|handle) (?:it|this|this anymore|it anymore|much more|any more|anymore)|do (?:it|this)(?= \\.|$| anymore| any more| no more))`,
      '(?:cant|cannot) go on',
      'i give up',
      'giving up on (?:everything|life|myself)',
      `(?:no one|nobody|noone) (?:cares|would care|would notice|would miss me|loves me|needs me)`,
      'i hate (?:myself|my life)',
      `(?:im|i am|i feel) (?:so |just |completely |totally )?(?:hopeless|worthless|empty|numb|trapped|done|a burden|a failure|useless)${END}`,
      'no way out',
      'tired of (?:everything|it all|fighting|trying|being here)',
      `(?:i|ive) (?:just )?(?:wish|want) ${GAP}(?:to )?(?:disappear(?! into| for (?:the|a|the whole) (?:weekend|day|week|bit|while)| (?:this|all) (?:weekend|day|week))|sleep forever|vanish|not exist|not wake up)`,
      '(?:keep|cant stop|been) thinking about (?:it|dying|death|not being here)',
      '(?<!no |not having |havent had |no more |without )(?:dark|bad|scary) thoughts',
      '(?:what|wat) if i (?:just )?(?:wasnt here|disappeared|didnt wake up|was gone)',
      `(?:it|things|everything) (?:would be|will be) (?:easier|better) (?:if i|without me)`,
      'everyone (?:would be|is) better (?:off )?without me',
      'i (?:dont|do not) (?:want to|wanna) (?:be here|exist|wake up|do this anymore|feel anything)',
      'done with (?:everything|it all|life|this life)',
      `(?:i|ive) (?:been )?(?:having|had) thoughts (?:of|about) ${GAP}(?:dying|death|hurting myself|ending it|suicide)`,
      'i want (?:it|this|everything) to (?:stop|end|be over)',
      `(?<!(?:dont|do not|no longer|never|didnt) )(?:have|got|bought|saving|saved|stockpiling|holding) ${GAP4}${MEANS_EN}(?! (?:organizer|organiser|case|box|container|reminder|refill|app))`,
      `(?:going to|gonna|im going to|ill) do it ${GAP4}(?:when|after|before|tonight|tomorrow|once)`,
      `(?:hope|hoping|wish|wishing) (?:that )?i (?:would |could |just )?(?:get sick|get hit|get in an accident|crash|never wake|dont wake|dont recover|die|was dead|were dead|just die|disappear)`,
      `(?:a |just a |only a |such a )?(?:weight|burden|drain) (?:on|to|for) (?:my family|everyone|everybody|them|my kids|people|my [a-z]+)`,
      `if (?:it wasnt|it werent|it was not|not) for (?:my|the) [a-z]+ ${GAP4}(?:(?:still )?be (?:here|around|alive)|be gone|be dead)`,
      `(?:dont|do not|cant|cannot) (?:really )?see (?:a |any )?future for me`,
      `(?:shouldnt|should not|not meant to|wasnt meant to) be (?:here|alive|around)`,
      `(?:care|mind) if (?:a |the )?(?:bus|car|truck|train|something) (?:hit|hits|ran over|runs over|killed|kills) me`,
      'never (?:been born|existed|woke up)',
      'waste of (?:space|air|life|oxygen)',
      `how much longer i can (?:do this|take|go on|keep)`,
      'not existing',
      `(?:decided|made up my mind) to do it`,
      `(?:picked|chose|found) (?:the|a) (?:spot|place|day|date|bridge)${NOT_AN_EVENT_EN}`,
      `(?:researching|looked up|looking up|googled|googling) ${GAP4}(?:bridges?|pills|dose|how to|how many|method)`,
      `(?:by|at|on|near) the (?:tracks|train tracks)`,
      `(?:waiting for) the (?:next )?train`,
      `(?:god|jesus) (?:takes|would take|to take|will take) me`,
      `(?:nobody|no one) (?:has|will have|needs|will need) to worry about me`,
      `(?:i know|ya se) (?:exactly )?(?:how|when|where|which|como|cuando|donde) ${GAP}(?:do it|id do it|hacerlo|lo voy a hacer|i will do it|im going to do it|bridge|puente)`,
      `(?:picked|chose|set) a (?:date|day)${NOT_AN_EVENT_EN}`,
      'ya tengo (?:la fecha|el dia|el plan)',
      'ya lo decidi',
      `wish (?:a|the|some) (?:car|bus|truck|train|drunk driver) would (?:just )?(?:hit|run over|kill) me`,
      `(?:ready for|want|need) (?:all of )?(?:it|this|everything) to (?:just )?(?:end|be over|stop)${END}`,
      `(?:you|yall|you guys|nobody|no one|anyone) (?:wont|will not|wont ever|will never) (?:have|need) to worry about me`,
    ],
  },
  {
    id: 'weak.hopeless_es',
    kind: 'suicide',
    strength: 'weak',
    patterns: [
      `(?:dormir|dormirme|acostarme) y (?:ya )?no (?:despertar|volver a despertar|despertarme)`,
      `(?:deje|escribi) (?:una )?(?:carta|cartas|nota|notas) (?:a cada uno|para cada uno|para todos|de despedida)`,
      '(?:despidanme|despidame|despideme) de',
      // Not "ya no aguanto a mi suegra", "ya no aguanto esta tarea": someone or something everyday.
      `ya no (?:aguanto|puedo|soporto|doy mas)(?! (?:a|al|a la|a los|a las|a mi|a mis|con) )(?! (?:este|esta|estos|estas|el|la|los|las) (?!vida|dolor(?! de)|mundo)[a-z]+)`,
      'no (?:quiero|kiero|puedo) (?:seguir )?(?:vivir|viviendo|estar aqui) (?:asi|de esta manera|de este modo|como (?:estoy|vivo)|con (?:esta|este|tanta|tanto|el|la)|sin)',
      `(?:lo voy a|voy a) hacer(?:lo)? ${GAP4}(?:cuando|despues|antes|esta noche|manana)`,
      '(?:escogi|elegi|encontre) (?:el|la) (?:dia|lugar|fecha|puente)(?! (?:de|para|del) )',
      `(?:investigue|busque|buscando|investigando) ${GAP4}(?:puentes?|pastillas|dosis|como (?:morir|matarme|hacerlo))`,
      `(?:junto a|en|cerca de) las vias`,
      'esperando el tren',
      `(?:dios|diosito) (?:que )?me (?:lleve|llevara|recoja|recogiera)`,
      'cansad[oa] de estar aqui',
      '(?:solo )?ocupo espacio',
      'no sirvo para nada',
      `cuanto mas (?:voy a aguantar|puedo aguantar|aguanto)`,
      `(?:pienso|pensando) (?:mucho )?en no (?:existir|estar|despertar|vivir)`,
      `no me (?:veo|imagino) (?:viej[oa]|vivo|viva|aqui|en un ano|el otro ano|el proximo ano|el ano que viene)`,
      '(?:ya )?no quiero (?:esta|mi) vida',
      `(?:esperando|espero|ojala) (?:enfermarme|que me pase algo|que me atropellen|que me de algo)`,
      '(?:ojala|que) (?:ya )?no me (?:recupere|cure|alivie)',
      `si no fuera por (?:mi|mis) [a-z]+ ${GAP4}(?:seguiria aqui|estaria aqui|estaria viv[oa]|ya no estaria|ya me hubiera (?:ido|matado))`,
      `(?:un )?(?:peso|carga|estorbo) (?:para|pa) (?:mi familia|todos|mis hijos|ellos|mi [a-z]+)`,
      `(?:no )?(?:veo|tengo) (?:ningun )?futuro (?:para|pa) mi`,
      `(?:me )?daria igual si (?:me )?(?:atropella|atropellan|muero|pasa algo|choca)`,
      'no creo llegar',
      `(?:ya )?decidi hacerlo`,
      `(?:ya )?(?:se|know) (?:donde|where) (?:colgarlo|colgarme|hacerlo|to do it|to hang)`,
      'si (?:yo )?no existiera',
      'estorbo',
      '(?:hart[oa]|cansad[oa]) de (?:despertar|levantarme|intentar|luchar)',
      'ojala no (?:salga|sobreviva|despierte|me recupere|regrese)',
      'nada (?:que esperar|por que vivir|por lo que vivir)',
      '(?:mi )?ultim[oa] (?:cumpleanos|navidad|ano nuevo)',
      'nadie se (?:tiene|va a tener) que preocupar por mi',
      `${OTHER_ES} ${GAP4}(?:esta|sta) en el techo(?! (?:limpiando|arreglando|pintando|poniendo|quitando|jugando|trabajando|reparando))`,
      '(?<!no )(?:pienso|pensando|sigo pensando) en eso',
      `(?:sin|no tengo|ya no tengo) (?:fuerzas|ganas) (?:para|de) (?:seguir|vivir|nada(?! hoy| ahorita| este fin| de cocinar| de salir| de ir))`,
      `quisiera que (?:dios|diosito) me (?:recogiera|llevara)`,
      'me lleve la pelona',
      'no me sabe a nada',
      `si (?:me pasa algo|manana no amanezco|no despierto|no amanezco)`,
      `(?:me da igual|me vale|no me importa) si (?:vivo|me muero|me pasa algo|amanezco)`,
      '(?:ubiera|hubiera) nacido',
      'que nadie me (?:buscara|busque|extrane)',
      `(?:ya no|no) (?:quiero|kiero) amanecer`,
      'ya no se si quiero (?:seguir|vivir|estar)',
      'ni de vivir',
      'nada tiene sentido',
      'no le (?:encuentro|hallo) (?:el chiste|sentido|caso) a (?:vivir|la vida|nada|seguir)',
      'ya cumpli',
      'para que (?:sigo|estoy) (?:aqui|viv[oa])',
      'nada (?:va a|nunca va a) (?:mejorar|cambiar|estar bien)',
      'me quiero ir (?:de este mundo|para siempre|pa siempre)',
      'cansad[oa] de vivir',
      'ya (?:para|pa) que',
      `no (?:aguanto|soporto|puedo) mas(?! (?:con )?(?:este|esta|el|la|a mi|a la|al) (?:calor|frio|trafico|tarea|trabajo|chamba|jefe|jefa|ruido|suegra|suegro|examen|clase|fila|espera))`,
      '(?:para que|de que sirve|que caso tiene|cual es el punto) (?:seguir|vivir|intentar|luchar|todo)',
      'para que (?:sigo|vivo|sirvo)',
      'me (?:rindo|di por vencid[oa])',
      `nadie (?:me quiere|me extranaria|me necesita|se daria cuenta|me va a extranar|le importo|se preocupa por mi)`,
      '(?:me odio|odio mi vida)',
      `(?:estoy|me siento) (?:muy |tan |bien )?(?:sin esperanza|vaci[oa]|atrapad[oa]|inutil|una carga|un estorbo|sin salida|sin ganas de vivir)`,
      'no valgo nada',
      '(?:quiero|quisiera|ojala pudiera) (?:desaparecer(?! (?:el|este|un|unos|unas|todo el|toda la) (?:fin|finde|dia|dias|rato|semana|tarde))|dormir para siempre|no despertar|no existir)',
      '(?:me quiero ir|quiero irme) (?:de aqui|lejos|para siempre)?',
      '(?:sigo|no dejo de|no puedo dejar de) pensar en (?:eso|morir|la muerte|no estar)',
      '(?<!no (?:he tenido|e tenido|tengo|tuve|ando con) |sin )pensamientos (?:feos|malos|oscuros|de muerte)',
      'todos (?:estarian|estaran) mejor sin mi',
      'ya no quiero (?:seguir|estar aqui|nada|sentir)',
      'cansad[oa] de (?:todo|luchar|intentar|seguir)',
      `(?<!no |ya no |nunca )(?:tengo|compre|guarde|estoy juntando|junte) ${GAP}${MEANS_ES}(?! (?:de cocina|para cocinar|para la cocina|en el pastillero))`,
      'no (?:le )?veo (?:salida|caso|sentido)',
      'estoy (?:harta|harto) de (?:todo|la vida|vivir)',
      'quiero que (?:todo )?(?:se acabe|termine|pare)',
    ],
  },
  {
    id: 'weak.self_harm',
    kind: 'self_harm',
    strength: 'weak',
    patterns: [
      `(?:carved|carve|carving) (?:into )?my`,
      `(?:slam|slamming|slammed|bang|banging|banged|punch|punching|punched) my (?:fist|head|hand|arm) (?:in|into|on|against)`,
      '(?:new|fresh|deep|deeper) cuts',
      'cuts (?:are|r) (?:deep|deeper|bad|bleeding)',
      'covered in (?:new |fresh )?(?:cuts|burns|scars)',
      `(?:burned|burnt|burn|burning) my (?:skin|arm|arms|leg|legs|wrist|wrists|hand|thigh|thighs|stomach) with`,
      '(?:para|pa) castigarme',
      'punish myself',
      `me (?:rasgune|raye|pique|queme|corte|golpee|rasguno) ${GAP4}(?:de la rabia|del coraje|hasta|sangr[a-z]+|para sentir|a proposito|otra vez|con (?:un|una|el|la) (?:cuchillo|navaja|aguja|encendedor|cigarro|correa))`,
      `(?:hit|hitting|punched|punching|scratched|scratching|pinched|pinching|bit|biting) myself (?:until|til|till|so hard|again|on purpose)`,
      `(?:urge|urges|want|wanting|itching) to (?:cut|burn|hurt myself|hit myself)`,
      `(?:ganas|necesidad) de (?:cortarme|lastimarme|quemarme|pegarme|hacerme dano)`,
      // Hurting oneself until it bleeds, whatever the verb.
      `(?:till|until|til|hasta que) ${GAP}(?:bleed|bled|bleeds|bleeding|sangr[a-z]+)`,
      `(?:burned|burnt) my (?:wrist|wrists|arm|arms|skin|thigh|thighs) ${GAP4}(?:lighter|spoon|cigarette|lighter|iron|on purpose|again)`,
      `me queme ${GAP}(?:la muneca|las munecas|el brazo|los brazos|la piel|las piernas) ${GAP4}(?:cuchara|encendedor|cigarro|a proposito|otra vez)`,
    ],
  },
  {
    id: 'weak.danger',
    kind: 'danger_from_other',
    strength: 'weak',
    patterns: [
      `(?:el|ella|he|she|alguien|someone) (?:esta|is|s) (?:tratando de|trying to) (?:entrar|get in|break in)`,
      `me (?:jalo|agarro|arrastro) (?:del|de los|de la) (?:pelo|cabello|brazo|brazos|cuello)`,
      `me (?:avento|tiro|empujo|arrojo) (?:al|contra el|contra la|por las) (?:piso|suelo|pared|escaleras)`,
      `me rompio (?:la|el) (?:boca|nariz|labio|brazo|diente|cara)`,
      `me (?:da|dio|daba|pone|puso|metio) (?:golpes|putazos|chingadazos|madrazos|cachetadas|patadas|una paliza|una golpiza|una cachetada)`,
      `(?:my mom|my dad|my mother|my father|my boss|my teacher|my coach|my sister|my brother|my wife|my husband|mi mama|mi papa|mi jefe|mi jefa|mi esposa|mi esposo|mi maestra) ${GAP}(?:is going to|going to|will|is gonna|me va a|me iba a) (?:kill|matar) (?:me)?`,
      '(?:scared|afraid|terrified) of (?:him|her|my ex|my husband|my boyfriend|my partner|my dad|them)',
      '(?:le|les) tengo miedo a (?:mi (?:ex|esposo|novio|pareja|papa|padrastro)|el|ella)',
      'tengo miedo de (?:mi (?:ex|esposo|novio|pareja|papa|padrastro)|el|ella)',
      '(?:he|she|my ex|my husband|my boyfriend) (?:yells|screams|throws things|breaks things|grabbed me|pushed me)',
      '(?:me grita|me empuja|me jalo|me agarro|rompe cosas|avienta cosas)',
      `(?:viene|vienen|va a venir|anda|andan) (?:por mi|a buscarme|buscandome)`,
      `(?:rompio|tumbo|pateo) la puerta`,
    ],
  },
  {
    id: 'weak.other',
    kind: 'other_at_risk',
    strength: 'weak',
    patterns: [
      `(?:worried|scared|afraid) (?:about|for) (?:my ${RELATIVE}|him|her|them)`,
      `(?:me preocupa|estoy preocupad[oa] por|tengo miedo por) (?:mi ${FAMILIAR}|el|ella)`,
      `${OTHER_EN} ${GAP}(?:talks|talking|talked) about (?:dying|death|not being here|suicide)`,
      `${OTHER_ES} ${GAP}(?:habla|hablo|anda hablando) de (?:morir|la muerte|suicidio|no estar)`,
    ],
  },
];

/** Signs that are a crisis together (at least `atLeast` of them); `alone` signs are a weak cue by themselves. */
export interface SignGroup {
  readonly id: string;
  readonly kind: DangerKind;
  readonly atLeast: number;
  readonly signs: readonly {
    readonly id: string;
    readonly alone: boolean;
    readonly patterns: readonly string[];
    /** The everyday reason for the same act, anywhere in the message: the sign then does not count. */
    readonly unless?: readonly string[];
  }[];
}

const SUBSTANCE =
  '(?:pase|pases|polvo|foco|tussi|arrebat[a-z]+|endrogad[oa]|drogad[oa]|nodding|pills?|meds|xanax|bars|percs?|percocet|oxy|lines?|coke|cocaine|dope|fent|fentanyl|heroin|meth|crack|shot up|smoked|snorted|relapsed|used|using|high|drank|drinking|drunk|alcohol|wine|glasses of wine|beer|whiskey|vodka|took something|gave me (?:a pill|something)|slipped something|last hit|a hit|pastillas?|pastis|perico|piedra|fentanilo|coca|mota|tragos|cerveza|vino|tequila|ron|me inyecte|jeringa|me meti|se metio|me dieron (?:algo|una pastilla)|la vaina|se tomo|me tome|tome)';

/** A next meeting, a trip, a move: the goodbye is for a while, not for good. */
const SEE_YOU_LATER = [
  'see (?:you|u|yall|ya) (?:next|tomorrow|tonight at|on (?!the other side)|at|in|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|wed|thurs|fri)',
  'nos vemos (?:el|la|manana|en (?:el|la) (?:grupo|cita|sesion|clase|junta)|en [a-z0-9]+ (?:semanas|dias)|la otra|el otro|la proxima|el proximo|el lunes|el martes|el miercoles|el jueves|el viernes)',
  'talk (?:to you|to u|soon) (?:next|tomorrow|on|monday|later)', 'hasta (?:el|la) (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|proxima|otra)',
  'vacation', 'vacaciones', 'trip', 'viaje', 'moving', 'me mudo', 'nos mudamos', 'mudanza', 'new job', 'trabajo nuevo', 'graduat[a-z]*', 'me gradue', 'back (?:on|in|next)', 'regreso (?:el|en|la)',
];
/** Replaced, not given up: the old couch, the new number. */
const REPLACED = ['old', 'new one', 'got a new', 'bought a new', 'new (?:number|phone|address)', 'number', 'viej[oa]s?', '(?:el|la|uno|una) nuev[oa]', 'otr[oa] nuev[oa]', 'numero', 'direccion', 'correo', 'got my car back', 'me devolvieron'];
/** Letters IOP asks for: homework, amends, gratitude, a birthday. */
const EXERCISE = [
  'homework', 'assignment', 'exercise', 'worksheet', 'sponsor', 'amends', 'gratitude', 'birthday', 'christmas', 'thank you card', 'judge', 'court',
  'tarea', 'ejercicio', 'padrino', 'madrina', 'gratitud', 'cumpleanos', 'cumple', 'navidad', 'juez', 'corte',
];

/** Someone else's phone off, no answer, nowhere to be found. */
const UNREACHABLE =
  '(?:(?:his|her|their|su) (?:phone|cell) (?:is |s )?(?:off|dead|going to voicemail)|(?:wont|doesnt|isnt|not) (?:answer|answering|pick up|picking up|respond|responding)|(?:cant|can not|nobody can|no one can) (?:reach|find) (?:him|her|them)|(?:isnt|is not|not) (?:home|at home)|(?:ya )?no (?:contesta|responde|me contesta|me responde)|apago (?:el|su) (?:cel|celular|telefono)|(?:nadie|no) (?:la|lo) (?:encuentra|encuentro|encontramos)|no esta en (?:la )?casa)';

export const SIGN_GROUPS: readonly SignGroup[] = [
  {
    id: 'grammar.other_goodbye_signs',
    kind: 'other_at_risk',
    atLeast: 2,
    signs: [
      {
        id: 'their_goodbye',
        alone: false,
        patterns: [
          `(?:texted|sent|posted|wrote|left|said|messaged) (?:me |us |everyone )?(?:a |his |her )?(?:goodbye|good bye|bye|adios|farewell|note|letter|last message)`,
          `(?:texted|sent|wrote|said) (?:me )?(?:sorry|im sorry|i love you|love you)`,
          `(?:me |nos )?(?:mando|escribio|dejo|publico|dijo) (?:un |una |su )?(?:adios|despedida|nota|carta|ultimo mensaje|perdon|te quiero|los quiero)`,
          `(?:se despidio|se anda despidiendo|se esta despidiendo)`,
        ],
      },
      { id: 'unreachable', alone: false, patterns: [UNREACHABLE] },
    ],
  },
  {
    id: 'grammar.goodbye_signs',
    kind: 'suicide',
    atLeast: 2,
    signs: [
      {
        id: 'giving_away',
        alone: true,
        patterns: [
          `(?:gave|given|giving|dropped off|left) (?:away )?(?:all )?(?:my|his|her) (?:[a-z]+ ){1,3}(?:to|at|with|for)`,
          `(?:le |les )?(?:di|deje|regale|devolvi|regalo|regalando) (?:casi )?(?:todas |todos )?(?:mi|mis|la|el|los|las) (?:[a-z]+ ){0,3}(?:a|al|a la|para)`,
          `(?:put|have put|ive put) everything in order`,
          '(?:my )?affairs (?:are )?in order', 'mis (?:asuntos|cosas|papeles) (?:ya )?(?:estan )?en orden',
          'puse (?:mis cosas|todo) en orden',
          '(?:made|wrote|finished) my will',
          '(?:rent is paid|deje pagado|passwords are|bank stuff is all in order|los papeles del carro|la cuenta del banco)',
          'deje todo (?:arreglado|listo|arranged|en orden)',
          'borre mis redes',
          'who gets my',
          `(?:gave|given|giving) away (?:all )?(?:of )?(?:my|his|her|their) `,
          `(?:my|mi) (?:dog|cat|perro|gato|perrita|gatita) (?:goes|is going|se queda|se va a quedar|ya esta) (?:to|with|con)`,
          `(?:leaving|leave|le dejo|les dejo) (?:everything|all my stuff|all my things|todo|todas mis cosas) (?:to|a)`,
          'quien se queda con mis',
          'saying (?:bye|goodbye) to everyone',
        ],
        unless: [...REPLACED, ...SEE_YOU_LATER],
      },
      {
        id: 'wont_need',
        alone: true,
        patterns: [
          `(?:wont|will not|no longer) need (?:it|them|this|that|the|my|any)`,
          `ya no (?:lo|la|los|las|me) (?:voy a|va a) (?:necesitar|ocupar|hacer falta)`,
          'ya no me hace falta',
          `ya no (?:voy a|va a) (?:necesitar|ocupar)`,
          '(?:wont|will not) be needing',
          'where im going',
        ],
        unless: [...REPLACED, ...SEE_YOU_LATER],
      },
      {
        id: 'letters',
        alone: true,
        patterns: [
          `(?:wrote|left|writing|write) (?:a |my )?(?:letter|letters|note|notes) (?:to|for)`,
          `(?:gets|get|read|reads|find|finds) my (?:letter|note)`,
          `(?:cartas?|notas?) (?:a|para) (?:mis|mi)`,
          'cartas de despedida',
          'les deje cartas',
          `(?:les|le) escribi (?:a|una carta a|cartas a) (?:mis|mi)`,
          `(?:wrote|left) (?:notes|letters|a note|a letter) for`,
        ],
        unless: EXERCISE,
      },
      {
        id: 'thanks',
        alone: false,
        patterns: [
          `(?:thanks|thank you|thx|ty|thank u) (?:for everything|for all|for caring|for being|for trying|to you and|for the check)`,
          'wanted to (?:thank|say thank)',
          'thanks for being my (?:friend|sister|brother|mom|dad|sponsor|counselor)', 'you were always (?:good|kind|there) (?:to|for) me',
          '(?:siempre )?(?:fuiste|fue|fueron) (?:muy |bien )?(?:buena onda|buen[oa]s?) conmigo', 'gracias por ser mi (?:amig[oa]|herman[oa]|padrino|madrina|consejer[oa])',
          `(?:you|yall|you guys|ustedes|usted) (?:were|have been|youve been|fueron|han sido|fue) (?:so |really |muy |bien )?(?:kind|good|nice|buena onda|buenos|buenas|amables) (?:to me|conmigo)`,
          'youve been (?:so |really )?(?:kind|good|nice) to me',
          '(?:the only one|the only person|la unica|el unico) (?:who|que) (?:listened|cared|me escucho|me entendio)',
          `gracias (?:por|x) (?:todo|escucharme|aguantarme|las llamadas|cuidarme|caring)`,
          `(?:le|les) queria (?:dar las gracias|agradecer|decir gracias)`,
        ],
      },
      {
        id: 'last',
        alone: true,
        patterns: [
          'see (?:you|u|yall) on the other side', 'goodnight forever', 'good night forever', '(?:signing|logging) off for good',
          'remember me (?:the way|as|like|for)', 'nos vemos en el otro lado', 'buenas noches para siempre', '(?:recuerdenme|acuerdense de mi) (?:como|asi)',
          'this is the end', 'nice knowing (?:you|yall|everyone)', 'fue un gusto conocer(?:los|te|la)', 'while i still can', 'mientras (?:todavia|aun) puedo', `last (?:time (?:youll|you will|i (?:text|write|talk|say))|text|message|check ?in|thing i wanted)`, `(?:ultimo|ultima) (?:mensaje|msj|cita|dia|vez que (?:les |te |le )?(?:escribo|hablo|me ven|me van a ver)|check in)`, 'este es el ultimo'],
        unless: SEE_YOU_LATER,
      },
      {
        // Everyday phrases too ("for the last time, where is the form"): a sign only beside another.
        id: 'final_words',
        alone: false,
        patterns: ['(?:one|1) more time', 'hasta nunca', 'my will is (?:on|in|done|ready|signed|with)', 'mi testamento (?:esta|ya esta)'],
      },
      { id: 'forgive', alone: true, patterns: ['(?:please )?forgive me', 'perdonenme', 'perdoname', 'perdonen todo'] },
      { id: 'bye', alone: false, patterns: ['(?:goodbye|goodby|good bye|bye|farewell|adios|me despido|despedirme|me despedi|peace out|peacing out|peace forever)'] },
      {
        id: 'sorry_love',
        alone: false,
        patterns: [
          `(?:sorry|sory|perdon|perdonen|perdoname) (?:for everything|for evrything|por todo|a todos)`,
          '(?:i love you all|love you all|love you guys|love u|los quiero a todos|los kiero|los quiero mucho|las quiero)',
          'im sorry',
          `(?:sorry|perdon|perdonen) (?:it|that it|que) (?:ends|ended|has to end|termine|acabe) (?:like this|this way|asi)`,
          '(?:im|i am) (?:so )?sorry (?:mom|mama|ma|dad|papa|everyone|everybody|guys)', 'perdon (?:mama|ma|papa|pa|amá|apá)',
        ],
      },
      {
        id: 'calm_ready',
        alone: false,
        patterns: ['im done', 'ya estuvo', 'finally at peace', 'made (?:my )?peace with it', 'at peace with (?:it|my decision|everything)', 'por fin (?:estoy )?en paz', 'en paz con (?:mi decision|lo que decidi)', '(?:ya )?estoy list[oa](?= \\.|$)', 'im ready(?= \\.|$)', '(?:at peace|calm for the first time|i think im ready|im ready now|ready now|ya es hora|ya fue|feel calm|me siento en paz|ya estoy en paz|its been real|fue bonito)'],
      },
      {
        id: 'dont_look',
        alone: true,
        patterns: [
          'when im gone',
          'cuando (?:ya )?no (?:este|estoy)',
          '(?:dont|do not) (?:come )?(?:look|looking|search|searching) for me', 'no me (?:vengan a buscar|busquen)', 'whoever finds me', '(?:quien|el que|la que) me encuentre',
          `(?:dont worry about me|no me busquen|dont look for me|you wont hear from me|wont be around|ya no voy a molestar|ya no voy a ser (?:problema|una carga)|sigan adelante sin mi|ya no van a tener)`,
          `(?:wont|will not) be at (?:group|session|therapy) anymore`,
          'ya no (?:voy a ir|vuelvo) al grupo',
          `ya no (?:van a|vas a|va a) saber (?:nada )?de mi`,
          `if anything (?:happens|were to happen) to me`,
        ],
      },
      {
        id: 'not_your_fault',
        alone: true,
        patterns: ['(?:not your fault|you did nothing wrong|you tried your best|you all tried|no es tu culpa|no es su culpa|ustedes hicieron todo|you did everything)'],
      },
      {
        id: 'care_for',
        alone: true,
        patterns: [
          `(?:take care of|make sure|look after) my (?:dog|cat|kids|daughter|son|pets?|little sister|babies)`,
          `(?:cuiden|cuidenme|cuida|cuide) (?:a )?(?:mi|mis) (?:perro|gato|hijos|hijo|hija|ninos)`,
          'goes to a good home',
          `(?:give|gives) my (?:stuff|things) to`,
        ],
      },
    ],
  },
  {
    id: 'grammar.overdose_signs',
    kind: 'overdose',
    atLeast: 2,
    signs: [
      { id: 'substance', alone: false, patterns: [SUBSTANCE] },
      {
        id: 'body',
        alone: false,
        patterns: [
          `(?:cant|can not|cannot|couldnt) (?:really )?(?:feel|move|stay awake|breathe|keep my eyes open|see straight|wake (?:him|her|them))`,
          '(?:keep|keeps|kept) passing out',
          'going to pass out',
          'barely (?:keep my eyes open|breathing|awake)',
          `heart (?:is |s )?(?:pounding|racing|beating (?:so )?fast|doing something weird|feels weird|stopped)`,
          'chest (?:hurts|pain|is tight|feels tight)',
          '(?:trouble|hard time|hard) breathing',
          'gurgling',
          `(?:lips|face) (?:are |is |turning |turned )?(?:blue|purple|gray)`,
          `(?:not|isnt) (?:responding|breathing|waking up)`,
          'wont wake up',
          'unconscious',
          'seizure',
          'seizing',
          'throat (?:is )?closing',
          'room (?:is )?spinning',
          'vision(?:s)? (?:is |going )?(?:weird|blurry)',
          'sweating',
          `breathing (?:is )?(?:really |so |very )?(?:slow|shallow|weird|funny)`,
          `(?:is|s|esta|turned|turning|se puso) (?:blue|gray|grey|purple|morad[oa]|azul)`,
          'throwing up',
          'tripping bad',
          `(?:face|arm|arms|leg|legs|lips|hands|hand|body|fingers|tongue|mouth) (?:is |are |feels |feel |went |going )?(?:numb|tingling|tingly)`,
          'cant (?:walk|stand up|stay awake)', 'everything (?:is )?spinning', 'barely breathe',
          '(?:adormecid[oa]s?|hormigueo)', 'no (?:puedo|me puedo) (?:caminar|parar|mantener despiert[oa])', 'apenas (?:puedo )?respir[a-z]+',
          `no (?:puedo|podia|pude) (?:respirar|moverme|mover|despertar|despertarlo|despertarla|pensar)`,
          'no (?:lo|la) puedo despertar',
          'me cuesta (?:mucho )?respirar',
          'se me (?:cierra|esta cerrando) (?:la garganta|el pecho)',
          '(?:el pecho me duele|me duele el pecho)',
          '(?:el corazon )?me late (?:el corazon |bien |muy )?(?:recio|fuerte|rapido|raro|rarisimo|durisimo)',
          'convulsion[a-z]*',
          'inconsciente',
          'tirado',
          '(?:veo|viendo) (?:borroso|raro)',
          'vomitando',
          '(?:cuerpo|todo el cuerpo) dormido',
          'se me durmio (?:todo )?el cuerpo',
          'ronca raro',
          'me tiembla todo',
          'sudando frio',
          'no siento (?:mi|la|los|las|mis)',
          '(?:legs|arms|body) (?:feel|feels) like (?:jelly|rubber|lead)',
          '(?:whole body|all over) (?:is )?(?:numb|tingling)', 'numb all over',
          '(?:feel like|going to|about to) faint', 'dizzy', 'nodding (?:off|out)',
          'throat (?:feels |is )?(?:tight|closing)', 'breathing (?:feels|is) (?:off|weird|wrong)',
          '(?:lips|face|skin) (?:look|looks|looking) (?:blue|purple|gray|grey)',
          'mantener(?:me|se)? despiert[oa]', 'respir[a-z]* (?:muy |bien )?(?:lento|despacio|raro)',
          '(?:muy|bien|super) (?:dormid[oa]|adormilad[oa]|somnolient[oa])(?! (?:hoy|en clase|en el trabajo))',
        ],
      },
    ],
  },
  {
    id: 'grammar.plan_signs',
    kind: 'suicide',
    atLeast: 2,
    signs: [
      { id: 'means', alone: false, patterns: [`${MEANS_EN}`, `${MEANS_ES}`, 'oxycodone', 'tylenol', 'heroin', 'balas', 'bullets', 'rope', 'bridge', 'puente'] },
      {
        id: 'plan',
        alone: false,
        patterns: [
          '(?:counted|count|collecting|saving|stockpil[a-z]*|more than enough|how many|it takes|waiting period|my plan|plan is|the plan|el plan|la fecha|hoy es el dia|tonight is the night|cuantas|ya las conte|juntando|lo hago|ya lo decidi|im going to take them|going to use|pensando usarla|tengo pensado|all together now)',
        ],
      },
    ],
  },
];
