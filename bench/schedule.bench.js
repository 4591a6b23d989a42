#!/usr/bin/env node
/**
 * Schedule expansion benchmark: `npm run bench:schedule` (builds libs/domain first).
 *
 * A case in Europe/London with ten years of schedule: a 2-2-3 plan from Mon 4 Jan 2027,
 * replaced after five years by alternating weeks (exchanges at 18:00, so every DST change is
 * crossed 20 times), 4 alternating-year holidays (Christmas, New Year, Easter week, two
 * summer weeks), 30 one-off overrides (vacations, court-ordered weekends) and 250 accepted
 * swaps (gives and trades of 1 to 3 days). It times, in this order, each run:
 *   (a) expandSchedule over the ten years (days, exchanges, exact intervals), as lived;
 *   (b) the same, as planned (no overrides or swaps);
 *   (c) timeShare of (a), the child-support figure.
 * Target: (a) under 50 ms. Best and median of `--runs N` (default 7) after one warm-up run;
 * the warm-up (first) run is reported too: it builds the zone's offset tables, which a
 * running API process keeps (libs/domain/src/schedule/zone-offsets.ts).
 * Progress on stderr, results on stdout and bench/results/schedule.json. `--dist DIR` measures
 * another build of @parallel/domain.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const distIndex = process.argv.indexOf('--dist');
const DIST = distIndex > 0 ? path.resolve(process.argv[distIndex + 1]) : path.join(__dirname, '../libs/domain/dist');
const { expandSchedule, planEffectiveFrom, timeShare, zoneOf } = require(DIST);

const runsIndex = process.argv.indexOf('--runs');
const RUNS = runsIndex > 0 ? Number(process.argv[runsIndex + 1]) : 7;
const TARGET_MS = 50;
const progress = (message) => process.stderr.write(`... ${message}\n`);

/** A small deterministic generator (mulberry32), so every run builds the same case. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TIME_ZONE = 'Europe/London';
const A = '3f0c9a52-8d7e-4d0b-9a43-7c3f1e2b5a01';
const B = 'b5e2d7c4-1a9f-4e36-8b20-6d4c2a1f9e02';
const FROM = '2027-01-04';
const TO = '2037-01-03';
const DAY = 86_400_000;
const date = (ms) => new Date(ms).toISOString().slice(0, 10);

function buildInputs() {
  const next = random(20261201);
  const zone = zoneOf(TIME_ZONE);
  const planSpec = (pattern, startDate, firstParentId) => ({ pattern, startDate, exchangeTime: '18:00', firstParentId, secondParentId: firstParentId === A ? B : A, place: 'School gate' });
  const first = planSpec('2-2-3', FROM, A);
  const second = planSpec('alternating-weeks', '2032-01-05', B);
  const plans = [
    { id: 'plan-1', spec: first, effectiveFrom: planEffectiveFrom(zone, first) },
    { id: 'plan-2', spec: second, effectiveFrom: planEffectiveFrom(zone, second) },
  ];
  const layers = [];
  let agreedAt = 1;
  const override = (id, spec) => layers.push({ type: 'override', id, agreedAt: agreedAt++, spec: { kind: 'holiday', reason: id, startTime: '10:00', endTime: '10:00', alternateYears: false, place: '', ...spec } });
  override('christmas', { startDate: '2027-12-24', endDate: '2027-12-26', parentId: A, alternateYears: true });
  override('new-year', { startDate: '2027-12-31', endDate: '2028-01-02', parentId: B, alternateYears: true });
  override('easter-week', { startDate: '2027-04-05', endDate: '2027-04-12', parentId: A, alternateYears: true });
  override('summer', { startDate: '2027-08-02', endDate: '2027-08-16', parentId: B, alternateYears: true, place: 'Station' });
  for (let i = 0; i < 30; i++) {
    // Vacations and court-ordered weekends in the autumn and spring, clear of the yearly ones.
    const year = 2027 + (i % 10);
    const month = i % 2 === 0 ? 10 : 5;
    const day = 1 + Math.floor(next() * 20);
    const start = Date.UTC(year, month - 1, day);
    override(`once-${i}`, { kind: i % 3 === 0 ? 'court-order' : 'vacation', startDate: date(start), endDate: date(start + (2 + Math.floor(next() * 5)) * DAY), parentId: next() < 0.5 ? A : B });
  }
  const startMs = Date.parse(`${FROM}T00:00:00Z`);
  for (let i = 0; i < 250; i++) {
    const dayMs = startMs + Math.floor(next() * 3650) * DAY;
    const length = 1 + Math.floor(next() * 3);
    const giveDates = Array.from({ length }, (_, k) => date(dayMs + k * DAY));
    const trade = next() < 0.4;
    const takeDates = trade ? [date(dayMs + (7 + Math.floor(next() * 14)) * DAY)] : [];
    const requestedBy = next() < 0.5 ? A : B;
    layers.push({ type: 'swap', id: `swap-${i}`, agreedAt: agreedAt++, spec: { kind: trade ? 'trade' : 'give', requestedBy, otherParentId: requestedBy === A ? B : A, giveDates, takeDates } });
  }
  return { timeZone: TIME_ZONE, parents: [A, B], plans, layers };
}

function time(label, fn) {
  const timings = [];
  let result;
  const coldStart = performance.now();
  fn(); // warm-up: the zone's offset tables (built once per process), JIT
  const coldMs = performance.now() - coldStart;
  progress(`${label}: first run ${coldMs.toFixed(1)} ms`);
  for (let run = 1; run <= RUNS; run++) {
    const start = performance.now();
    result = fn();
    const ms = performance.now() - start;
    timings.push(ms);
    progress(`${label}: run ${run}/${RUNS} ${ms.toFixed(1)} ms`);
  }
  const sorted = [...timings].sort((a, b) => a - b);
  return { label, coldMs, bestMs: sorted[0], medianMs: sorted[Math.floor(sorted.length / 2)], result };
}

const inputs = buildInputs();
progress(`case: ${inputs.plans.length} plans, ${inputs.layers.filter((l) => l.type === 'override').length} overrides, ${inputs.layers.filter((l) => l.type === 'swap').length} swaps, ${FROM} to ${TO}`);
const lived = time('(a) expandSchedule, as lived', () => expandSchedule(inputs, FROM, TO));
const planned = time('(b) expandSchedule, as planned', () => expandSchedule(inputs, FROM, TO, { planned: true }));
const share = time('(c) timeShare of (a)', () => timeShare(lived.result, inputs.parents));

const summary = {
  recordedAt: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  loadAverage: os.loadavg().map((x) => Number(x.toFixed(2))),
  case: { days: lived.result.days.length, exchanges: lived.result.exchanges.length, intervals: lived.result.intervals.length, overrides: 34, swaps: 250 },
  measures: [lived, planned, share].map(({ label, coldMs, bestMs, medianMs }) => ({ label, firstRunMs: Number(coldMs.toFixed(2)), bestMs: Number(bestMs.toFixed(2)), medianMs: Number(medianMs.toFixed(2)) })),
  targetMs: TARGET_MS,
  meetsTarget: lived.bestMs < TARGET_MS,
  timeShare: share.result,
};
fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
fs.writeFileSync(path.join(__dirname, 'results', 'schedule.json'), `${JSON.stringify(summary, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
