/**
 * Weak cues (the question tier) and signs that count only together.
 *
 * Clinical policy:
 * - A weak cue alone is indirect or ambiguous wording: hopelessness, "what's
 *   the point", "ya no aguanto", passive wishes not to be here, a plan word
 *   without intent, one goodbye sign. It earns the direct question (which
 *   carries 988) and a review flag.
 * - Some signs are ordinary one at a time and a crisis together (a set of
 *   SIGN_GROUPS): two or more goodbye signs ("gave my dog away" + "I won't
 *   need it"); a substance and a body sign ("did a couple lines" + "chest
 *   hurts"); a means and a plan word ("my pills" + "I counted them"). Any one
 *   of them alone is a weak cue.
 */
import type { GrammarRule } from './grammarRules';
import { GAP, GAP4, END } from './slots';
import type { DangerKind } from './types';

const RELATIVE = '(?:son|daughter|kid|child|friend|roommate|brother|sister|cousin|boyfriend|girlfriend|husband|wife|partner|mom|dad)';
const FAMILIAR = '(?:hijo|hija|amigo|amiga|hermano|hermana|primo|prima|novio|novia|esposo|esposa|pareja|mama|papa|cipote|cipota|patojo|patoja|chavo|chava|morro|morra|chamaco|chamaca)';
const OTHER_EN = `(?:he|she|they|my ${RELATIVE})`;
const OTHER_ES = `(?:ella|mi ${FAMILIAR})`;
const MEANS_EN = '(?:pills|meds|xanax|bars|percs|oxy|fentanyl|gun|pistol|rope|noose|knife|razor|blades)';
const MEANS_ES = '(?:pastillas|medicinas|xanax|fentanilo|pistola|arma|soga|cuerda|cuchillo|navaja)';

