export interface ShieldedTextProps {
  text: string;
  /** The reader's shield preference: facts first, flagged sentences folded. */
  shieldOn: boolean;
}

/** An incoming message's text behind the shield. Built in features/shield. */
export function ShieldedText({ text }: ShieldedTextProps) {
  return <p className="message-text">{text}</p>;
}
