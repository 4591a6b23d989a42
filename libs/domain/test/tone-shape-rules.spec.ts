/**
 * Shape rules (issue 14): each kind's grammatical shapes, with positives and hard negatives
 * taken from GREY-ROCK-LABELS.md's grey-rock list. Rules only (the model is not asked), so a
 * row fails only when its rule does. Decisions: a child's feelings reported as fact ("Noor was
 * upset at drop-off", "she misses you") stay grey rock; relayed as the reader's fault ("cried
 * because you ...", "keeps asking why you ...") they are pressure.
 */
import { analyzeDraftRulesOnly } from '../src/tone/analyze-draft';

const kindsOf = (text: string): string[] => [...new Set(analyzeDraftRulesOnly(text).nudges.map((n) => n.kind))];

const POSITIVES: [string, string][] = [
  ['blame', 'You forgot to pack her inhaler.'],
  ["blame", "You couldn't be bothered to check the bag."],
  ['blame', 'She missed the party thanks to you.'],
  ['blame', 'How hard is it to sign one form?'],
  ['blame', 'Is it too much to ask that you read the emails.'],
  ['pressure', "I'm still waiting on an answer."],
  ['pressure', 'Answer me.'],
  ['pressure', 'Reply asap.'],
  ['pressure', 'Mia keeps asking why you never come.'],
  ['pressure', 'He cried because you didn’t turn up.'],
  ['pressure', 'The kids deserve better.'],
  ['threat', "If you're late again I will apply for full custody."],
  ["threat", "Sign it or I'll see you in court."],
  ["threat", "Don't make me do this the hard way."],
  ['threat', 'A judge would find this very interesting.'],
  ["threat", "I'm keeping screenshots."],
  ['threat', 'My solicitor will be reading these.'],
  ['hostile', 'wtf is this'],
  ['hostile', 'ffs just pick them up'],
  ['hostile', 'Piss off.'],
  ['hostile', 'Grow up.'],
  ["hostile", "You're useless."],
  ['personal', 'How is your new girlfriend?'],
  ['personal', 'Saw your photos on Instagram.'],
  ['personal', 'Are you still drinking?'],
  ['hoovering', 'Remember when we went to Cornwall?'],
  ['hoovering', 'I still miss us.'],
  ['hoovering', 'We were good together.'],
  ['hoovering', 'Fancy a drink sometime, just us?'],
  ['hoovering', 'Look after yourself x'],
  ['sarcasm', 'Wow. Shocker.'],
  ['sarcasm', 'Well done on being on time for once.'],
  ['sarcasm', 'Must be nice to have weekends off.'],
  ['sarcasm', 'Per my last three emails, the form is due.'],
  ['emotional', "I'm so done with this."],
  ["emotional", "I can't believe you would do that."],
  ["emotional", "I honestly can't take this anymore."],
  ['jade', "For the record, I paid for the last two trips."],
  ["jade", "I'm not being unreasonable here."],
  ['jade', "That's not what happened."],
  ['off_topic', 'Did you see the news about the election?'],
  ['off_topic', 'Can you lend me £50 until Friday?'],
  ['off_topic', 'I just got a new car, by the way.'],
];

const GREY_ROCK: string[] = [
  'Noor was upset at drop-off.',
  'She misses you and asked if you can call on Sunday.',
  'The court order says 3pm.',
  "I'm sorry I was late.",
  'The mediation appointment is on 4 May.',
  "My solicitor's address is on the letter; the police reference is 4471.",
  'Please reply by Friday so I can confirm the booking.',
  'Consent form needed by 3 May so I can book the trip.',
  'Also the swimming kit, it is in my car.',
  'Pick up Friday 5:30pm at the school gate as usual.',
  'Thanks for letting me know. I hope she feels better soon.',
  "I'm exhausted after the night shift, can you do the school run tomorrow?",
  "I can't do this weekend, I'm working. Could we swap?",
  'Will your partner be doing the school run next week?',
  'Jack punched a wall after the match and bruised his hand.',
  'Our dog died this morning. The kids know.',
  'See you at 6.',
  'Noted.',
  'No.',
];

describe('shape rules (issue 14)', () => {
  it.each(POSITIVES)('%s: %s', (kind, text) => {
    expect(kindsOf(text)).toContain(kind);
  });
  it.each(GREY_ROCK)('grey rock: %s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
});
