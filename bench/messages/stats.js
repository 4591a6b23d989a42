'use strict';

/** Nearest-rank percentile of an ascending array; exact, since every latency is kept. */
function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

function round(value, digits = 2) {
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** p50 / p97.5 / p99 / max / mean of a list of milliseconds. */
function summarize(values) {
  const sorted = Float64Array.from(values).sort();
  const count = sorted.length;
  const mean = count ? sorted.reduce((sum, v) => sum + v, 0) / count : null;
  return {
    count,
    mean: round(mean),
    p50: round(percentile(sorted, 50)),
    p97_5: round(percentile(sorted, 97.5)),
    p99: round(percentile(sorted, 99)),
    max: round(count ? sorted[count - 1] : null),
    min: round(count ? sorted[0] : null),
  };
}

module.exports = { percentile, round, summarize };
