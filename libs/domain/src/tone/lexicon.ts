/**
 * Word lists the analyzer owns. Every entry is in normalized form: lower case, apostrophes
 * removed, contractions expanded ("you're" -> "you are"), American spelling ("behaviour" ->
 * "behavior", "mum" -> "mom"). See `normalizeWord` in text.ts.
 */

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

/** A rewrite is one word, or several when a contraction opens up ("dont" -> "do not"). */
export type Rewrite = string | readonly string[];

function wordMap(entries: Record<string, string>): ReadonlyMap<string, Rewrite> {
  const map = new Map<string, Rewrite>();
  for (const [from, to] of Object.entries(entries)) map.set(from, to.includes(' ') ? to.split(' ') : to);
  return map;
}

/** Contractions typed without an apostrophe, texting shorthand and common typos. */
export const WORD_REWRITES = wordMap({
  // contractions without the apostrophe ("ill", "id", "its", "were", "well", "hell", "wed",
  // "shed", "cant" as a noun are deliberately absent: they are real words)
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  cant: 'can not',
  cannot: 'can not',
  wont: 'will not',
  isnt: 'is not',
  wasnt: 'was not',
  arent: 'are not',
  werent: 'were not',
  couldnt: 'could not',
  shouldnt: 'should not',
  wouldnt: 'would not',
  havent: 'have not',
  hasnt: 'has not',
  hadnt: 'had not',
  mustnt: 'must not',
  aint: 'is not',
  im: 'i am',
  ive: 'i have',
  youre: 'you are',
  youve: 'you have',
  youll: 'you will',
  youd: 'you would',
  theyre: 'they are',
  theyve: 'they have',
  theyll: 'they will',
  thats: 'that is',
  whats: 'what is',
  wheres: 'where is',
  whos: 'who is',
  hows: 'how is',
  shes: 'she is',
  hes: 'he is',
  theres: 'there is',
  itll: 'it will',
  thatll: 'that will',
  // texting
  u: 'you',
  ya: 'you',
  yu: 'you',
  ur: 'your',
  yr: 'your',
  youz: 'you',
  r: 'are',
  n: 'and',
  y: 'why',
  pls: 'please',
  plz: 'please',
  plse: 'please',
  thx: 'thanks',
  thnx: 'thanks',
  thanx: 'thanks',
  ty: 'thanks',
  tmrw: 'tomorrow',
  tmrow: 'tomorrow',
  tmr: 'tomorrow',
  tomoz: 'tomorrow',
  tommorow: 'tomorrow',
  tomorow: 'tomorrow',
  b4: 'before',
  bc: 'because',
  cuz: 'because',
  coz: 'because',
  cos: 'because',
  becuase: 'because',
  becasue: 'because',
  beacuse: 'because',
  bcos: 'because',
  wanna: 'want to',
  gonna: 'going to',
  gotta: 'got to',
  dunno: 'do not know',
  idk: 'i do not know',
  k: 'ok',
  kk: 'ok',
  okay: 'ok',
  okey: 'ok',
  ppl: 'people',
  wat: 'what',
  wot: 'what',
  wen: 'when',
  rn: 'right now',
  atm: 'at the moment',
  // typos
  alwyas: 'always',
  allways: 'always',
  alway: 'always',
  alwasy: 'always',
  alwys: 'always',
  nevr: 'never',
  neva: 'never',
  nver: 'never',
  realy: 'really',
  rly: 'really',
  fualt: 'fault',
  falut: 'fault',
  definately: 'definitely',
  beleive: 'believe',
  wierd: 'weird',
  untill: 'until',
  recieve: 'receive',
  ignorring: 'ignoring',
  // British and American spelling (normalized to one form)
  behaviour: 'behavior',
  behaviours: 'behaviors',
  apologise: 'apologize',
  apologised: 'apologized',
  apologising: 'apologizing',
  realise: 'realize',
  realised: 'realized',
  defence: 'defense',
  mum: 'mom',
  mummy: 'mommy',
  mam: 'mom',
  mums: 'moms',
  arse: 'ass',
  arsehole: 'asshole',
  arseholes: 'assholes',
  paediatrician: 'pediatrician',
  favourite: 'favorite',
  neighbour: 'neighbor',
  counselling: 'counseling',
  counsellor: 'counselor',
  cancelled: 'canceled',
  cancelling: 'canceling',
  judgement: 'judgment',
  practise: 'practice',
  practising: 'practicing',
  traumatised: 'traumatized',
  criticise: 'criticize',
  criticised: 'criticized',
  humour: 'humor',
  colour: 'color',
  honour: 'honor',
  programme: 'program',
  centre: 'center',
  jewellery: 'jewelry',
  pyjamas: 'pajamas',
  marvellous: 'marvelous',
  travelling: 'traveling',
  organise: 'organize',
  grey: 'gray',
  licence: 'license',
  cheque: 'check',
  tyre: 'tire',
  maths: 'math',
  // profanity spellings, so the lexicons name each once
  fuckin: 'fucking',
  fking: 'fucking',
  fkn: 'fucking',
  fcking: 'fucking',
  fk: 'fuck',
  fck: 'fuck',
  fuk: 'fuck',
  fuking: 'fucking',
  effing: 'fucking',
  shite: 'shit',
  sh1t: 'shit',
  b1tch: 'bitch',
  biatch: 'bitch',
  azzhole: 'asshole',
  a55hole: 'asshole',
});

