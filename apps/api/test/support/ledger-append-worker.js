// A separate API-side process that appends to case ledgers through the real
// case commands (the built ones), to prove that concurrent writers in different
// processes never fork or gap a chain. Usage: node ledger-append-worker.js <databaseUrl> <caseIds,...> <appends> <concurrency>
require('reflect-metadata');
const { createDataSource } = require('../../dist/database/data-source');
const { LedgerRepository } = require('../../dist/ledger/ledger.repository');
const { CaseCommands } = require('../../dist/ledger/case-commands');
const { SystemClock } = require('../../dist/common/clock');

async function main() {
  const [databaseUrl, caseIdList, appendsText, concurrencyText] = process.argv.slice(2);
  const caseIds = caseIdList.split(',');
  const appends = Number(appendsText);
  const concurrency = Number(concurrencyText);
  const dataSource = createDataSource({ databaseUrl, dataDir: '' }, concurrency);
  await dataSource.initialize();
  const commands = new CaseCommands(dataSource, new LedgerRepository(dataSource), new SystemClock());
  let next = 0;
  let failures = 0;
  async function lane() {
    while (next < appends) {
      const index = next++;
      const caseId = caseIds[index % caseIds.length];
      try {
        await commands.run(caseId, (tx) => tx.record('message.read', null, { messageId: `${process.pid}-${index}` }));
      } catch (error) {
        failures += 1;
        process.stderr.write(`append ${index} failed: ${error.message}\n`);
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, lane));
  await dataSource.destroy();
  process.stdout.write(JSON.stringify({ pid: process.pid, appends, failures }) + '\n');
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
