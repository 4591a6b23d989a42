import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from './support/test-app';

/** The entities and the migrations must describe the same tables: a drift fails here, not in production. */
describe('entities agree with the migrated schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('has every entity column with the same type and nullability, and no unmapped column', async () => {
    const dataSource = t.app.get(DataSource);
    const actual = await t.query<{ table_name: string; column_name: string; udt_name: string; is_nullable: string }>(
      `SELECT table_name, column_name, udt_name, is_nullable FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    const actualColumns = new Map(actual.map((c) => [`${c.table_name}.${c.column_name}`, c]));
    const udtOf: Record<string, string> = { uuid: 'uuid', text: 'text', timestamptz: 'timestamptz', jsonb: 'jsonb', integer: 'int4', smallint: 'int2', boolean: 'bool', bigint: 'int8' };
    const expected = new Set<string>();
    for (const entity of dataSource.entityMetadatas) {
      for (const column of entity.columns) {
        const key = `${entity.tableName}.${column.databaseName}`;
        expected.add(key);
        const found = actualColumns.get(key);
        expect({ key, present: Boolean(found) }).toEqual({ key, present: true });
        expect({ key, type: found!.udt_name }).toEqual({ key, type: udtOf[String(column.type)] ?? String(column.type) });
        expect({ key, nullable: found!.is_nullable === 'YES' }).toEqual({ key, nullable: column.isNullable });
      }
    }
    const unmapped = [...actualColumns.keys()].filter((key) => !expected.has(key));
    expect(unmapped).toEqual([]);
  });

  it('has no pending migration', async () => {
    expect(await t.app.get(DataSource).showMigrations()).toBe(false);
  });
});