/** Pronouns and question words whose "'s" means "is", not a possessive. */
export const IS_CONTRACTING = words(
  'it that he she what there who here where how everything nothing this something someone everyone',
);

/** Irregular "n't" forms. */
export const NOT_CONTRACTIONS = wordMap({ wo: 'will', ca: 'can', sha: 'shall', ai: 'is' });

/** Insults and slurs that are hostile wherever they stand (unless quoted or reported). */
export const INSULT_WORDS = words(`
  idiot idiots moron morons imbecile cretin dickhead dickheads knobhead twat twats tosser
  wanker wankers bellend muppet prat git berk wally retard spastic mong nonce asshole assholes scumbag scumbags scum bitch bitches slut slag whore
  narcissist narcissistic psycho psychopath sociopath deadbeat pathetic loser losers dumbass
  jackass prick pricks douche douchebag cunt numpty pillock plonker nutjob nutcase lowlife
  hypocrite parasite leech brat spineless gutless useless worthless clueless incompetent
  disgrace despicable vile coward cowardly liar liars bastard bastards bollocks
`);

/** Profanity used as an intensifier or interjection: the suggestion drops just the word. */
export const PROFANE_INTENSIFIERS = words(`
  fucking fuck fucks fucked bloody damn dammit goddamn wtf ffs stfu gtfo omfg shit shitty
  bullshit crap crappy frigging freaking wtaf fml fkn fck fcking fuckin effing
`);

/** Adjectives that are insults when said of the reader ("you're so selfish"). */
export const INSULT_ADJECTIVES = words(`
  selfish stupid dumb thick dense lazy crazy insane mental nuts unhinged deranged pathetic
  useless worthless disgusting ridiculous childish immature spiteful vindictive toxic evil
  heartless clueless incompetent hopeless ignorant arrogant delusional unbelievable
  embarrassing nasty horrible vile cruel manipulative controlling abusive twisted
  lying narcissistic spoilt spoiled fat ugly
`);

/** Nouns that are insults when aimed at the reader ("you clown", "what a joke"). */
export const INSULT_NOUNS = words(`
  idiot moron imbecile cretin clown joke loser failure disgrace mess nightmare pig cow witch
  bitch slut slag whore prick dick dickhead knob knobhead twat tosser wanker asshole jerk
  brat baby child liar coward bully hypocrite narcissist psycho lunatic nutter freak
  parasite leech snake rat scum trash creep fool dumbass bastard waste
`);

/** Feelings the sender vents about the reader or the relationship. */
export const NEGATIVE_FEELINGS = words(`
  angry furious livid fuming raging seething mad hurt heartbroken devastated crushed broken
  miserable depressed humiliated disrespected betrayed used abandoned lonely disgusted
  distraught destroyed traumatized hopeless worthless invisible unappreciated
  insulted offended upset sickened
`);

/** Adverbs that may sit between "I am" and a feeling. */
export const INTENSIFIERS = words(`
  so really very just absolutely completely totally beyond honestly literally truly utterly
  bloody fucking getting genuinely quite pretty extremely incredibly seriously still
  actually now too
`);

/** Words that make a sentence about a death or a loss, where sadness is not venting. */
export const BEREAVEMENT_WORDS = words(`
  died dies die dead passed funeral vet condolences rip loss grieving grief
  cremation buried burying
`);

/** Words that make a message about an emergency, where "call me now" is not pressure. */
export const EMERGENCY_WORDS = words(`
  hospital ambulance a&e er ae emergency admitted ward allergic reaction anaphylaxis epipen
  seizure fever temperature bleeding injured injury accident concussion unconscious missing
  urgent 999 911 paramedics paramedic icu surgery operation collapsed fainted overdose
  breathing
`);

/** Words that tie a sentence to the children, schedule, school, health or logistics. */
export const TOPIC_ANCHORS = words(`
  kid kids child children childs son sons daughter daughters boy boys girl girls baby babies
  toddler teen teenager twins school schools class classes teacher teachers head headteacher
  homework uniform pe term halfterm nursery preschool childminder childcare babysitter
  creche club clubs practice training lesson lessons tutor tutoring swimming ballet dance
  piano violin guitar karate gymnastics scouts brownies cubs pickup pick collect collecting
  swap swaps swapping
  collection drop dropoff dropping handover handovers exchange weekend weekends week weeks
  monday tuesday wednesday thursday friday saturday sunday mon tue tues wed weds thu thur
  thurs fri sat sun bedtime bed sleepover birthday doctor doctors gp dentist orthodontist
  optician hospital nurse appointment medicine meds medication inhaler fever temperature
  sick ill illness allergy allergic vaccine jab jabs cough cold flu virus covid
  pediatrician counselor therapist camhs dog cat pet pets vet hamster puppy kitten rabbit
  expense expenses receipt receipts invoice split maintenance support fees fee costs
  passport passports schedule calendar holiday holidays trip trips party parties playdate
  grandma grandad grandpa granny nana nan gran grandparents grandmother grandfather
  auntie form forms consent report reports results grades exam exams test tests sats gcse
  gcses mock mocks reading spelling project costume kit bag bags coat shoes glasses phone
  ipad screen bike seat carseat message email letter shoe clothes lunch breakfast
`);

