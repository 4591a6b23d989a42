#!/usr/bin/env node
/**
 * Grey-rock analyzer benchmark: `npm run bench:tone` (builds libs/domain first).
 *
 * 1. Quality on the labeled set (libs/domain/test/fixtures/tone) next to a plain sentiment
 *    baseline: the `sentiment` package, nudging when a message scores at or below a
 *    threshold, with the threshold chosen for its best F1 on the whole set (its best case).
 * 2. Throughput on typical messages (the labeled set, round and round) on one thread.
 * 3. Latency for a 2,000-word draft, as the composer analyzes on every keystroke.
 * Results are printed and written to bench/results/tone.json.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const Sentiment = require('sentiment');
const { analyzeDraft } = require('../libs/domain/dist');
const { loadLabeledSet, scoreSet } = require('../libs/domain/test/fixtures/tone/labeled-set');

const THROUGHPUT_SECONDS = 3;
const LONG_DRAFT_WORDS = 2000;
const LONG_DRAFT_RUNS = 2000;

const progress = (message) => process.stderr.write(`... ${message}\n`);
const pct = (value) => `${(value * 100).toFixed(1)}%`;

function machine() {
  const cpu = os.cpus()[0];
  return {
    cpu: cpu ? cpu.model.trim() : 'unknown',
    logicalCores: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
  };
}

function summarize(score) {
  return {
    messages: score.messages,
    precision: score.precision,
    recall: score.recall,
    f1: score.f1,
    falseNudgeRate: score.falseNudgeRate,
    falseNudges: `${score.falsePositives}/${score.greyRock}`,
  };
}

function analyzerQuality(parts) {
  const predict = (text) => analyzeDraft(text).nudges.map((nudge) => nudge.kind);
  return {
    tuning: summarize(scoreSet(parts.tuning, predict)),
    heldOut: summarize(scoreSet(parts.heldOut, predict)),
    whole: summarize(scoreSet(parts.whole, predict)),
  };
}

/** The sentiment baseline at the threshold (on score or comparative) with its best F1. */
function baselineQuality(parts) {
  const sentiment = new Sentiment();
  const scored = new Map(parts.whole.map((row) => [row.text, sentiment.analyze(row.text)]));
  let best = null;
  for (const measure of ['score', 'comparative']) {
    const values = [...new Set([...scored.values()].map((result) => result[measure]))].sort((a, b) => a - b);
    for (const threshold of values) {
      const predict = (text) => (scored.get(text)[measure] <= threshold ? ['negative'] : []);
      const whole = scoreSet(parts.whole, predict);
      if (!best || whole.f1 > best.whole.f1) {
        best = {
          rule: `nudge when ${measure} <= ${Number(threshold.toFixed(4))}`,
          tuning: summarize(scoreSet(parts.tuning, predict)),
          heldOut: summarize(scoreSet(parts.heldOut, predict)),
          whole: summarize(whole),
        };
      }
    }
  }
  return best;
}

function throughput(texts) {
  for (let warm = 0; warm < 3; warm++) for (const text of texts) analyzeDraft(text);
  let analyzed = 0;
  let words = 0;
  const wordsPerText = texts.map((text) => text.split(/\s+/).filter(Boolean).length);
  const started = performance.now();
  const deadline = started + THROUGHPUT_SECONDS * 1000;
  while (performance.now() < deadline) {
    for (let index = 0; index < texts.length; index++) {
      analyzeDraft(texts[index]);
      words += wordsPerText[index];
    }
    analyzed += texts.length;
  }
  const seconds = (performance.now() - started) / 1000;
  return { messagesPerSecond: analyzed / seconds, meanWords: words / analyzed, seconds };
}

/** A realistic long draft: the labeled set's own sentences, logistics and loaded ones mixed. */
function longDraft(texts) {
  const pieces = [];
  let words = 0;
  for (let index = 0; words < LONG_DRAFT_WORDS; index = (index + 7) % texts.length) {
    const text = texts[index];
    pieces.push(text);
    words += text.split(/\s+/).filter(Boolean).length;
  }
  return { text: pieces.join('\n'), words };
}

