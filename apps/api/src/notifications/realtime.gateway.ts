import { Inject, Logger, OnApplicationShutdown } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { AuthService } from '../auth/auth.service';
import { SESSION_COOKIE } from '../auth/session-token';
import type { AuthContext } from '../common/auth-context';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** Events a parent's client receives. Payloads carry ids and times, so clients fetch what they may see. */
export interface RealtimeEvents {
  'message.released': { caseId: string; messages: { id: string; topic: string; urgent: boolean; sentAt: string; deliveredAt: string }[] };
  'message.read': { caseId: string; messageId: string; readAt: string };
  /** To the sender: their messages held for a window reached the other parent's inbox. */
  'message.delivered': { caseId: string; messages: { id: string; deliveredAt: string }[] };
  /** A proposal of shared terms moved (proposed, accepted, declined, withdrawn), or the other parent set their inbox terms. */
  'terms.changed':
    | { caseId: string; kind: 'proposal'; proposalId: string; status: string }
    | { caseId: string; kind: 'inbox'; userId: string; effectiveAt: string };
  /** The other parent proposed or answered a plan, an override or a swap, or recorded a check-in. */
  'schedule.changed': { caseId: string; kind: 'plan' | 'override' | 'swap' | 'check-in'; id: string; status: string };
  /** An expense or payment was logged, answered, given a file, or confirmed: clients fetch it again. */
  'expense.changed': { caseId: string; kind: 'expense' | 'payment'; id: string; status: string; actorId: string };
  /** Professional access was given or ended, or the professional opened or exported the record: to both parents. */
  'professional_access.changed': { caseId: string; grantId: string; change: 'granted' | 'revoked' | 'viewed' | 'exported' };
}

export function userRoom(userId: string): string {
  return `user:${userId}`;
}

/** Every socket of one session joins this room, so ending the session can end its sockets on every process. */
export function sessionRoom(sessionId: string): string {
  return `session:${sessionId}`;
}

/** How often each process checks that the sessions of its sockets are still live (expired or revoked ones are cut). */
export const SESSION_RECHECK_MS = 15_000;

interface SocketData {
  auth?: AuthContext;
  /** The session token the socket authenticated with, kept in this process's memory to check the session again. */
  token?: string;
}

/**
 * One room per user, one per session. The session is checked at the handshake (a socket
 * without a live session never connects), again whenever it ends through the API
 * (`endSessions`, on every process), and every {@link SESSION_RECHECK_MS} for what ends
 * otherwise (expiry, a revocation made elsewhere): a socket lives no longer than its session.
 *
 * The handshake also checks the `Origin` header against PUBLIC_URL's origin, so a page on
 * another site cannot open a socket with the visitor's cookie. A browser sends no Origin on
 * a same-origin GET (socket.io's first polling request), but it does send
 * `Sec-Fetch-Site: same-origin`, which a page on another site cannot forge; the cookie counts
 * then too. Other clients (no Origin, no Sec-Fetch-Site) must bring the token themselves
 * (`auth.token`), never only a cookie.
 */
@WebSocketGateway({ path: '/socket.io' })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnApplicationShutdown {
  private readonly logger = new Logger('Realtime');
  private readonly origin: string;
  private recheckTimer: NodeJS.Timeout | null = null;
  @WebSocketServer() server: Server;

  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.origin = new URL(config.publicUrl).origin;
  }

  afterInit(server: Server): void {
    server.use((socket, next) => {
      const origin = socket.handshake.headers.origin;
      const fromAuth = bearerToken(socket);
      if (origin !== undefined && origin !== this.origin) return next(new Error('forbidden: this origin may not connect'));
      const sameOriginBrowser = origin !== undefined || socket.handshake.headers['sec-fetch-site'] === 'same-origin';
      const token = fromAuth ?? (sameOriginBrowser ? cookieToken(socket) : null);
      if (!token) return next(new Error('unauthorized: sign in first'));
      this.auth
        .authenticate(token)
        .then((auth) => {
          if (!auth) return next(new Error('unauthorized: the session has ended'));
          const data = socket.data as SocketData;
          data.auth = auth;
          data.token = token;
          next();
        })
        .catch((error: Error) => {
          this.logger.error(`Handshake failed: ${error.message}`);
          next(new Error('unavailable: try again'));
        });
    });
    this.recheckTimer = setInterval(() => {
      this.recheckSessions().catch((error: Error) => this.logger.error(`Session re-check failed, will retry: ${error.message}`));
    }, SESSION_RECHECK_MS);
    this.recheckTimer.unref();
  }

  onApplicationShutdown(): void {
    if (this.recheckTimer) clearInterval(this.recheckTimer);
  }

  async handleConnection(socket: Socket): Promise<void> {
    const auth = (socket.data as SocketData).auth;
    if (!auth) return void socket.disconnect(true);
    await socket.join([userRoom(auth.userId), sessionRoom(auth.sessionId)]);
  }

  /**
   * Disconnects every socket of these sessions, on every API process (through the Redis
   * adapter when there is one). Called when sessions end: logout, sign out everywhere, reset.
   */
  endSessions(sessionIds: string[]): void {
    if (!this.server || sessionIds.length === 0) return;
    this.server.in(sessionIds.map(sessionRoom)).disconnectSockets(true);
  }

  /**
   * Checks the session of every socket connected to this process, once per session, and
   * disconnects those whose session has expired or been revoked. Returns how many it cut.
   */
  async recheckSessions(): Promise<number> {
    if (!this.server) return 0;
    const bySession = new Map<string, { token: string; sockets: Socket[] }>();
    for (const socket of this.server.sockets.sockets.values()) {
      const { auth, token } = socket.data as SocketData;
      if (!auth || !token) {
        socket.disconnect(true);
        continue;
      }
      const group = bySession.get(auth.sessionId);
      if (group) group.sockets.push(socket);
      else bySession.set(auth.sessionId, { token, sockets: [socket] });
    }
    let cut = 0;
    for (const [sessionId, { token, sockets }] of bySession) {
      const live = await this.auth.authenticate(token);
      if (live && live.sessionId === sessionId) continue;
      for (const socket of sockets) socket.disconnect(true);
      cut += sockets.length;
    }
    return cut;
  }

  emitToUser<E extends keyof RealtimeEvents>(userId: string, event: E, payload: RealtimeEvents[E]): void {
    this.server?.to(userRoom(userId)).emit(event, payload);
  }
}

function bearerToken(socket: Socket): string | null {
  const fromAuth = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
  return typeof fromAuth === 'string' && fromAuth ? fromAuth : null;
}

function cookieToken(socket: Socket): string | null {
  const cookieHeader = socket.handshake.headers.cookie;
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join('='));
  }
  return null;
}