/** Capitalised words that are not shouting. */
export const ACRONYMS = words(`
  ok pe gp mmr nhs pta sats sat gcse gcses uk usa eu asap pm tv dvd pdf mri ct adhd asd iep
  sen senco ehcp dbs cv bbc itv mot dt ict re ps pps nb fyi btw lol lmao omg ffs wtf ent
  er icu ot rsvp ba ehic hmrc dla pip uc camhs cafcass cps ptsd ocd covid rsv uti jpg png
  aka diy eta gps sms faq tbc tba ie eg etc pin ref dob bsl a&e ae cc ooo ikea hm gbp usd
  eur bst gmt utc xl xs xxl dr mr mrs ms id hpv std sti ssn dmv ups usps dhl tsa ny nyc la
`);

/** A capitalised word at the start of a line that labels the message ("URGENT:"). */
export const LABEL_WORDS = words(`
  urgent important reminder update note nb fyi ps re info notice attention action
  correction change changes update updates schedule
`);

/** Abbreviations whose full stop does not end a sentence. */
export const ABBREVIATIONS = words('mr mrs ms dr st e.g i.e etc vs approx jr sr mt');

/** Words a clause may contain that make "you always ..." praise rather than blame. */
export const COMPLIMENT_WORDS = words(`
  best great good lovely amazing wonderful brilliant beautiful nice kind proud fantastic
  perfect fun loved
`);

/** Words that, before an insult, mark it as reported speech ("another boy called him stupid"). */
export const REPORTING_WORDS = words(`
  called calling named said says told swore sweared swearing shouted yelled screamed wrote
  word words language names
`);

/** Number words used like digits ("I've called you six times"). */
export const NUMBER_WORDS = words(`
  two three four five six seven eight nine ten eleven twelve fifteen twenty thirty fifty
  hundred several multiple many loads countless
`);

/** Topics that are neither the children nor logistics. */
export const OFF_TOPIC_CUES = words(`
  league premiership arsenal chelsea liverpool tottenham celtic rangers election vote
  voted voting referendum brexit government politics politician parliament tories
  president heatwave series gig album pub pubs nightclub stag hen promotion payrise
  bonus mot recipe lasagne golf darts snooker cruise gossip pregnant lottery mortgage
`);

/** Emoji that say one thing on their own. */
export const SARCASM_EMOJI = words('🙄 😒 🤦 🙃');
export const HOSTILE_EMOJI = words('🖕 🤬');
export const AFFECTION_EMOJI = words('😘 💋 🥰 😍 💕 💞 💘 💓 💗');
export const HEARTBREAK_EMOJI = words('💔');
export const OFF_TOPIC_EMOJI = words('🍻 🍺 🍷 🎶 🎵 🎤 ⚽ 🏈 🎮 🏌');

/** Second-person words: a model "personal" nudge needs one in its sentence. */
export const SECOND_PERSON = words(`
  you your yours yourself u ur youre youve youll youd ya
`);

/** "We" and kisses: a model hoovering nudge needs the message to say one, or "you". */
export const SHARED_OR_KISS = words(`
  we us our ours ourselves x xx xxx
`);

/**
 * Days and times among the logistics words: on their own they do not make a sentence about the
 * children ("Got promoted today", "Lovely weather for Saturday"), so they do not keep the model
 * from calling it off-topic.
 */
export const TIME_WORDS = words(`
  monday tuesday wednesday thursday friday saturday sunday mon tue tues wed weds thu thur thurs
  fri sat sun weekend weekends week weeks morning afternoon evening tonight tomorrow today
  yesterday noon midday pm am oclock
`);

/**
 * Logistics words beyond TOPIC_ANCHORS (belongings, travel, meals, times of day): a sentence
 * with one is about the children's arrangements, so the model does not call it off-topic.
 */
export const MODEL_OFF_TOPIC_ANCHORS = words(`
  kit kits bag bags coat coats shoes trainers boots clothes jumper pyjamas uniform book books
  reading lunch lunchbox packed car seat booster bus train flight ferry station airport
  morning afternoon evening tonight tomorrow today yesterday noon midday pm am oclock
  pick drop dropped picked collected bring bringing brought return returning
  form forms consent permission slip trip contact handover mediation order
  he she him her his hers
`);
