import { TEMPLATE_DATABASE, TEST_DATABASE_URL, withAdminClient } from './test-database';

export default async function globalTeardown(): Promise<void> {
  if (!TEST_DATABASE_URL) return;
  await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`));
}
