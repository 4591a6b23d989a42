import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_CASE_TERMS, type CaseTerms } from '@parallel/domain';
import { randomBytes, randomUUID } from 'node:crypto';
import { hashToken } from '../auth/auth.service';
import { AuthContext } from '../common/auth-context';
import { Clock } from '../common/clock';
import { Conflict, Gone, NotAllowed, NotFound } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { LedgerRepository } from '../ledger/ledger.repository';
import { MailService } from '../notifications/mail.service';
import { CasesRepository, CaseParentRow } from './cases.repository';
import { CreateCaseDto, CreateInvitationDto } from './dto/case.dto';
import { CaseEntity } from './entities/case.entity';
import { InvitationEntity } from './entities/invitation.entity';

/** A case is for exactly two parents; nobody else ever has a voice in it. */
export const PARENTS_PER_CASE = 2;
const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export interface CaseView {
  id: string;
  name: string;
  timeZone: string;
  children: string[];
  terms: CaseTerms;
  parents: { userId: string; displayName: string; role: string; joinedAt: string }[];
  pendingInvitation: { email: string; expiresAt: string } | null;
  ledgerHead: { seq: number; hash: string };
  createdAt: string;
}

export interface InvitationView {
  id: string;
  email: string;
  expiresAt: string;
  mailDelivered: boolean;
}

export interface InvitationPreview {
  caseName: string;
  invitedBy: { displayName: string };
  email: string;
  expiresAt: string;
}

