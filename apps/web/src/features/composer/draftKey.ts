/**
 * The Idempotency-Key of one draft. It is made when the draft starts and sent with every
 * attempt to send that draft, so a double click or a retry after a dropped connection
 * reaches the API as the same request and can never make two messages.
 *
 * A new key is made only when the server has given its final answer for the old one:
 * - the message was accepted (the next draft is a new message);
 * - the send was held back by the case's terms: that attempt is kept in the record as it
 *   is, and the API answers the same key with the same refusal forever, so trying again
 *   later is a new attempt;
 * - or the draft was changed after an attempt that got no answer: the API refuses a key
 *   reused for different content, and the edited text is a different message.
 */
export class DraftKey {
  private key: string | null = null;
  /** What the key was last sent with (topic, text, urgent), or null while unused. */
  private sentWith: string | null = null;

  constructor(private readonly makeKey: () => string = newIdempotencyKey) {}

  /** The draft has started (its first character); the key is made now. */
  start(): void {
    this.key ??= this.makeKey();
  }

  /** The key for sending `content`: the same for the same content until an answer settles it. */
  forSend(content: string): string {
    if (this.key === null || (this.sentWith !== null && this.sentWith !== content)) this.key = this.makeKey();
    this.sentWith = content;
    return this.key;
  }

  /** The server answered for good (accepted or held back): the next send is a new request. */
  settle(): void {
    this.key = null;
    this.sentWith = null;
  }

  /** The current key, for tests and for showing nothing else. */
  peek(): string | null {
    return this.key;
  }
}

/** 128 random bits in hex; crypto.getRandomValues works on plain http too, unlike randomUUID. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
