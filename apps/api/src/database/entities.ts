import { AccountTokenEntity } from '../auth/entities/account-token.entity';
import { RecoveryCodeEntity } from '../auth/entities/recovery-code.entity';
import { ExportEntity } from '../export/entities/export.entity';
import { ThrottleCounterEntity } from '../throttle/entities/throttle-counter.entity';
import { LoginAttemptEntity } from '../auth/entities/login-attempt.entity';
import { SessionEntity } from '../auth/entities/session.entity';
import { UserEntity } from '../auth/entities/user.entity';
import { CaseMemberEntity } from '../cases/entities/case-member.entity';
import { CaseEntity } from '../cases/entities/case.entity';
import { InvitationEntity } from '../cases/entities/invitation.entity';
import { LedgerEntryEntity } from '../ledger/entities/ledger-entry.entity';
import { HeldBackAttemptEntity } from '../messages/entities/held-back-attempt.entity';
import { IdempotentReplyEntity } from '../messages/entities/idempotent-reply.entity';
import { MessageEntity } from '../messages/entities/message.entity';
import { InboxTermsChangeEntity } from '../terms/entities/inbox-terms-change.entity';
import { TermsProposalEntity } from '../terms/entities/terms-proposal.entity';

export const ENTITIES = [
  UserEntity,
  SessionEntity,
  LoginAttemptEntity,
  CaseEntity,
  CaseMemberEntity,
  InvitationEntity,
  LedgerEntryEntity,
  MessageEntity,
  HeldBackAttemptEntity,
  IdempotentReplyEntity,
  TermsProposalEntity,
  InboxTermsChangeEntity,
  AccountTokenEntity,
  RecoveryCodeEntity,
  ThrottleCounterEntity,
  ExportEntity,
];
