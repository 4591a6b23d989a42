#!/usr/bin/env node
/**
 * Builds the benchmark's API entry: type-checks bench/api against the API's sources,
 * then writes only bench/api's own files to bench/dist. At run time they load the API's
 * real build (apps/api/dist) through the @parallel/api workspace link, so the benchmark
 * measures the code that ships, not a second copy of it.
 */
'use strict';
const { mkdirSync, writeFileSync } = require('node:fs');
const { basename, join, resolve } = require('node:path');
const ts = require('typescript');

const here = __dirname;
const outDir = resolve(here, '../dist');
const configFile = ts.readConfigFile(join(here, 'tsconfig.json'), ts.sys.readFile);
if (configFile.error) fail([configFile.error]);
const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, here);
if (parsed.errors.length > 0) fail(parsed.errors);
const program = ts.createProgram(parsed.fileNames, parsed.options);
const problems = ts.getPreEmitDiagnostics(program);
if (problems.length > 0) fail(problems);

mkdirSync(outDir, { recursive: true });
for (const fileName of parsed.fileNames) {
  const result = program.emit(program.getSourceFile(fileName), (emittedName, text) => {
    writeFileSync(join(outDir, basename(emittedName)), text);
  });
  if (result.emitSkipped) fail(result.diagnostics);
}
process.stderr.write(`bench/api built into ${outDir}\n`);

function fail(diagnostics) {
  const host = { getCanonicalFileName: (name) => name, getCurrentDirectory: () => process.cwd(), getNewLine: () => '\n' };
  process.stderr.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
  process.exit(1);
}