function latency(draft) {
  for (let warm = 0; warm < 200; warm++) analyzeDraft(draft);
  const times = [];
  for (let run = 0; run < LONG_DRAFT_RUNS; run++) {
    const started = performance.now();
    analyzeDraft(draft);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { medianMs: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99), maxMs: times[times.length - 1] };
}

function main() {
  const info = machine();
  console.log('Grey-rock analyzer benchmark');
  console.log(`machine: ${info.cpu}, ${info.logicalCores} logical cores, Node ${info.node}, ${info.platform}`);
  console.log('(JavaScript runs on one thread: every figure below is one core)\n');

  const { tuning, heldOut } = loadLabeledSet();
  const parts = { tuning, heldOut, whole: [...tuning, ...heldOut] };
  progress(`labeled set: ${parts.whole.length} messages (${tuning.length} tuning, ${heldOut.length} held out)`);

  progress('scoring the analyzer');
  const analyzer = analyzerQuality(parts);
  progress('scoring the sentiment baseline at every threshold');
  const baseline = baselineQuality(parts);

  console.log('Quality, "needs a nudge"      precision  recall    F1     false-nudge rate');
  const row = (name, q) =>
    console.log(
      `${name.padEnd(30)} ${pct(q.precision).padStart(8)} ${pct(q.recall).padStart(7)} ${pct(q.f1).padStart(6)}   ${pct(q.falseNudgeRate).padStart(6)} (${q.falseNudges})`,
    );
  row('analyzer, tuning part', analyzer.tuning);
  row('analyzer, held-out part', analyzer.heldOut);
  row('analyzer, whole set', analyzer.whole);
  row('sentiment baseline, tuning', baseline.tuning);
  row('sentiment baseline, held-out', baseline.heldOut);
  row('sentiment baseline, whole set', baseline.whole);
  console.log(`baseline rule (best F1 on the whole set): ${baseline.rule}`);
  const gain = {
    f1: analyzer.whole.f1 / baseline.whole.f1,
    heldOutF1: analyzer.heldOut.f1 / baseline.heldOut.f1,
    falseNudges:
      analyzer.whole.falseNudgeRate === 0 ? null : baseline.whole.falseNudgeRate / analyzer.whole.falseNudgeRate,
  };
  console.log(
    `gain: F1 x${gain.f1.toFixed(2)} (held-out x${gain.heldOutF1.toFixed(2)}); false nudges ${
      gain.falseNudges === null
        ? `${pct(baseline.whole.falseNudgeRate)} -> 0`
        : `/${gain.falseNudges.toFixed(1)}`
    }\n`,
  );

  const texts = parts.whole.map((row) => row.text);
  progress(`throughput on the labeled messages for ${THROUGHPUT_SECONDS} s`);
  const speed = throughput(texts);
  console.log(
    `throughput: ${Math.round(speed.messagesPerSecond).toLocaleString('en-GB')} messages/s (mean ${speed.meanWords.toFixed(1)} words), one thread`,
  );

  const draft = longDraft(texts);
  progress(`latency on a ${draft.words}-word draft, ${LONG_DRAFT_RUNS} runs`);
  const long = latency(draft.text);
  console.log(
    `${draft.words}-word draft: median ${long.medianMs.toFixed(3)} ms, p95 ${long.p95Ms.toFixed(3)} ms, p99 ${long.p99Ms.toFixed(3)} ms, max ${long.maxMs.toFixed(3)} ms`,
  );

  const targets = { messagesPerSecond: 20000, longDraftMs: 1 };
  const pass = speed.messagesPerSecond >= targets.messagesPerSecond && long.medianMs < targets.longDraftMs;
  console.log(`targets (>= 20,000 messages/s, < 1 ms for 2,000 words): ${pass ? 'met' : 'NOT met'}`);

  const results = {
    date: new Date().toISOString(),
    machine: info,
    analyzer,
    baseline,
    gain,
    throughput: speed,
    longDraft: { words: draft.words, ...long },
    targets,
    pass,
  };
  const out = path.join(__dirname, 'results', 'tone.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  progress(`results written to ${path.relative(process.cwd(), out)}`);
  if (!pass) process.exitCode = 1;
}

main();
