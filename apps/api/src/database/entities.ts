import { AccountTokenEntity } from '../auth/entities/account-token.entity';
import { RecoveryCodeEntity } from '../auth/entities/recovery-code.entity';
import { ExportEntity } from '../export/entities/export.entity';
import { ProfessionalAccessGrantEntity } from '../professional-access/entities/professional-access-grant.entity';
import { ProfessionalVisitEntity } from '../professional-access/entities/professional-visit.entity';
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
import { ExpenseEntity } from '../expenses/entities/expense.entity';
import { PaymentEntity } from '../expenses/entities/payment.entity';
import { ReceiptChunkEntity, ReceiptEntity } from '../expenses/entities/receipt.entity';
import { InboxTermsChangeEntity } from '../terms/entities/inbox-terms-change.entity';
import { TermsProposalEntity } from '../terms/entities/terms-proposal.entity';
import { CalendarFeedEntity } from '../schedule/entities/calendar-feed.entity';
import { ScheduleCheckInEntity } from '../schedule/entities/schedule-check-in.entity';
import { ScheduleOverrideEntity } from '../schedule/entities/schedule-override.entity';
import { SchedulePlanDisputeEntity } from '../schedule/entities/schedule-plan-dispute.entity';
import { SchedulePlanEntity } from '../schedule/entities/schedule-plan.entity';
import { ScheduleSwapEntity } from '../schedule/entities/schedule-swap.entity';

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
  SchedulePlanEntity,
  SchedulePlanDisputeEntity,
  ScheduleOverrideEntity,
  ScheduleSwapEntity,
  ScheduleCheckInEntity,
  CalendarFeedEntity,
  ExpenseEntity,
  PaymentEntity,
  ReceiptEntity,
  ReceiptChunkEntity,
  ExportEntity,
  ProfessionalAccessGrantEntity,
  ProfessionalVisitEntity,
];
