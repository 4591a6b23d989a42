import type { NudgeKind } from './types';

/**
 * What the composer says for each kind: short, plain, never shaming. The parent is doing
 * something hard; the message names the risk and offers an easier way, and the parent decides.
 */
export const NUDGE_MESSAGES: Readonly<Record<NudgeKind, string>> = {
  hostile: 'Strong words here could give them something to react to. The facts alone will make your point.',
  blame: 'This reads as blame. A plain statement of what is needed may land better.',
  emotional: 'Your feelings make sense. This message may not be the safest place for them; the facts are enough here.',
  personal: 'This touches on their private life. Keeping to the children keeps the exchange short and safe.',
  threat:
    'This could read as a threat. If you need to take a step, you can simply take it; the message can stay factual.',
  shouting: 'Capitals or repeated marks can read as shouting. Plain text keeps things calm.',
  sarcasm: 'This may come across as sarcastic. Saying it plainly leaves less to argue about.',
  length: 'This is long for grey rock. A few short lines with the facts are usually enough.',
  jade: "You don't owe an explanation. A short statement of the plan is enough.",
  pressure: 'This may read as pressure. A clear request with a reasonable time to reply is enough.',
  hoovering: 'This reaches back into the relationship. Keeping to the children protects your space.',
  off_topic: 'This may be outside the children and logistics. It is fine to leave it out.',
};

/** A short name for each kind, for lists and for folding away incoming messages. */
export const NUDGE_KIND_LABELS: Readonly<Record<NudgeKind, string>> = {
  hostile: 'Hostile words',
  blame: 'Blame',
  emotional: 'Strong feelings',
  personal: 'Private life',
  threat: 'Threat or ultimatum',
  shouting: 'Shouting',
  sarcasm: 'Sarcasm',
  length: 'Long message',
  jade: 'Explaining or defending',
  pressure: 'Pressure',
  hoovering: 'Pulling back in',
  off_topic: 'Off topic',
};
