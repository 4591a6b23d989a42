import { useMemo } from 'react';
import type { CaseParent, LedgerEntry } from '../../api/types';
import { countOf } from '../../format';

interface Bucket {
  label: string;
  sent: number[];
  held: number[];
  urgent: number[];
}

const DAY_MS = 86_400_000;
const HEIGHT = 140;

function dayIn(timeZone: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return (iso) => format.format(new Date(iso));
}

/**
 * Messages per day (per week for long records) and parent, as in the PDF's summary: one bar per
 * parent (solid, or hatched and outlined, so colour is not needed to tell them apart),
 * held-back attempts stacked above with a cross, urgent messages marked by a triangle. Counts
 * what this reader may see: attempts sealed in this view are not counted.
 */
export function buckets(entries: readonly LedgerEntry[], parents: readonly CaseParent[], timeZone: string): { weekly: boolean; buckets: Bucket[] } {
  const day = dayIn(timeZone);
  const index = new Map(parents.map((parent, i) => [parent.userId, i]));
  const perDay = new Map<string, Bucket>();
  const zeros = () => parents.map(() => 0);
  for (const entry of entries) {
    if (entry.sealed || (entry.type !== 'message.sent' && entry.type !== 'message.held_back')) continue;
    const who = index.get(entry.actorId ?? '');
    if (who === undefined) continue;
    const key = day(entry.at);
    let bucket = perDay.get(key);
    if (!bucket) perDay.set(key, (bucket = { label: key, sent: zeros(), held: zeros(), urgent: zeros() }));
    if (entry.type === 'message.held_back') bucket.held[who]! += 1;
    else {
      bucket.sent[who]! += 1;
      if ((entry.payload as { urgent?: boolean }).urgent) bucket.urgent[who]! += 1;
    }
  }
  const days = [...perDay.keys()].sort();
  if (days.length === 0) return { weekly: false, buckets: [] };
  const first = Date.parse(`${days[0]}T00:00:00Z`);
  const last = Date.parse(`${days.at(-1)}T00:00:00Z`);
  const weekly = (last - first) / DAY_MS > 92;
  const start = weekly ? first - ((new Date(first).getUTCDay() + 6) % 7) * DAY_MS : first;
  const step = weekly ? 7 * DAY_MS : DAY_MS;
  const result: Bucket[] = [];
  for (let at = start; at <= last; at += step) result.push({ label: new Date(at).toISOString().slice(0, 10), sent: zeros(), held: zeros(), urgent: zeros() });
  for (const [key, counts] of perDay) {
    const target = result[Math.floor((Date.parse(`${key}T00:00:00Z`) - start) / step)];
    if (!target) continue;
    counts.sent.forEach((n, i) => (target.sent[i]! += n));
    counts.held.forEach((n, i) => (target.held[i]! += n));
    counts.urgent.forEach((n, i) => (target.urgent[i]! += n));
  }
  return { weekly, buckets: result };
}

export function MessagesChart({ entries, parents, timeZone }: { entries: readonly LedgerEntry[]; parents: readonly CaseParent[]; timeZone: string }) {
  const { weekly, buckets: data } = useMemo(() => buckets(entries, parents, timeZone), [entries, parents, timeZone]);
  if (data.length === 0) return null;
  const peak = Math.max(1, ...data.map((bucket) => Math.max(...bucket.sent.map((sent, i) => sent + (bucket.held[i] ?? 0)))));
  const max = peak * 1.15;
  const width = 640;
  const slot = width / data.length;
  const bar = Math.min(40, Math.max(1, (slot * 0.8) / Math.max(1, parents.length)));
  const totals = parents.map((parent, i) => {
    const sent = data.reduce((sum, bucket) => sum + (bucket.sent[i] ?? 0), 0);
    const held = data.reduce((sum, bucket) => sum + (bucket.held[i] ?? 0), 0);
    const urgent = data.reduce((sum, bucket) => sum + (bucket.urgent[i] ?? 0), 0);
    return `${parent.displayName}: ${countOf(sent, 'message')} sent (${urgent} urgent), ${countOf(held, 'attempt')} held back`;
  });
  const label = `Messages per ${weekly ? 'week' : 'day'} from ${data[0]!.label} to ${data.at(-1)!.label}. ${totals.join('. ')}.`;
  return (
    <section className="card" aria-labelledby="chart-heading">
      <h3 id="chart-heading">Messages per {weekly ? 'week' : 'day'}</h3>
      <svg className="messages-chart" viewBox={`0 0 ${width} ${HEIGHT + 24}`} role="img" aria-label={label} preserveAspectRatio="none">
        <defs>
          <pattern id="chart-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="4" stroke="#b4651e" strokeWidth="2" />
          </pattern>
        </defs>
        <line x1="0" y1={HEIGHT} x2={width} y2={HEIGHT} stroke="#888" strokeWidth="1" />
        {data.map((bucket, b) =>
          parents.map((parent, p) => {
            const x = b * slot + slot * 0.1 + p * bar;
            const sent = ((bucket.sent[p] ?? 0) / max) * HEIGHT;
            const held = ((bucket.held[p] ?? 0) / max) * HEIGHT;
            return (
              <g key={`${bucket.label}-${parent.userId}`}>
                {sent > 0 && (p === 0 ? <rect x={x} y={HEIGHT - sent} width={bar} height={sent} fill="#1f4e79" /> : <rect x={x} y={HEIGHT - sent} width={bar} height={sent} fill="url(#chart-hatch)" stroke="#b4651e" />)}
                {held > 0 && (
                  <g>
                    <rect x={x} y={HEIGHT - sent - held} width={bar} height={held} fill="#7a1f1f" />
                    <path d={`M${x} ${HEIGHT - sent - held}L${x + bar} ${HEIGHT - sent}M${x + bar} ${HEIGHT - sent - held}L${x} ${HEIGHT - sent}`} stroke="#fff" strokeWidth="0.8" />
                  </g>
                )}
                {(bucket.urgent[p] ?? 0) > 0 && <path d={`M${x + bar / 2} ${HEIGHT - sent - held - 10}l-4 7h8z`} fill="#000" />}
              </g>
            );
          }),
        )}
        <text x="0" y={HEIGHT + 16} fontSize="11" fill="#555">
          {data[0]!.label}
        </text>
        <text x={width} y={HEIGHT + 16} fontSize="11" fill="#555" textAnchor="end">
          {data.at(-1)!.label}
        </text>
      </svg>
      <ul className="chart-legend">
        {parents.map((parent, i) => (
          <li key={parent.userId}>
            <svg width="14" height="12" aria-hidden="true">
              {i === 0 ? <rect width="14" height="12" fill="#1f4e79" /> : <rect width="14" height="12" fill="url(#chart-hatch)" stroke="#b4651e" />}
            </svg>{' '}
            {parent.displayName}: messages sent
          </li>
        ))}
        <li>
          <svg width="14" height="12" aria-hidden="true">
            <rect width="14" height="12" fill="#7a1f1f" />
            <path d="M0 0L14 12M14 0L0 12" stroke="#fff" />
          </svg>{' '}
          held-back attempts (stacked on that parent’s bar)
        </li>
        <li>
          <svg width="14" height="12" aria-hidden="true">
            <path d="M7 1l-6 10h12z" fill="#000" />
          </svg>{' '}
          an urgent message
        </li>
      </ul>
      <p className="muted">{totals.join('. ')}.</p>
    </section>
  );
}
