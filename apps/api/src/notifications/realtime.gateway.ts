import { Logger } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { AuthService } from '../auth/auth.service';
import { SESSION_COOKIE } from '../auth/session-token';
import type { AuthContext } from '../common/auth-context';

/** Events a parent's client receives. Payloads carry ids and times, so clients fetch what they may see. */
export interface RealtimeEvents {
  'message.released': { caseId: string; messages: { id: string; topic: string; urgent: boolean; sentAt: string; deliveredAt: string }[] };
  'message.read': { caseId: string; messageId: string; readAt: string };
  /** A proposal of shared terms moved (proposed, accepted, declined, withdrawn), or the other parent set their inbox terms. */
  'terms.changed':
    | { caseId: string; kind: 'proposal'; proposalId: string; status: string }
    | { caseId: string; kind: 'inbox'; userId: string; effectiveAt: string };
}

export function userRoom(userId: string): string {
  return `user:${userId}`;
}

/** Every socket of one session joins this room, so ending the session can end its sockets on every process. */
export function sessionRoom(sessionId: string): string {
  return `session:${sessionId}`;
}

/**
 * One room per user. The session is checked at the handshake: a socket without a live
 * session never connects, so no event can reach someone who is not signed in.
 */
@WebSocketGateway({ path: '/socket.io' })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger('Realtime');
  @WebSocketServer() server: Server;

  constructor(private readonly auth: AuthService) {}

  afterInit(server: Server): void {
    server.use((socket, next) => {
      const token = handshakeToken(socket);
      if (!token) return next(new Error('unauthorized: sign in first'));
      this.auth
        .authenticate(token)
        .then((auth) => {
          if (!auth) return next(new Error('unauthorized: the session has ended'));
          (socket.data as { auth?: AuthContext }).auth = auth;
          next();
        })
        .catch((error: Error) => {
          this.logger.error(`Handshake failed: ${error.message}`);
          next(new Error('unavailable: try again'));
        });
    });
  }

  async handleConnection(socket: Socket): Promise<void> {
    const auth = (socket.data as { auth?: AuthContext }).auth;
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

  emitToUser<E extends keyof RealtimeEvents>(userId: string, event: E, payload: RealtimeEvents[E]): void {
    this.server?.to(userRoom(userId)).emit(event, payload);
  }
}

function handshakeToken(socket: Socket): string | null {
  const fromAuth = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
  if (typeof fromAuth === 'string' && fromAuth) return fromAuth;
  const cookieHeader = socket.handshake.headers.cookie;
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join('='));
  }
  return null;
}
