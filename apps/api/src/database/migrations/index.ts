import { Foundation1763800000000 } from './1763800000000-foundation';
import { Messages1763900000000 } from './1763900000000-messages';
import { RecordFormatV11764000000000 } from './1764000000000-record-format-v1';
import { InboxTerms1764100000000 } from './1764100000000-inbox-terms';
import { AccountSecurity1764300000000 } from './1764300000000-account-security';
import { NoticeClaims1764400000000 } from './1764400000000-notice-claims';
import { RecordGuards1764500000000 } from './1764500000000-record-guards';
import { LedgerBodyText1764550000000 } from './1764550000000-ledger-body-text';
import { Schedule1764600000000 } from './1764600000000-schedule';
import { Expenses1764700000000 } from './1764700000000-expenses';
import { Exports1764800000000 } from './1764800000000-exports';
import { ProfessionalAccess1764900000000 } from './1764900000000-professional-access';
import { MembersOnlyMessages1765000000000 } from './1765000000000-members-only-messages';

/** Every migration, in order. Listed by hand so the build needs no file globbing. */
export const MIGRATIONS = [Foundation1763800000000, Messages1763900000000, RecordFormatV11764000000000, InboxTerms1764100000000, AccountSecurity1764300000000, NoticeClaims1764400000000, RecordGuards1764500000000, LedgerBodyText1764550000000, Schedule1764600000000, Expenses1764700000000, Exports1764800000000, ProfessionalAccess1764900000000, MembersOnlyMessages1765000000000];
