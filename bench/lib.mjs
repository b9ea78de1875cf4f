// Timing helpers for the benchmark suite: every case runs several times and reports the
// median and the spread (min–max), beside a baseline measured in the same run.
import { performance } from 'node:perf_hooks';

export async function measure(fn, { runs = 5, warmup = 1 } = {}) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  return summarise(times);
}

export function summarise(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return {
    runs: times.length,
    median: at(0.5),
    p95: at(0.95),
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
}

export const ms = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);

export function row(name, scale, result, baseline, target) {
  return { name, scale, result, baseline, target };
}

export function formatTable(rows) {
  const lines = [
    '| case | scale | Marquee (median, min–max) | baseline (median) | ratio | target |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const res = r.result.text ?? `${ms(r.result.median)} (${ms(r.result.min)}–${ms(r.result.max)})`;
    const base = r.baseline ? (r.baseline.text ?? `${ms(r.baseline.median)} ${r.baseline.label}`) : '—';
    const q = r.baseline?.median ? r.result.median / r.baseline.median : null;
    // Two significant digits: 0.0026× says more than 0.00×.
    const ratio = q === null ? '—' : `${q < 0.1 ? q.toPrecision(2) : q.toFixed(2)}×`;
    lines.push(`| ${r.name} | ${r.scale} | ${res} | ${base} | ${ratio} | ${r.target ?? ''} |`);
  }
  return lines.join('\n');
}
