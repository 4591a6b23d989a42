/** The subjects a message may be about: the logistics of raising children, nothing else. */
export const MESSAGE_TOPICS = ['schedule', 'health', 'school', 'activities', 'expenses', 'travel', 'other'] as const;
export type MessageTopic = (typeof MESSAGE_TOPICS)[number];

/** Limits of a message's text, counted in Unicode code points (an emoji is one character). */
export const MESSAGE_TEXT_MIN = 1;
export const MESSAGE_TEXT_MAX = 5000;

export function isMessageTopic(value: unknown): value is MessageTopic {
  return typeof value === 'string' && (MESSAGE_TOPICS as readonly string[]).includes(value);
}

export function messageTextLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

export type MessageTextProblem = { rule: 'isString' | 'notBlank' | 'maxLength' | 'noNullCharacter'; message: string };

/** Why a text cannot be sent, or null. The text itself is never altered: what is sent is what is kept. */
export function messageTextProblem(text: unknown): MessageTextProblem | null {
  if (typeof text !== 'string') return { rule: 'isString', message: 'text must be a string' };
  if (text.trim().length < MESSAGE_TEXT_MIN) return { rule: 'notBlank', message: 'text must not be empty' };
  if (messageTextLength(text) > MESSAGE_TEXT_MAX) return { rule: 'maxLength', message: `text must be at most ${MESSAGE_TEXT_MAX} characters long` };
  if (text.includes('\u0000')) return { rule: 'noNullCharacter', message: 'text must not contain the NUL character' };
  return null;
}

export { isMessageVisibleTo, type MessageParties } from './visibility';
