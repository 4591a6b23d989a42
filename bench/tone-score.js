#!/usr/bin/env node
/**
 * Scores the analyzer, exactly as `npm run -s tone` answers, on a labeled JSON-lines file
 * `{"id","text","kinds":[...]}`: `node bench/tone-score.js FILE.jsonl [--misses]`.
 * Reports F1 of "needs a nudge", precision, recall, the false-nudge rate, recall and precision
 * per kind and the macro recall over kinds. Used for the first score of each blind round.
 */
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { scoreSet } = require('../libs/domain/test/fixtures/tone/labeled-set.js');

const file = process.argv[2];
if (!file) {
  process.stderr.write('Usage: node bench/tone-score.js FILE.jsonl [--misses]\n');
  process.exit(2);
}
const rows = fs
  .readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line));
const root = path.join(__dirname, '..');
const input = rows.map((row) => JSON.stringify({ id: row.id, text: row.text })).join('\n') + '\n';
const output = execFileSync('npm', ['run', '-s', 'tone'], { cwd: root, input, stdio: ['pipe', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 }).toString();
const byId = new Map(
  output
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line))
    .map((answer) => [answer.id, new Set((answer.nudges ?? []).map((nudge) => nudge.kind))]),
);
const score = scoreSet(rows, (text) => byId.get(rows.find((row) => row.text === text).id) ?? new Set());
const kinds = Object.keys(score.perKind).sort();
const macroRecall = kinds.filter((k) => score.perKind[k].labeled > 0).reduce((sum, k, _i, all) => sum + score.perKind[k].recall / all.length, 0);
const pct = (x) => x.toFixed(3);
console.log(`${path.basename(file)}: ${score.messages} messages (${score.needsNudge} need a nudge, ${score.greyRock} grey rock)`);
console.log(`F1 ${pct(score.f1)}  precision ${pct(score.precision)}  recall ${pct(score.recall)}  false nudges ${pct(score.falseNudgeRate)}  macro recall per kind ${pct(macroRecall)}`);
for (const kind of kinds) {
  const s = score.perKind[kind];
  console.log(`  ${kind.padEnd(10)} recall ${pct(s.recall)} (${s.found}/${s.labeled})  precision ${pct(s.precision)} (${s.correct}/${s.predicted})`);
}
if (process.argv.includes('--misses')) for (const miss of score.misses) console.log(JSON.stringify(miss));
