import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Parents' display names, for the CSV. */
@Injectable()
export class ExpenseNamesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async displayNames(userIds: string[]): Promise<Map<string, string>> {
    const rows: { id: string; display_name: string }[] = await this.dataSource.query('SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])', [userIds]);
    return new Map(rows.map((row) => [row.id, row.display_name]));
  }
}
