import { useCallback, useEffect, useRef, useState } from 'react';
import { useApiClient } from '../../api/ApiClientContext';
import { asApiError, type ApiError } from '../../api/client';
import type { Message, MessageTopic } from '../../api/types';
import { useApiQuery, type ApiQuery } from '../../api/useApiQuery';
import { appendOlder, mergeNewest, updateMessage, upsertMessage } from './messageList';
import { listMessages, type MessageBox, type MessagePage } from './messagesApi';

export type OlderState = { status: 'idle' } | { status: 'loading' } | { status: 'failed'; error: ApiError };

export interface MessageList {
  /** The first page through the app's one data hook (loading, failure, try again), then grown in place. */
  query: ApiQuery<MessagePage>;
  older: OlderState;
  /** Reads the next older page, once at a time (the scroll sentinel and the button may both ask). */
  loadOlder: () => void;
  /** Reads the first page again and merges it in, without a loading state (reconnects, releases). */
  refreshNewest: () => Promise<void>;
  upsert: (message: Message) => void;
  update: (id: string, change: (message: Message) => Message) => void;
}

/** One box of a case's messages, optionally one topic, newest first, paged as the parent scrolls. */
export function useMessageList(caseId: string, box: MessageBox, topic: MessageTopic | undefined): MessageList {
  const api = useApiClient();
  const key = JSON.stringify(['messages', caseId, box, topic ?? null]);
  const query = useApiQuery(key, (client) => listMessages(client, caseId, { box, topic }));
  const { setData } = query;
  const [older, setOlder] = useState<{ key: string; state: OlderState }>({ key, state: { status: 'idle' } });
  // The list on screen right now, so an answer for a list no longer shown is dropped.
  const currentKey = useRef(key);
  const busy = useRef(false);
  useEffect(() => {
    currentKey.current = key;
    busy.current = false;
  }, [key]);
  const nextCursor = query.status === 'loaded' ? query.data.nextCursor : null;

  const loadOlder = useCallback(() => {
    if (!nextCursor || busy.current) return;
    busy.current = true;
    const askedFor = key;
    setOlder({ key, state: { status: 'loading' } });
    listMessages(api, caseId, { box, topic, cursor: nextCursor }).then(
      (page) => {
        if (currentKey.current !== askedFor) return;
        busy.current = false;
        setData((current) => appendOlder(current, page));
        setOlder({ key: askedFor, state: { status: 'idle' } });
      },
      (error: unknown) => {
        if (currentKey.current !== askedFor) return;
        busy.current = false;
        setOlder({ key: askedFor, state: { status: 'failed', error: asApiError(error) } });
      },
    );
  }, [api, caseId, box, topic, key, nextCursor, setData]);

  const refreshNewest = useCallback(async () => {
    const askedFor = key;
    const page = await listMessages(api, caseId, { box, topic });
    if (currentKey.current === askedFor) setData((current) => mergeNewest(current, page));
  }, [api, caseId, box, topic, key, setData]);

  const upsert = useCallback((message: Message) => setData((current) => upsertMessage(current, message)), [setData]);
  const update = useCallback(
    (id: string, change: (message: Message) => Message) => setData((current) => updateMessage(current, id, change)),
    [setData],
  );

  return {
    query,
    older: older.key === key ? older.state : { status: 'idle' },
    loadOlder,
    refreshNewest,
    upsert,
    update,
  };
}
