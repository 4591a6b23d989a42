import { io, Socket } from 'socket.io-client';

/** A real socket.io client that keeps every event it receives. */
export interface RecordingSocket {
  socket: Socket;
  events: { name: string; payload: unknown }[];
  waitFor: (name: string, predicate?: (payload: never) => boolean, timeoutMs?: number) => Promise<unknown>;
  close: () => void;
}

export async function connectSocket(url: string, token: string | undefined): Promise<RecordingSocket> {
  const socket = io(url, { path: '/socket.io', auth: token ? { token } : {}, transports: ['websocket'], reconnection: false, forceNew: true });
  const events: { name: string; payload: unknown }[] = [];
  const waiters: { name: string; predicate: (payload: never) => boolean; resolve: (payload: unknown) => void }[] = [];
  socket.onAny((name: string, payload: unknown) => {
    events.push({ name, payload });
    for (const waiter of [...waiters]) {
      if (waiter.name === name && waiter.predicate(payload as never)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(payload);
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return {
    socket,
    events,
    waitFor: (name, predicate = () => true, timeoutMs = 10_000) => {
      const found = events.find((event) => event.name === name && predicate(event.payload as never));
      if (found) return Promise.resolve(found.payload);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${name} event within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ name, predicate, resolve: (payload) => (clearTimeout(timer), resolve(payload)) });
      });
    },
    close: () => socket.close(),
  };
}

/** Resolves with the error message when the server refuses the handshake. */
export function refusedHandshake(url: string, auth: Record<string, string>, headers: Record<string, string> = {}): Promise<string> {
  const socket = io(url, { path: '/socket.io', auth, extraHeaders: headers, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => {
      socket.close();
      reject(new Error('the handshake was accepted'));
    });
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(error.message);
    });
  });
}
