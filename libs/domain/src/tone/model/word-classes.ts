/**
 * Word classes for the learned component (features.ts): a word in a class also counts as its
 * class, alone and next to its neighbours, so that what the model learns from "you never
 * check" carries to "you never bother", and from "I'm gutted" to "I'm shattered". The classes
 * follow the kinds' definitions in GREY-ROCK-LABELS.md (the reader, the sender, feelings,
 * legal leverage, time pressure, replies, affection, stock sarcasm, self-defence, private
 * life, small talk ...), not any message's wording. Words are as typed, lower case, with
 * apostrophes dropped ("you're" is "youre"); a word belongs to one class at most.
 */

const CLASS_WORDS: Record<string, string> = {
  you: 'you your yours yourself yourselves u ur youre youve youll youd ya',
  me: 'i im ive me my myself mine',
  we: 'we us our ours ourselves weve',
  they: 'he she him her his hers they them their theirs',
  always: 'never always constantly again every forever once yet still anymore',
  not: 'not dont didnt doesnt cant cannot wont isnt wasnt arent werent havent hasnt hadnt couldnt wouldnt shouldnt nothing none nobody no',
  feel: `angry furious livid fuming raging seething hurt heartbroken devastated crushed broken
    miserable depressed humiliated disrespected betrayed abandoned lonely disgusted distraught
    destroyed traumatized traumatised hopeless worthless invisible unappreciated insulted offended
    upset sickened sad scared anxious exhausted stressed gutted shattered drained overwhelmed
    crying cried tears hate hated resent fed frustrated frustrating annoyed irritated worn`,
  // words with an everyday sense in the children's lives are left out ("a bloody nose", a
  // witch costume, a class clown, a nasty cough, mental health): the model still sees each word
  insult: `idiot idiots moron morons imbecile cretin dickhead twat tosser wanker bellend muppet
    prat git wally asshole arsehole scumbag scum bitch slut slag whore narcissist psycho
    psychopath sociopath deadbeat pathetic loser dumbass jackass prick douche cunt numpty pillock
    plonker nutjob nutcase lowlife hypocrite parasite leech brat spineless gutless useless
    worthless clueless incompetent disgrace despicable vile coward liar bastard bollocks selfish
    stupid dumb lazy insane unhinged deranged disgusting ridiculous childish immature spiteful
    vindictive toxic evil heartless ignorant arrogant delusional manipulative abusive creep
    freak lunatic nutter jerk fuck fucking fucked fck fk fkn fuckin effing shit shite bullshit
    crap wtf ffs stfu omfg frigging freaking arse pissed`,
  legal: `court courts judge judges lawyer lawyers solicitor solicitors attorney barrister police
    cops cafcass mediation mediator magistrate magistrates custody injunction evidence
    screenshot screenshots screenshotted recording recorded documented documenting document log
    logged logging diary dashcam footage tribunal legal`,
  time: `now tonight today asap immediately urgently tomorrow hour hours minutes mins min deadline
    latest eod noon midnight`,
  reply: `reply replied replies respond responded response answer answered answering text texted
    message messaged messages call called calling ring rang ignore ignoring ignored waiting wait
    chasing hello hellooo seen read`,
  condition: 'if unless otherwise else until',
  affection: `miss missed missing love loved loving remember memories memory together babe hun
    hon darling sweetheart gorgeous handsome beautiful proud x xx xxx xoxo hugs hug`,
  sarcasm: `wow oh great brilliant lovely wonderful fantastic amazing perfect marvellous marvelous
    thanks cheers clearly obviously apparently surely sure course surprise shock shocker congrats
    congratulations bravo genius einstein nice cute classic typical funny convenient graced
    finally`,
  jade: `because cause cos coz since actually fact facts record clear clarify explain explained
    explaining reason reasons reasonable unreasonable fair point correct wrong true untrue
    accuse accused accusing accusation defend defending justify`,
  private: `boyfriend girlfriend bf gf partner husband wife fiance fiancee dating date dates
    tinder hinge bumble job boss salary flat mum mom dad mother father sister brother parents
    friends mates drinking drunk weight instagram insta facebook fb tiktok snapchat posts pics
    photos therapist therapy ex relationship`,
  small_talk: `weather rain raining sunny sun snow storm news election government football match
    game team league politics film movie series netflix telly concert gig band pub drinks
    holiday`,
  please: 'please pls plz beg begging',
  question: 'why how what who where',
  intense: 'so really very absolutely completely totally beyond honestly literally truly utterly genuinely seriously',
  modal: 'should shouldve could couldve would wouldve must ought need needs needed',
};

/** A class's id: its index in CLASS_NAMES plus one (0: no class). */
export const CLASS_NAMES = Object.keys(CLASS_WORDS);

/** FNV-1a over a word's lower-case character codes, apostrophes skipped (features.ts). */
export function wordKey(codes: ArrayLike<number>, length = codes.length): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < length; i++) {
    const code = codes[i] as number;
    if (code !== 39) h = Math.imul(h ^ code, 0x01000193);
  }
  return h >>> 0;
}

let classOf: Map<number, number> | undefined;

/** The class id of the word whose wordKey is `key`, or 0. */
export function wordClass(key: number): number {
  if (!classOf) {
    const map = new Map<number, number>();
    CLASS_NAMES.forEach((name, index) => {
      for (const word of (CLASS_WORDS[name] as string).split(/\s+/)) {
        if (!word) continue;
        const codes = Array.from(word, (c) => c.charCodeAt(0));
        const key = wordKey(codes);
        if (!map.has(key)) map.set(key, index + 1);
      }
    });
    classOf = map;
  }
  return classOf.get(key) ?? 0;
}
