import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OpenLedgerEntry } from '@parallel/domain';
import { DataSource } from 'typeorm';
import type { Tx } from '../database/transaction';
import { LedgerRepository, type LedgerTypeFilter } from '../ledger/ledger.repository';
import { STORED_ROWS_PAGE, storedPagesUpTo, type StoredLedgerRow } from '../ledger/stored-entry';
import { ExportEntity } from './entities/export.entity';

export interface ExportCaseFacts {
  name: string;
  timeZone: string;
  children: string[];
  parents: { id: string; name: string }[];
}


@Injectable()
export class ExportsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerRepository,
  ) {}

  async insert(tx: Tx, row: ExportEntity): Promise<void> {
    await tx.manager.insert(ExportEntity, row);
  }

  find(caseId: string, exportId: string): Promise<ExportEntity | null> {
    return this.dataSource.getRepository(ExportEntity).findOne({ where: { caseId, id: exportId } });
  }

  /** The case's name, zone, children and parents (the creator first, then in joining order). */
  async caseFacts(caseId: string): Promise<ExportCaseFacts | null> {
    const [caseRows, parents] = await Promise.all([
      this.dataSource.query<{ name: string; time_zone: string; children: string[] }[]>('SELECT name, time_zone, children FROM cases WHERE id = $1', [caseId]),
      this.dataSource.query<{ id: string; name: string }[]>(
        `SELECT u.id, u.display_name AS name FROM case_members m JOIN cases c ON c.id = m.case_id JOIN users u ON u.id = m.user_id
          WHERE m.case_id = $1 ORDER BY m.joined_at, (m.user_id = c.created_by) DESC, m.user_id`,
        [caseId],
      ),
    ]);
    const row = caseRows[0];
    return row
      ? {
          name: row.name,
          timeZone: row.time_zone,
          children: row.children,
          parents,
        }
      : null;
  }

  /** One entry of the chain, or undefined. */
  async entryAt(caseId: string, seq: number): Promise<OpenLedgerEntry | undefined> {
    return (await this.ledger.list(caseId, seq - 1, 1))[0];
  }

  /** The chain from entry 1 to `headSeq` (of the filter's types when given), page by page, as stored rows. */
  rowsUpTo(caseId: string, headSeq: number, filter?: LedgerTypeFilter): AsyncGenerator<StoredLedgerRow[]> {
    return storedPagesUpTo(headSeq, (after) => this.ledger.listSliceRows(caseId, after, headSeq, STORED_ROWS_PAGE, filter));
  }
}
