import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApiClient } from '../../api/ApiClientContext';
import type { Message, MessageTopic, Thread } from '../../api/types';
import { useApiQuery } from '../../api/useApiQuery';
import { paths } from '../../app/paths';
import { LoadProblem, QueryView } from '../../components/QueryView';
import { usePageTitle } from '../../components/usePageTitle';
import { useSession } from '../auth/SessionProvider';
import { useCurrentCase, useRefreshCase } from '../cases/CaseLayout';
import { Composer } from '../composer/Composer';
import { LiveStatus } from '../live/LiveStatus';
import { useCaseEvents, type CaseEvent } from '../live/useCaseEvents';
import { OthersHeldBack, OwnHeldBack } from './HeldBack';
import { deliveredMessages, readReceipt, releasedMessageIds } from './liveEvents';
import { MessageItem } from './MessageItem';
import { getMessage, listThreads, markRead, type MessageBox } from './messagesApi';
import { isTopic, newMessagesLine, TOPIC_LABELS, type Limits } from './messageWords';
import { useMessageList, type MessageList } from './useMessageList';
import { useNow, useShieldPreference } from './usePreferences';

/** The address of one view of the list: `?box=sent&topic=school`; the default (received, all topics) has none. */
function viewSearch(box: MessageBox, topic: MessageTopic | undefined): string {
  const search = new URLSearchParams();
  if (box === 'sent') search.set('box', 'sent');
  if (topic) search.set('topic', topic);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The limits a held-back reason refers to, read from the case's terms where they say. */
function limitsOf(terms: unknown): Limits {
  const known = (typeof terms === 'object' && terms !== null ? terms : {}) as Record<string, unknown>;
  return {
    dailyQuota: typeof known.dailyQuota === 'number' ? known.dailyQuota : undefined,
    urgentPer30Days: typeof known.urgentPer30Days === 'number' ? known.urgentPer30Days : undefined,
  };
}

/**
 * `/cases/:caseId`, the page notice mails open: the written channel with the other parent.
 * Topics with unread counts, received and sent messages newest first (older pages load as
 * the parent scrolls, or with "Show older messages"), each with its state in plain words,
 * the composer, held-back attempts, and live arrivals and read receipts without a reload.
 * Nothing here says whether the other parent is online, typing or last active.
 */
export function MessagesPage() {
  const item = useCurrentCase();
  const refreshCase = useRefreshCase();
  usePageTitle(item.name);
  const api = useApiClient();
  const userId = useSession().user?.id ?? '';
  const otherName = item.parents.find((parent) => parent.userId !== userId)?.displayName ?? 'the other parent';
  const [params] = useSearchParams();
  const box: MessageBox = params.get('box') === 'sent' ? 'sent' : 'inbox';
  const topicParam = params.get('topic');
  const topic = isTopic(topicParam) ? topicParam : undefined;
  const now = useNow();
  const shieldOn = useShieldPreference();
  const limits = limitsOf(item.terms);

  const threads = useApiQuery(['threads', item.id], (client) => listThreads(client, item.id));
  const list = useMessageList(item.id, box, topic);
  const { upsert, update, refreshNewest } = list;
  const setThreads = threads.setData;

  // Messages that arrived while the page was open: marked "New", announced once, reachable in one step.
  const [arrived, setArrived] = useState<Message[]>([]);
  const [unannounced, setUnannounced] = useState<string[]>([]);
  const [goTo, setGoTo] = useState<string | null>(null);
  const [sentElsewhere, setSentElsewhere] = useState<Message | null>(null);
  // The page opens on the messages; the composer is one button away and keeps its draft when closed.
  const [writing, setWriting] = useState(false);

  const refreshThreads = useCallback(() => {
    listThreads(api, item.id).then(setThreads, () => undefined);
  }, [api, item.id, setThreads]);

  const belongsHere = (message: Message) =>
    (message.direction === 'received' ? 'inbox' : 'sent') === box && (topic === undefined || topic === message.topic);

  const onEvent = (event: CaseEvent) => {
    switch (event.name) {
      case 'message.released': {
        refreshThreads();
        for (const id of releasedMessageIds(event.payload)) {
          getMessage(api, item.id, id).then(
            (message) => {
              setArrived((current) => [...current.filter((m) => m.id !== message.id), message]);
              setUnannounced((ids) => (ids.includes(message.id) ? ids : [...ids, message.id]));
              if (belongsHere(message)) upsert(message);
            },
            () => undefined,
          );
        }
        break;
      }
      case 'message.delivered':
        for (const { id, deliveredAt } of deliveredMessages(event.payload)) {
          // A read receipt may have come first; it stays.
          update(id, (message) => ({ ...message, deliveredAt, status: message.status === 'read' ? 'read' : 'delivered' }));
        }
        break;
      case 'message.read': {
        const receipt = readReceipt(event.payload);
        if (receipt) update(receipt.messageId, (message) => ({ ...message, readAt: receipt.readAt, status: 'read' }));
        break;
      }
      case 'terms.changed':
        refreshCase();
        break;
    }
  };
  const { connected } = useCaseEvents(item.id, onEvent, {
    onReconnect: () => {
      refreshNewest().catch(() => undefined);
      refreshThreads();
    },
  });

  // "1 new message": show the received messages, put the newest arrival in the list if paging has not reached it, then go to it.
  const newest = [...arrived].sort((a, b) => (a.sentAt < b.sentAt ? 1 : -1))[0];
  const listData = list.query.status === 'loaded' ? list.query.data : null;
  useEffect(() => {
    if (!goTo || !listData) return;
    if (!listData.items.some((message) => message.id === goTo)) {
      const target = arrived.find((message) => message.id === goTo);
      if (target && belongsHere(target)) upsert(target);
      else setGoTo(null);
      return;
    }
    const element = document.getElementById(`message-${goTo}`);
    element?.scrollIntoView?.({ block: 'center' });
    element?.focus({ preventScroll: true });
    setGoTo(null);
    // belongsHere reads box and topic, which listData already follows.
  }, [goTo, listData, arrived, upsert]);

  const onOpen = async (message: Message) => {
    const read = await markRead(api, item.id, message.id);
    upsert(read);
    refreshThreads();
  };

  const onSent = (message: Message) => {
    refreshThreads();
    if (belongsHere(message)) {
      upsert(message);
      setSentElsewhere(null);
    } else setSentElsewhere(message);
  };

  const arrivedIds = new Set(arrived.map((message) => message.id));
  const oneParent = item.parents.length < 2;
  const unreadTotal = threads.status === 'loaded' ? threads.data.reduce((sum, thread) => sum + thread.unread, 0) : 0;

  return (
    <div className={unannounced.length > 0 ? 'messages messages--with-arrivals' : 'messages'}>
      <div className="messages__arrivals" role="status">
        {unannounced.length > 0 && newest && (
          <Link
            className="messages__arrivals-link"
            to={viewSearch('inbox', undefined)}
            onClick={() => {
              setUnannounced([]);
              setGoTo(newest.id);
            }}
          >
            {newMessagesLine(unannounced.length)}
          </Link>
        )}
      </div>

      <div className="messages__browse">
        <nav className="messages__topics" aria-labelledby="topics-heading">
          <h2 className="messages__topics-heading" id="topics-heading">
            Topics
          </h2>
          <QueryView query={threads} loading="Loading topics…" failed="The topics could not be loaded.">
            {(items) => <TopicLinks threads={items} box={box} topic={topic} />}
          </QueryView>
        </nav>

        <div className="messages__main">
          <section className="card messages__write" aria-labelledby="write-heading">
            <h2 id="write-heading" className="messages__write-heading">
              <button
                type="button"
                className="button--quiet"
                aria-expanded={writing}
                aria-controls="write-panel"
                onClick={() => setWriting((open) => !open)}
              >
                Write to {otherName}
              </button>
            </h2>
            {/* Hidden, not removed, so a draft survives closing the panel. */}
            <div id="write-panel" hidden={!writing}>
              {oneParent ? (
                <p>
                  Messages can be written once the other parent has joined the case.{' '}
                  <Link to={paths.caseAbout(item.id)}>See the invitation</Link>
                </p>
              ) : (
                <Composer caseId={item.id} onSent={onSent} />
              )}
            </div>
            <div role="status">
              {sentElsewhere && box !== 'sent' && (
                <p className="muted">
                  Your message about {TOPIC_LABELS[sentElsewhere.topic]} is under{' '}
                  <Link to={viewSearch('sent', undefined)} onClick={() => setSentElsewhere(null)}>
                    Sent
                  </Link>
                  .
                </p>
              )}
            </div>
          </section>

          <section className="messages__list" aria-labelledby="list-heading">
            <h2 id="list-heading">
              {box === 'inbox' ? 'Received' : 'Sent'}
              {topic ? `: ${TOPIC_LABELS[topic]}` : ''}
            </h2>
            <nav aria-label="Received or sent" className="messages__boxes">
              <ul>
                <li>
                  <Link to={viewSearch('inbox', topic)} aria-current={box === 'inbox' ? 'page' : undefined}>
                    Received{unreadTotal > 0 ? ` (${unreadTotal} unread)` : ''}
                  </Link>
                </li>
                <li>
                  <Link to={viewSearch('sent', topic)} aria-current={box === 'sent' ? 'page' : undefined}>
                    Sent
                  </Link>
                </li>
              </ul>
            </nav>
            {box === 'inbox' && (
              <OthersHeldBack caseId={item.id} now={now} timeZone={item.timeZone} limits={limits} shieldOn={shieldOn} />
            )}
            {box === 'sent' && (
              <OwnHeldBack caseId={item.id} now={now} timeZone={item.timeZone} userId={userId} limits={limits} />
            )}
            <QueryView query={list.query} loading="Loading messages…" failed="The messages could not be loaded.">
              {(page) =>
                page.items.length === 0 ? (
                  <p className="muted">{emptyWords(box, topic, otherName)}</p>
                ) : (
                  <>
                    <ol className="messages__items">
                      {page.items.map((message) => (
                        <li key={message.id}>
                          {arrivedIds.has(message.id) && <p className="message__new">New</p>}
                          <MessageItem
                            message={message}
                            now={now}
                            timeZone={item.timeZone}
                            otherName={otherName}
                            shieldOn={shieldOn}
                            onOpen={onOpen}
                          />
                        </li>
                      ))}
                    </ol>
                    <OlderPages list={list} hasMore={page.nextCursor !== null} />
                  </>
                )
              }
            </QueryView>
            <LiveStatus connected={connected} />
          </section>
        </div>
      </div>
    </div>
  );
}

function emptyWords(box: MessageBox, topic: MessageTopic | undefined, otherName: string): string {
  const about = topic ? ` about ${TOPIC_LABELS[topic].toLowerCase()}` : '';
  return box === 'inbox' ? `No messages${about} from ${otherName} yet.` : `You have not sent any messages${about} yet.`;
}

/** Topics that have messages, latest activity first, each with how many received messages are not opened yet. */
function TopicLinks({ threads, box, topic }: { threads: Thread[]; box: MessageBox; topic: MessageTopic | undefined }) {
  if (threads.length === 0) return <p className="muted">No messages yet.</p>;
  return (
    <ul className="messages__topic-list">
      <li>
        <Link to={viewSearch(box, undefined)} aria-current={topic === undefined ? 'page' : undefined}>
          All topics
        </Link>
      </li>
      {threads.map((thread) => (
        <li key={thread.topic}>
          <Link to={viewSearch(box, thread.topic)} aria-current={topic === thread.topic ? 'page' : undefined}>
            {TOPIC_LABELS[thread.topic]}
            {thread.unread > 0 && ' '}
            {thread.unread > 0 && <span className="messages__unread">{thread.unread} unread</span>}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * Older messages: read as the end of the list comes into view, and with a button, the
 * path for keyboards and screen readers (and for browsers without IntersectionObserver).
 */
function OlderPages({ list, hasMore }: { list: MessageList; hasMore: boolean }) {
  const sentinel = useRef<HTMLDivElement>(null);
  const { loadOlder, older } = list;
  useEffect(() => {
    const target = sentinel.current;
    if (!hasMore || !target || typeof IntersectionObserver === 'undefined') return undefined;
    // A new observer per page: it reports at once if the end is still in view after a page arrived.
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) loadOlder();
      },
      { rootMargin: '200px 0px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasMore, loadOlder]);

  if (!hasMore) return <p className="muted messages__end">These are all the messages here.</p>;
  return (
    <div className="messages__older" ref={sentinel}>
      {older.status === 'failed' ? (
        <LoadProblem what="Older messages could not be loaded." error={older.error} onRetry={loadOlder} />
      ) : (
        <button type="button" className="button--quiet" onClick={loadOlder} disabled={older.status === 'loading'}>
          {older.status === 'loading' ? 'Loading older messages…' : 'Show older messages'}
        </button>
      )}
    </div>
  );
}
