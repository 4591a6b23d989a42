import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { useSession } from '../auth/SessionProvider';
import { liveConnectionFor } from './liveConnection';

/** A real-time event of a case, as the API's socket sends it. */
export interface CaseEvent {
  name: string;
  payload: unknown;
}

export interface CaseEventsOptions {
  /** Called after a reconnect, so the screen can catch up on what it missed. */
  onReconnect?: () => void;
}

/** The case an event belongs to: every event the API sends names it as `caseId`. */
function caseOf(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const caseId = (payload as { caseId?: unknown }).caseId;
  return typeof caseId === 'string' ? caseId : undefined;
}

/**
 * Live events of one case for the signed-in parent: `onEvent` gets only this case's
 * events, `onReconnect` is called when the connection comes back after a drop (the screen
 * reloads what it shows), and `connected` says whether updates are arriving, for a quiet
 * indicator. Every screen shares the session's one connection. The other parent's
 * presence or typing is never sent and never shown.
 */
export function useCaseEvents(
  caseId: string,
  onEvent: (event: CaseEvent) => void,
  options: CaseEventsOptions = {},
): { connected: boolean } {
  const { user } = useSession();
  const connection = user ? liveConnectionFor(user.id) : null;

  // The latest callbacks, so that passing new arrow functions each render does not reconnect.
  const latest = useRef({ onEvent, onReconnect: options.onReconnect });
  useEffect(() => {
    latest.current = { onEvent, onReconnect: options.onReconnect };
  });

  useEffect(() => {
    if (!connection) return undefined;
    return connection.listen({
      onEvent: (event) => {
        if (caseOf(event.payload) === caseId) latest.current.onEvent(event);
      },
      onReconnect: () => latest.current.onReconnect?.(),
    });
  }, [connection, caseId]);

  const subscribe = useCallback(
    (onChange: () => void) => (connection ? connection.subscribeStatus(onChange) : () => undefined),
    [connection],
  );
  const connected = useSyncExternalStore(
    subscribe,
    () => connection?.connected ?? false,
    () => false,
  );
  return { connected };
}
