import { io, type Socket } from 'socket.io-client';

/**
 * The one socket of a signed-in session, shared by every screen that listens (DESIGN.md,
 * "Realtime"). The API authenticates the handshake with the same httpOnly session cookie
 * the page's requests send (realtime.gateway.ts reads the cookie when `auth.token` is
 * absent), so no credential is ever handed to a script: the socket is same-origin and
 * carries the cookie like any request.
 *
 * Only what the API pushes is received; nothing is ever sent. There is no presence and no
 * typing: the other parent learns nothing from this connection.
 */

/** One event as it arrives: its name and its payload (ids and times; screens fetch the rest). */
export interface LiveEvent {
  name: string;
  payload: unknown;
}

export interface LiveListener {
  onEvent: (event: LiveEvent) => void;
  /** The connection came back after a drop: what happened meanwhile was not received. */
  onReconnect: () => void;
}

/** The part of a socket.io client socket this module uses (a fake one in tests). */
export type LiveSocket = Pick<Socket, 'on' | 'onAny' | 'connect' | 'disconnect' | 'connected' | 'active'>;

/** Waits before asking again after the server could not take the connection (1 s, 2 s, … 30 s). */
const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000] as const;

export function openSocket(): LiveSocket {
  return io({
    path: '/socket.io',
    // WebSocket first: one connection to one API process, so replicas behind a plain load
    // balancer need no sticky sessions (events cross processes through Redis). Long-polling
    // stays as the fallback for networks that block WebSockets (that needs sticky sessions).
    transports: ['websocket', 'polling'],
    withCredentials: true,
    reconnectionDelay: 1_000,
    reconnectionDelayMax: 10_000,
  });
}

export class LiveConnection {
  private readonly listeners = new Set<LiveListener>();
  private readonly statusListeners = new Set<() => void>();
  private socket: LiveSocket | null = null;
  private connectedBefore = false;
  private retries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private ended = false;

  constructor(private readonly open: () => LiveSocket = openSocket) {}

  get hasEnded(): boolean {
    return this.ended;
  }

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  /** Adds a listener; the socket opens with the first and closes with the last. Returns the way out. */
  listen(listener: LiveListener): () => void {
    this.listeners.add(listener);
    this.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /** For `useSyncExternalStore`: told whenever `connected` may have changed. */
  subscribeStatus(onChange: () => void): () => void {
    this.statusListeners.add(onChange);
    return () => this.statusListeners.delete(onChange);
  }

  /** The session ended (signed out, or the server says it is over): close for good. */
  end(): void {
    this.ended = true;
    this.stop();
  }

  private start(): void {
    if (this.socket || this.ended) return;
    const socket = this.open();
    this.socket = socket;
    socket.on('connect', () => {
      this.retries = 0;
      const again = this.connectedBefore;
      this.connectedBefore = true;
      this.statusChanged();
      // Anything sent while the connection was down was lost: every screen catches up.
      if (again) for (const listener of [...this.listeners]) listener.onReconnect();
    });
    socket.on('disconnect', () => this.statusChanged());
    socket.on('connect_error', (error: Error) => {
      this.statusChanged();
      // While `active`, socket.io tries again by itself (the network dropped, the server restarts).
      if (socket.active) return;
      // The server refused the handshake. A session that ended stays ended; anything else is tried again.
      if (error.message.startsWith('unauthorized')) return void this.end();
      this.retryLater();
    });
    socket.onAny((name: string, payload: unknown) => {
      for (const listener of [...this.listeners]) listener.onEvent({ name, payload });
    });
    // Back online: ask now rather than at the end of the current back-off.
    globalThis.addEventListener?.('online', this.reconnectNow);
  }

  private readonly reconnectNow = () => {
    if (this.socket && !this.socket.connected) this.socket.connect();
  };

  private retryLater(): void {
    if (this.retryTimer) return;
    const delay = RETRY_DELAYS_MS[Math.min(this.retries, RETRY_DELAYS_MS.length - 1)];
    this.retries++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.socket && !this.socket.connected) this.socket.connect();
    }, delay);
  }

  private stop(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    globalThis.removeEventListener?.('online', this.reconnectNow);
    const socket = this.socket;
    this.socket = null;
    this.connectedBefore = false;
    socket?.disconnect();
    this.statusChanged();
  }

  private statusChanged(): void {
    for (const onChange of [...this.statusListeners]) onChange();
  }
}

let shared: { userId: string; connection: LiveConnection } | null = null;
let socketOpener: () => LiveSocket = openSocket;

/** The connection of the signed-in user; another user (after signing out and in) gets a new one. */
export function liveConnectionFor(userId: string): LiveConnection {
  if (shared?.userId !== userId || shared.connection.hasEnded) {
    shared?.connection.end();
    shared = { userId, connection: new LiveConnection(socketOpener) };
  }
  return shared.connection;
}

/** Signing out closes the socket at once, whatever is still on screen. */
export function endLiveConnection(): void {
  shared?.connection.end();
  shared = null;
}

/** Tests only: open fake sockets instead of real ones. */
export function setSocketOpenerForTests(open: () => LiveSocket): void {
  endLiveConnection();
  socketOpener = open;
}
