import { forwardRef, Inject, Injectable } from '@nestjs/common';
import { AuthContext } from '../common/auth-context';
import { Clock } from '../common/clock';
import { NotFound } from '../common/errors';
import { RealtimeGateway } from '../notifications/realtime.gateway';
import { AuthRepository } from './auth.repository';
import { SessionListDto, toSessionDto } from './dto/auth.dto';

/** One's own sessions: see them, end one, end all. Every ending also ends the sessions' sockets, on every process. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly auth: AuthRepository,
    private readonly clock: Clock,
    @Inject(forwardRef(() => RealtimeGateway)) private readonly realtime: RealtimeGateway,
  ) {}

  async list(auth: AuthContext): Promise<SessionListDto> {
    const sessions = await this.auth.listLiveSessions(auth.userId, this.clock.now());
    return { items: sessions.map((session) => toSessionDto(session, auth.sessionId)) };
  }

  /** Ends one of one's own live sessions; any other id is 404, whoever's it is. */
  async end(auth: AuthContext, sessionId: string): Promise<void> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(sessionId)) throw new NotFound('There is no such live session of yours.');
    const ended = await this.endSessions(auth.userId, { only: sessionId });
    if (ended.length === 0) throw new NotFound('There is no such live session of yours.');
  }

  logout(auth: AuthContext): Promise<string[]> {
    return this.endSessions(auth.userId, { only: auth.sessionId });
  }

  /** Ends the user's live sessions (`only` one, or all `except` one, or all) after commit, then their sockets. */
  async endSessions(userId: string, which: { only?: string; except?: string } = {}): Promise<string[]> {
    const ended = await this.auth.revokeSessions(userId, this.clock.now(), which);
    this.realtime.endSessions(ended);
    return ended;
  }
}