export const WEAK_CUES: readonly GrammarRule[] = [
  {
    id: 'weak.hopeless_en',
    kind: 'suicide',
    strength: 'weak',
    patterns: [
      'whats (?:even )?the point',
      `(?:carved|carve|carving) (?:into )?my`,
      `(?:slam|slamming|slammed|bang|banging|banged|punch|punching|punched) my (?:fist|head|hand|arm) (?:in|into|on|against)`,
      '(?:wrote|write|writing) (?:down )?my plan',
      `tell my [a-z]+ (?:that )?(?:i tried|im sorry|i love)`,
      `deal with me (?:soon|anymore|much longer|again)`,
      '(?:new|fresh|deep|deeper) cuts',
      'cuts (?:are|r) (?:deep|deeper|bad|bleeding)',
      'covered in (?:new |fresh )?(?:cuts|burns|scars)',
      `(?:cant|dont|do not) see myself (?:still here|making it|being here|alive|here)`,
      `(?:wont|will not) be (?:a problem|a burden|around|here) ${GAP}(?:much longer|soon|anymore|next)`,
      `(?:not sure|dont know if|dont think) i (?:want to|can|will) (?:be here|keep going|go on|live|make it)`,
      'not (?:to )?exist',
      'disappearing for good',
      `(?:wouldnt|would not|dont|wont) mind if i (?:just )?(?:didnt wake up|died|was gone|wasnt here|never woke up)`,
      '(?:waiting|ready) to die',
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
      'end it',
      'what is the point',
      '(?:theres )?no point (?:anymore|in anything|in trying|to anything)',
      `(?:cant|can not|cannot) (?:take|handle|do) (?:it|this|this anymore|it anymore|much more|any more|anymore)`,
      '(?:cant|cannot) go on',
      'i give up',
      'giving up on (?:everything|life|myself)',
      `(?:no one|nobody|noone) (?:cares|would care|would notice|would miss me|loves me|needs me)`,
      'i hate (?:myself|my life)',
      `(?:im|i am|i feel) (?:so |just |completely |totally )?(?:hopeless|worthless|empty|numb|trapped|done|a burden|a failure|useless)${END}`,
      'no way out',
      'tired of (?:everything|it all|fighting|trying|being here)',
      `(?:i|ive) (?:just )?(?:wish|want) ${GAP}(?:to )?(?:disappear|sleep forever|vanish|not exist|not wake up)`,
      '(?:keep|cant stop|been) thinking about (?:it|dying|death|not being here)',
      '(?:dark|bad|scary) thoughts',
      '(?:what|wat) if i (?:just )?(?:wasnt here|disappeared|didnt wake up|was gone)',
      `(?:it|things|everything) (?:would be|will be) (?:easier|better) (?:if i|without me)`,
      'everyone (?:would be|is) better (?:off )?without me',
      'i (?:dont|do not) (?:want to|wanna) (?:be here|exist|wake up|do this anymore|feel anything)',
      'done with (?:everything|it all|life|this life)',
      `(?:i|ive) (?:been )?(?:having|had) thoughts (?:of|about) ${GAP}(?:dying|death|hurting myself|ending it|suicide)`,
      'i want (?:it|this|everything) to (?:stop|end|be over)',
      `(?:have|got|bought|saving|saved|stockpiling|holding) ${GAP4}${MEANS_EN}`,
      `(?:going to|gonna|im going to|ill) do it ${GAP4}(?:when|after|before|tonight|tomorrow|once)`,
      `(?:hope|wish) i (?:would |could )?(?:get sick|get hit|never wake|dont wake|dont recover|die|was dead|were dead|just die|disappear)`,
      'never (?:been born|existed|woke up)',
      'waste of (?:space|air|life|oxygen)',
      `how much longer i can (?:do this|take|go on|keep)`,
      'not existing',
      `(?:burned|burnt|burn|burning) my (?:skin|arm|arms|leg|legs|wrist|wrists|hand|thigh|thighs|stomach) with`,
      `(?:decided|made up my mind) to do it`,
      '(?:picked|chose|found) (?:the|a) (?:spot|place|day|date|bridge)',
      `(?:researching|looked up|looking up|googled|googling) ${GAP4}(?:bridges?|pills|dose|how to|how many|method)`,
      `(?:by|at|on|near) the (?:tracks|train tracks)`,
      `(?:waiting for) the (?:next )?train`,
      `(?:god|jesus) (?:takes|would take|to take|will take) me`,
      `(?:nobody|no one) (?:has|will have|needs|will need) to worry about me`,
      `(?:i know|ya se) (?:exactly )?(?:how|when|where|which|como|cuando|donde) ${GAP}(?:do it|id do it|hacerlo|lo voy a hacer|i will do it|im going to|bridge|puente)`,
      '(?:picked|chose|set) a (?:date|day)',
      'ya tengo (?:la fecha|el dia|el plan)',
      'ya lo decidi',
    ],
  },
  {
    id: 'weak.hopeless_es',
    kind: 'suicide',
    strength: 'weak',
    patterns: [
      'ya no (?:aguanto|puedo|soporto|doy mas)',
      `(?:lo voy a|voy a) hacer(?:lo)? ${GAP4}(?:cuando|despues|antes|esta noche|manana)`,
      '(?:escogi|elegi|encontre) (?:el|la) (?:dia|lugar|fecha|puente)',
      `(?:investigue|busque|buscando|investigando) ${GAP4}(?:puentes?|pastillas|dosis|como (?:morir|matarme|hacerlo))`,
      `(?:junto a|en|cerca de) las vias`,
      'esperando el tren',
      `(?:dios|diosito) (?:que )?me (?:lleve|llevara|recoja|recogiera)`,
      'cansad[oa] de estar aqui',
      '(?:solo )?ocupo espacio',
      'no sirvo para nada',
      `cuanto mas (?:voy a aguantar|puedo aguantar|aguanto)`,
      `(?:pienso|pensando) (?:mucho )?en no (?:existir|estar|despertar|vivir)`,
      `no me veo (?:viej[oa]|vivo|viva|aqui|en un ano)`,
      'no creo llegar',
      `(?:ya )?decidi hacerlo`,
      `(?:ya )?(?:se|know) (?:donde|where) (?:colgarlo|colgarme|hacerlo|to do it|to hang)`,
      `(?:el|ella|he|she|alguien|someone) (?:esta|is|s) (?:tratando de|trying to) (?:entrar|get in|break in)`,
      'si (?:yo )?no existiera',
      'estorbo',
      'nadie se (?:tiene|va a tener) que preocupar por mi',
      `${OTHER_ES} ${GAP4}(?:esta|sta) en el techo`,
      '(?:pienso|pensando|sigo pensando) en eso',
      `me (?:rasgune|raye|pique|queme|corte|golpee|rasguno) ${GAP4}(?:de la rabia|del coraje|hasta|sangr[a-z]+|para sentir|a proposito|otra vez|con (?:un|una|el|la) (?:cuchillo|navaja|aguja|encendedor|cigarro|correa))`,
      `(?:sin|no tengo|ya no tengo) (?:fuerzas|ganas) (?:para|de) (?:seguir|vivir|nada)`,
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
      'no le encuentro (?:el chiste|sentido|caso) a (?:vivir|la vida|nada)',
      'ya cumpli',
      'me quiero ir (?:de este mundo|para siempre|pa siempre)',
      'cansad[oa] de vivir',
      'ya (?:para|pa) que',
      'no (?:aguanto|soporto|puedo) mas',
      '(?:para que|de que sirve|que caso tiene|cual es el punto) (?:seguir|vivir|intentar|luchar|todo)',
      'para que (?:sigo|vivo|sirvo)',
      'me (?:rindo|di por vencid[oa])',
      `nadie (?:me quiere|me extranaria|me necesita|se daria cuenta|me va a extranar|le importo|se preocupa por mi)`,
      '(?:me odio|odio mi vida)',
      `(?:estoy|me siento) (?:muy |tan |bien )?(?:sin esperanza|vaci[oa]|atrapad[oa]|inutil|una carga|un estorbo|sin salida|sin ganas de vivir)`,
      'no valgo nada',
      '(?:quiero|quisiera|ojala pudiera) (?:desaparecer|dormir para siempre|no despertar|no existir)',
      '(?:me quiero ir|quiero irme) (?:de aqui|lejos|para siempre)?',
      '(?:sigo|no dejo de|no puedo dejar de) pensar en (?:eso|morir|la muerte|no estar)',
      'pensamientos (?:feos|malos|oscuros|de muerte)',
      'todos (?:estarian|estaran) mejor sin mi',
      'ya no quiero (?:seguir|estar aqui|nada|sentir)',
      'cansad[oa] de (?:todo|luchar|intentar|seguir)',
      `(?:tengo|compre|guarde|estoy juntando|junte) ${GAP}${MEANS_ES}`,
      'no (?:le )?veo (?:salida|caso|sentido)',
      'estoy (?:harta|harto) de (?:todo|la vida|vivir)',
      'quiero que (?:todo )?(?:se acabe|termine|pare)',
    ],
  },
  {
    id: 'weak.danger',
    kind: 'danger_from_other',
    strength: 'weak',
    patterns: [
      `(?:my mom|my dad|my mother|my father|my boss|my teacher|my coach|my sister|my brother|my wife|my husband|mi mama|mi papa|mi jefe|mi jefa|mi esposa|mi esposo|mi maestra) ${GAP}(?:is going to|going to|will|is gonna|me va a|me iba a) (?:kill|matar) (?:me)?`,
      '(?:scared|afraid|terrified) of (?:him|her|my ex|my husband|my boyfriend|my partner|my dad|them)',
      '(?:le|les) tengo miedo a (?:mi (?:ex|esposo|novio|pareja|papa|padrastro)|el|ella)',
      'tengo miedo de (?:mi (?:ex|esposo|novio|pareja|papa|padrastro)|el|ella)',
      '(?:he|she|my ex|my husband|my boyfriend) (?:yells|screams|throws things|breaks things|grabbed me|pushed me)',
      '(?:me grita|me empuja|me jalo|me agarro|rompe cosas|avienta cosas)',
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
  readonly signs: readonly { readonly id: string; readonly alone: boolean; readonly patterns: readonly string[] }[];
}

const SUBSTANCE =
  '(?:pase|pases|polvo|foco|tussi|arrebat[a-z]+|endrogad[oa]|drogad[oa]|nodding|pills?|meds|xanax|bars|percs?|percocet|oxy|lines?|coke|cocaine|dope|fent|fentanyl|heroin|meth|crack|shot up|smoked|snorted|relapsed|used|using|high|drank|drinking|drunk|alcohol|wine|glasses of wine|beer|whiskey|vodka|took something|gave me (?:a pill|something)|slipped something|last hit|a hit|pastillas?|pastis|perico|piedra|fentanilo|coca|mota|tragos|cerveza|vino|tequila|ron|me inyecte|jeringa|me meti|se metio|me dieron (?:algo|una pastilla)|la vaina|se tomo|me tome|tome)';

export const SIGN_GROUPS: readonly SignGroup[] = [
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
          `(?:le |les )?(?:di|deje|regale|devolvi|regalo|regalando) (?:mi|mis|la|el|los|las) (?:[a-z]+ ){0,3}(?:a|al|a la|para)`,
          `(?:put|have put|ive put) everything in order`,
          'puse (?:mis cosas|todo) en orden',
          '(?:made|wrote|finished) my will',
          '(?:rent is paid|deje pagado|passwords are|bank stuff is all in order|los papeles del carro|la cuenta del banco)',
          'deje todo (?:arreglado|listo|arranged|en orden)',
          'borre mis redes',
          'who gets my',
          `(?:leaving|leave|le dejo|les dejo) (?:everything|all my stuff|all my things|todo|todas mis cosas) (?:to|a)`,
          'quien se queda con mis',
          'saying (?:bye|goodbye) to everyone',
        ],
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
        ],
      },
      {
        id: 'thanks',
        alone: false,
        patterns: [
          `(?:thanks|thank you|thx|ty|thank u) (?:for everything|for all|for caring|for being|for trying|to you and|for the check)`,
          'wanted to (?:thank|say thank)',
          '(?:the only one|the only person|la unica|el unico) (?:who|que) (?:listened|cared|me escucho|me entendio)',
          `gracias (?:por|x) (?:todo|escucharme|aguantarme|las llamadas|cuidarme|caring)`,
          `(?:le|les) queria (?:dar las gracias|agradecer|decir gracias)`,
        ],
      },
      {
        id: 'last',
        alone: true,
        patterns: ['while i still can', 'mientras (?:todavia|aun) puedo', `last (?:time|text|message|check ?in|thing i wanted)`, `(?:ultimo|ultima) (?:mensaje|msj|cita|dia|vez|check in)`, 'este es el ultimo'],
      },
      { id: 'forgive', alone: false, patterns: ['(?:please )?forgive me', 'perdonenme', 'perdoname', 'perdonen todo'] },
      { id: 'bye', alone: false, patterns: ['(?:goodbye|goodby|good bye|bye|farewell|adios|me despido|despedirme|me despedi|peace out|peacing out|peace forever)'] },
      {
        id: 'sorry_love',
        alone: false,
        patterns: [
          `(?:sorry|sory|perdon|perdonen|perdoname) (?:for everything|for evrything|por todo|a todos)`,
          '(?:i love you all|love you all|love you guys|love u|los quiero a todos|los kiero|los quiero mucho|las quiero)',
          'im sorry',
        ],
      },
      {
        id: 'calm_ready',
        alone: false,
        patterns: ['(?:at peace|calm for the first time|i think im ready|im ready now|ready now|ya es hora|ya fue|feel calm|me siento en paz|ya estoy en paz|its been real|fue bonito)'],
      },
      {
        id: 'dont_look',
        alone: true,
        patterns: [
          `(?:dont worry about me|no me busquen|dont look for me|you wont hear from me|wont be around|ya no voy a molestar|ya no voy a ser (?:problema|una carga)|sigan adelante sin mi|ya no van a tener)`,
          `(?:wont|will not) be at (?:group|session|therapy) anymore`,
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
          `no (?:puedo|podia|pude) (?:respirar|moverme|mover|despertar|despertarlo|despertarla|pensar)`,
          'no (?:lo|la) puedo despertar',
          'me cuesta (?:mucho )?respirar',
          'se me (?:cierra|esta cerrando) (?:la garganta|el pecho)',
          '(?:el pecho me duele|me duele el pecho)',
          'me late (?:el corazon|rarisimo|muy rapido|raro)',
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
