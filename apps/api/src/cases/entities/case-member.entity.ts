import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type CaseRole = 'parent';

@Entity('case_members')
@Index('case_members_user_id_idx', ['userId'])
export class CaseMemberEntity {
  @PrimaryColumn('uuid', { name: 'case_id' }) caseId: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId: string;
  @Column('text') role: CaseRole;
  @Column('timestamptz', { name: 'joined_at' }) joinedAt: Date;
}
