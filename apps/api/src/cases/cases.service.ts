import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_CASE_TERMS, sharedTermsOf } from '@parallel/domain';
import { randomBytes, randomUUID } from 'node:crypto';
import { hashToken } from '../auth/auth.service';
import { AuthContext } from '../common/auth-context';
import { Clock } from '../common/clock';
import { Conflict, Gone, NotAllowed, NotFound } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { Tx } from '../database/transaction';
import { CaseCommands } from '../ledger/case-commands';
import { MailService } from '../notifications/mail.service';
import { LIMITS } from '../throttle/limits';
import { ThrottleService } from '../throttle/throttle.service';
import { CasesRepository } from './cases.repository';
import {
  CaseDto,
  CaseListDto,
  CreateCaseDto,
  CreateInvitationDto,
  InvitationDto,
  InvitationPreviewDto,
  toCaseDto,
  toInvitationDto,
  toInvitationPreviewDto,
} from './dto/case.dto';
import { CaseEntity } from './entities/case.entity';
import { InvitationEntity } from './entities/invitation.entity';

/** A case is for exactly two parents; nobody else ever has a voice in it. */
export const PARENTS_PER_CASE = 2;
const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

@Injectable()
export class CasesService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly commands: CaseCommands,
    private readonly mail: MailService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly throttle: ThrottleService,
  ) {}

  async create(auth: AuthContext, dto: CreateCaseDto): Promise<CaseDto> {
    const now = this.clock.now();
    const terms = DEFAULT_CASE_TERMS;
    const row = { id: randomUUID(), name: dto.name, timeZone: dto.timeZone, children: dto.children, terms: sharedTermsOf(terms), createdBy: auth.userId, createdAt: now };
    await this.commands.create(row, async (tx) => {
      await this.cases.insertMember(tx, { caseId: row.id, userId: auth.userId, role: 'parent', joinedAt: tx.now });
      // The first terms: the shared ones, and both parents' first inbox terms (each may change theirs from then on).
      const entry = await tx.record('case.created', auth.userId, { name: row.name, timeZone: row.timeZone, children: row.children, terms });
      await this.cases.insertFirstInboxTerms(tx, {
        caseId: row.id,
        ledgerSeq: entry.seq,
        userId: null,
        cadence: terms.cadence,
        dailyQuota: terms.dailyQuota,
        requestedAt: tx.now,
        effectiveAt: tx.now,
      });
    });
    return this.view(row.id);
  }

  async list(auth: AuthContext): Promise<CaseListDto> {
    const rows = await this.cases.casesOf(auth.userId);
    const parents = await this.cases.parentsOf(rows.map((row) => row.id));
    const now = this.clock.now();
    const items = await Promise.all(
      rows.map(async (row) =>
        toCaseDto(row, parents.get(row.id) ?? [], await this.cases.pendingInvitation(row.id, now), headOf(row)),
      ),
    );
    return { items };
  }

  /** The caller's membership was checked by the access guard before this runs. */
  async view(caseId: string): Promise<CaseDto> {
    const row = await this.cases.findCase(caseId);
    if (!row) throw new NotFound('Case not found');
    const parents = await this.cases.parentsOf([caseId]);
    return toCaseDto(row, parents.get(caseId) ?? [], await this.cases.pendingInvitation(caseId, this.clock.now()), headOf(row));
  }

  /** Invites the other parent and mails them the link; the link's token exists only in that mail. */
  async invite(auth: AuthContext, caseId: string, dto: CreateInvitationDto): Promise<InvitationDto> {
    // Each invitation is a mail to someone else's inbox: limited per inviting account and per invited address.
    await this.throttle.consume([[LIMITS.invitationsPerAccount, auth.userId], [LIMITS.invitationsPerInvitee, dto.email.toLowerCase()]], this.clock.now(), 'invitation mails from this account, or to this address,');
    const { invitation, token, caseName, replacedPending } = await this.createInvitation(auth, caseId, dto);
    const link = `${this.config.publicUrl}/invite/${token}`;
    const mailDelivered = await this.mail.send(invitationMail(invitation.email, auth.displayName, caseName, link, invitation.expiresAt));
    return toInvitationDto(invitation, mailDelivered, replacedPending);
  }

  /** `replacedPending`: an earlier link that still worked no longer does (only the latest link works). */
  async createInvitation(
    auth: AuthContext,
    caseId: string,
    dto: CreateInvitationDto,
  ): Promise<{ invitation: InvitationEntity; token: string; caseName: string; replacedPending: boolean }> {
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
    const { caseName, replacedPending } = await this.commands.run(caseId, async (tx) => {
      const emails = await this.cases.memberEmails(tx, caseId);
      if (emails.length >= PARENTS_PER_CASE) throw new Conflict('This case already has both parents. Nobody else can be invited into the channel.');
      if (emails.includes(dto.email)) {
        throw new Conflict('That address belongs to a parent already in this case. Invite the other parent with their own e-mail address.', [
          { field: 'email', rule: 'notMember', message: 'email belongs to a parent already in this case' },
        ]);
      }
      const replaced = await this.cases.revokePendingInvitations(tx, caseId, tx.now);
      await this.cases.insertInvitation(tx, invitation);
      await tx.record('invitation.created', auth.userId, {
        invitationId: invitation.id,
        email: invitation.email,
        expiresAt: invitation.expiresAt.toISOString(),
      });
      return { caseName: tx.caseRow.name, replacedPending: replaced };
    });
    return { invitation, token, caseName, replacedPending };
  }

  async previewInvitation(token: string): Promise<InvitationPreviewDto> {
    const invitation = await this.usableInvitation(token);
    const [caseRow, inviter] = await Promise.all([this.cases.findCase(invitation.caseId), this.cases.findUser(invitation.invitedBy)]);
    return toInvitationPreviewDto(invitation, caseRow?.name ?? '', inviter?.displayName ?? '');
  }

  async acceptInvitation(auth: AuthContext, token: string): Promise<CaseDto> {
    const { caseId } = await this.usableInvitation(token);
    await this.commands.run(caseId, async (tx) => {
      // Read again under the locks: two acceptances of one link queue, and the second finds it used.
      const invitation = await this.usableInvitation(token, tx);
      // The link is not enough on its own: a forwarded link must not let a third person in.
      if (invitation.email !== auth.email) {
        throw new NotAllowed(`This invitation is for ${invitation.email}. Sign in with that address to accept it.`);
      }
      const parents = (await this.cases.parentsOf([caseId], tx)).get(caseId) ?? [];
      if (parents.some((parent) => parent.userId === auth.userId)) throw new Conflict('You are already a parent in this case.');
      if (parents.length >= PARENTS_PER_CASE) throw new NotAllowed('This case already has both parents.');
      await this.cases.insertMember(tx, { caseId, userId: auth.userId, role: 'parent', joinedAt: tx.now });
      await this.cases.markInvitationAccepted(tx, invitation.id, auth.userId, tx.now);
      await tx.record('case.joined', auth.userId, { userId: auth.userId, displayName: auth.displayName, invitationId: invitation.id });
      const caseName = tx.caseRow.name;
      // The inviter learns the link worked; the mail says who and where, never anything written.
      tx.afterCommit(async () => {
        const inviter = await this.cases.findUser(invitation.invitedBy);
        if (inviter) await this.mail.send(joinedMail(inviter.email, auth.displayName, caseName, `${this.config.publicUrl}/cases/${caseId}`));
      });
    });
    return this.view(caseId);
  }

  private async usableInvitation(token: string, tx?: Tx): Promise<InvitationEntity> {
    const invitation = await this.cases.findInvitationByTokenHash(hashToken(token), tx);
    if (!invitation) throw new NotFound('This invitation link is not valid. Check that the whole link was copied.');
    if (invitation.acceptedAt) throw new Gone('This invitation has already been used.');
    if (invitation.revokedAt) throw new Gone('This invitation was replaced by a newer one. Use the link in the latest e-mail.');
    if (invitation.expiresAt <= this.clock.now()) throw new Gone('This invitation has expired. Ask for a new one.');
    return invitation;
  }
}

function headOf(row: CaseEntity): { seq: number; hash: string } {
  return { seq: row.ledgerHeadSeq, hash: row.ledgerHeadHash };
}

function joinedMail(to: string, joinedName: string, caseName: string, link: string) {
  return {
    to,
    subject: `${joinedName} joined your case on Parallel`,
    text: [
      `${joinedName} joined your case "${caseName}" on Parallel. You can now write to each other there.`,
      '',
      'Open the case:',
      link,
      '',
      'Each of you can set the terms of your own inbox (when messages arrive, and how many a day) in the case settings.',
    ].join('\n'),
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
