import type { OpenAPIObject } from '@nestjs/swagger';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The web client's types, generated from the API's OpenAPI document by openapi-typescript:
 * the one contract both sides compile against, never copied by hand.
 * `npm run contract` writes it; `test/openapi.spec.ts` fails when it is out of date.
 */
export const CONTRACT_FILE = resolve(__dirname, '../../../web/src/api/contract.gen.ts');

const HEADER = `// GENERATED FILE: do not edit. The API's contract, generated from its OpenAPI document
// (apps/api, /api/docs-json) by openapi-typescript. After changing a DTO or a controller,
// regenerate with \`npm run contract\`; the API tests fail while this file is out of date.
// Import the names from ./types, not from here.
`;

/**
 * openapi-typescript is an ES module with ES-module dependencies, which the test runner
 * cannot require; it runs in a plain Node child, the same way for the tests and the script.
 */
const RENDER = `
const { default: openapiTS, astToString } = require('openapi-typescript');
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', async () => {
  // A field with a default may still be left out of a request.
  const ast = await openapiTS(JSON.parse(input), { defaultNonNullable: false });
  process.stdout.write(astToString(ast));
});
`;

/** The TypeScript text of the contract for `document`, header included. */
export async function renderContract(document: OpenAPIObject): Promise<string> {
  const body = await new Promise<string>((done, fail) => {
    const child = execFile(process.execPath, ['-e', RENDER], { cwd: __dirname, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) fail(new Error(`openapi-typescript failed: ${stderr || error.message}`));
      else done(stdout);
    });
    child.stdin?.end(JSON.stringify(document));
  });
  return HEADER + body;
}

/**
 * `npm run contract`: boots the API exactly as the tests do (an embedded database in a
 * scratch directory, no listening port), takes its document and writes the contract.
 */
async function main(): Promise<void> {
  const [{ createApp }, { loadConfig }, { buildOpenApiDocument }] = await Promise.all([import('../app.factory'), import('../config/app-config'), import('./openapi')]);
  const dataDir = mkdtempSync(join(tmpdir(), 'parallel-contract-'));
  try {
    const app = await createApp({ config: loadConfig({ DATA_DIR: dataDir, RELEASE_TICK_MS: '0', PUBLIC_URL: 'http://parallel.test' }), logLevels: ['error'] });
    try {
      writeFileSync(CONTRACT_FILE, await renderContract(buildOpenApiDocument(app)));
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.stdout.write(`Wrote ${CONTRACT_FILE}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