@Injectable()
export class CasesService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly ledger: LedgerRepository,
    private readonly mail: MailService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(auth: AuthContext, dto: CreateCaseDto): Promise<CaseView> {
    const now = this.clock.now();
    const row: CaseEntity = {
      id: randomUUID(),
      name: dto.name,
      timeZone: dto.timeZone,
      children: dto.children,
      terms: DEFAULT_CASE_TERMS,
      createdBy: auth.userId,
      createdAt: now,
      ledgerHeadSeq: 0,
      ledgerHeadHash: '0'.repeat(64),
    };
    await this.cases.transaction(async (manager) => {
      await this.cases.insertCase(manager, row);
      await this.cases.insertMember(manager, { caseId: row.id, userId: auth.userId, role: 'parent', joinedAt: now });
      await this.ledger.append(manager, row.id, 'case.created', auth.userId, {
        name: row.name,
        timeZone: row.timeZone,
        children: row.children,
        terms: row.terms,
      });
    });
    return this.view(row.id, auth.userId);
  }

  async list(auth: AuthContext): Promise<{ items: CaseView[] }> {
    const rows = await this.cases.casesOf(auth.userId);
    const parents = await this.cases.parentsOf(rows.map((row) => row.id));
    const now = this.clock.now();
    const items = await Promise.all(
      rows.map(async (row) =>
        toCaseView(row, parents.get(row.id) ?? [], await this.cases.pendingInvitation(row.id, now), await this.ledger.visibleHead(row.id, auth.userId)),
      ),
    );
    return { items };
  }

  /** The caller's membership was checked by the access guard before this runs. */
  async view(caseId: string, viewerId: string): Promise<CaseView> {
    const row = await this.cases.findCase(caseId);
    if (!row) throw new NotFound('Case not found');
    const parents = await this.cases.parentsOf([caseId]);
    const head = await this.ledger.visibleHead(caseId, viewerId);
    return toCaseView(row, parents.get(caseId) ?? [], await this.cases.pendingInvitation(caseId, this.clock.now()), head);
  }

  /** Invites the other parent and mails them the link; the link's token exists only in that mail. */
  async invite(auth: AuthContext, caseId: string, dto: CreateInvitationDto): Promise<InvitationView> {
    const { invitation, token, caseName } = await this.createInvitation(auth, caseId, dto);
    const link = `${this.config.publicUrl}/invite/${token}`;
    const mailDelivered = await this.mail.send(invitationMail(invitation.email, auth.displayName, caseName, link, invitation.expiresAt));
    return { id: invitation.id, email: invitation.email, expiresAt: invitation.expiresAt.toISOString(), mailDelivered };
  }

  async createInvitation(auth: AuthContext, caseId: string, dto: CreateInvitationDto): Promise<{ invitation: InvitationEntity; token: string; caseName: string }> {
    const now = this.clock.now();
    const token = randomBytes(32).toString('base64url');
    const invitation: InvitationEntity = {
      id: randomUUID(),
      caseId,
      email: dto.email,
      tokenHash: hashToken(token),
      invitedBy: auth.userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
      acceptedAt: null,
      acceptedBy: null,
      revokedAt: null,
    };
    const caseName = await this.cases.transaction(async (manager) => {
      const locked = await this.cases.lockCase(manager, caseId);
      if (!locked) throw new NotFound('Case not found');
      const emails = await this.cases.memberEmails(manager, caseId);
      if (emails.length >= PARENTS_PER_CASE) throw new Conflict('This case already has both parents. Nobody else can be invited into the channel.');
      if (emails.includes(dto.email)) {
        throw new Conflict('That address belongs to a parent already in this case. Invite the other parent with their own e-mail address.', [
          { field: 'email', rule: 'notMember', message: 'email belongs to a parent already in this case' },
        ]);
      }
      await this.cases.revokePendingInvitations(manager, caseId, now);
      await this.cases.insertInvitation(manager, invitation);
      await this.ledger.append(manager, caseId, 'invitation.created', auth.userId, {
        invitationId: invitation.id,
        email: invitation.email,
        expiresAt: invitation.expiresAt.toISOString(),
      });
      return locked.name;
    });
    return { invitation, token, caseName };
  }

  async previewInvitation(token: string): Promise<InvitationPreview> {
    const invitation = await this.usableInvitation(token);
    const [caseRow, inviter] = await Promise.all([this.cases.findCase(invitation.caseId), this.cases.findUser(invitation.invitedBy)]);
    return {
      caseName: caseRow?.name ?? '',
      invitedBy: { displayName: inviter?.displayName ?? '' },
      email: invitation.email,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  async acceptInvitation(auth: AuthContext, token: string): Promise<CaseView> {
    const caseId = await this.cases.transaction(async (manager) => {
      const invitation = await this.usableInvitation(token, manager);
      // The link is not enough on its own: a forwarded link must not let a third person in.
      if (invitation.email !== auth.email) {
        throw new NotAllowed(`This invitation is for ${invitation.email}. Sign in with that address to accept it.`);
      }
      const locked = await this.cases.lockCase(manager, invitation.caseId);
      if (!locked) throw new NotFound('Case not found');
      const parents = (await this.cases.parentsOf([invitation.caseId], manager)).get(invitation.caseId) ?? [];
      if (parents.some((parent) => parent.userId === auth.userId)) throw new Conflict('You are already a parent in this case.');
      if (parents.length >= PARENTS_PER_CASE) throw new NotAllowed('This case already has both parents.');
      const now = this.clock.now();
      await this.cases.insertMember(manager, { caseId: invitation.caseId, userId: auth.userId, role: 'parent', joinedAt: now });
      await this.cases.markInvitationAccepted(manager, invitation.id, auth.userId, now);
      await this.ledger.append(manager, invitation.caseId, 'case.joined', auth.userId, {
        userId: auth.userId,
        displayName: auth.displayName,
        invitationId: invitation.id,
      });
      return invitation.caseId;
    });
    return this.view(caseId, auth.userId);
  }

  private async usableInvitation(token: string, manager?: Parameters<CasesRepository['findInvitationByTokenHash']>[1]): Promise<InvitationEntity> {
    const invitation = await this.cases.findInvitationByTokenHash(hashToken(token), manager, Boolean(manager));
    if (!invitation) throw new NotFound('This invitation link is not valid. Check that the whole link was copied.');
    if (invitation.acceptedAt) throw new Gone('This invitation has already been used.');
    if (invitation.revokedAt) throw new Gone('This invitation was replaced by a newer one. Use the link in the latest e-mail.');
    if (invitation.expiresAt <= this.clock.now()) throw new Gone('This invitation has expired. Ask for a new one.');
    return invitation;
  }
}

function toCaseView(row: CaseEntity, parents: CaseParentRow[], pending: InvitationEntity | null, ledgerHead: { seq: number; hash: string }): CaseView {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.timeZone,
    children: row.children,
    terms: row.terms,
    parents: parents.map((parent) => ({ ...parent, joinedAt: parent.joinedAt.toISOString() })),
    pendingInvitation: pending ? { email: pending.email, expiresAt: pending.expiresAt.toISOString() } : null,
    ledgerHead,
    createdAt: row.createdAt.toISOString(),
  };
}

function invitationMail(to: string, inviterName: string, caseName: string, link: string, expiresAt: Date) {
  return {
    to,
    subject: `${inviterName} invited you to a Parallel case`,
    text: [
      `${inviterName} invited you to "${caseName}" on Parallel, a written channel for co-parenting communication.`,
      '',
      'Open this link to create an account or sign in, and join the case:',
      link,
      '',
      `The link works once and expires on ${expiresAt.toUTCString()}.`,
      'If you did not expect this e-mail, you can ignore it.',
    ].join('\n'),
  };
}
