import { useId, useState } from 'react';
import type { Message } from '../../api/types';
import { ShieldedText } from '../shield/ShieldedText';
import { longWhen, messageState, shortWhen, TOPIC_LABELS } from './messageWords';

export interface MessageItemProps {
  message: Message;
  now: Date;
  timeZone: string;
  /** The other parent's name: "From Sam" on received messages, "To Sam" on sent ones. */
  otherName: string;
  shieldOn: boolean;
  /** Records the first read of a received message; resolves when the API has answered. */
  onOpen: (message: Message) => Promise<void>;
}

/**
 * One message. A received message not opened yet shows only its topic and time until the
 * parent chooses to open it: opening is what the record calls the first read (and reading
 * is a choice, not something that happens to a parent scrolling past). Received text goes
 * through the shield; one's own text is shown as written.
 */
export function MessageItem({ message, now, timeZone, otherName, shieldOn, onOpen }: MessageItemProps) {
  const headingId = useId();
  const received = message.direction === 'received';
  const [opened, setOpened] = useState(false);
  const [readNotRecorded, setReadNotRecorded] = useState(false);
  const showText = !received || opened || message.readAt !== null;
  // "Sent" is said only where it tells something the state does not (a message that waited for a window).
  const sentWords = shortWhen(message.sentAt, now, timeZone);
  const sentTold =
    message.deliveredAt !== null &&
    !(message.direction === 'sent' && message.readAt) &&
    shortWhen(message.deliveredAt, now, timeZone) === sentWords;

  const open = () => {
    setOpened(true);
    onOpen(message).then(
      () => setReadNotRecorded(false),
      () => setReadNotRecorded(true),
    );
  };

  return (
    <article
      className={`message message--${message.direction}`}
      id={`message-${message.id}`}
      tabIndex={-1}
      aria-labelledby={headingId}
    >
      <header className="message__header">
        <h3 id={headingId} className="message__topic">
          {TOPIC_LABELS[message.topic]}
          <span className="messages__sr-only">{received ? `, from ${otherName}` : `, to ${otherName}`}</span>
        </h3>
        {message.urgent && <span className="message__urgent">Urgent</span>}
      </header>
      <p className="message__meta">
        <span aria-hidden="true">{received ? `From ${otherName}` : `To ${otherName}`}</span>
        {!sentTold && (
          <>
            <span aria-hidden="true"> · </span>
            <time dateTime={message.sentAt} title={longWhen(message.sentAt, timeZone)}>
              Sent {sentWords}
            </time>
          </>
        )}
      </p>
      <p className="message__state">{messageState(message, now, timeZone)}</p>
      {showText ? (
        received ? (
          <ShieldedText text={message.text} shieldOn={shieldOn} />
        ) : (
          <p className="message-text">{message.text}</p>
        )
      ) : (
        <button type="button" className="button--quiet" aria-describedby={headingId} onClick={open}>
          Open message
        </button>
      )}
      {readNotRecorded && (
        <p className="muted">
          Opening this message could not be recorded just now; it will be recorded when you open it again.
        </p>
      )}
    </article>
  );
}
