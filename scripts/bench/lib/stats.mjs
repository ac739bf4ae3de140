// Figures and pictures of a benchmark run: percentiles, a table and ASCII bar charts.

/** The value below which the given share of the samples fall (nearest rank). */
export function percentile(sorted, share) {
  if (!sorted.length) return NaN;
  const rank = Math.ceil(share * sorted.length) - 1;
  return sorted[Math.min(Math.max(rank, 0), sorted.length - 1)];
}

/** p50/p95/p99, mean and throughput of one series of latencies (ms) over its wall time. */
export function summarise({ latencies, wallMs }) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / (sorted.length || 1);
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    mean,
    perSecond: sorted.length / (wallMs / 1000),
  };
}

const pad = (text, width) => String(text).padStart(width);
export const fixed = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

/** A plain text table: a header row, a rule, then the rows; names left, figures right. */
export function table(header, rows) {
  const widths = header.map((name, at) =>
    Math.max(name.length, ...rows.map((row) => String(row[at]).length)),
  );
  const cell = (text, at) => (at === 0 ? String(text).padEnd(widths[at]) : pad(text, widths[at]));
  const line = (cells) => cells.map(cell).join('  ');
  return [
    line(header),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.map(line),
  ].join('\n');
}

/** The rows of the list benchmark's table: one per series. */
export function latencyRows(series) {
  return series.map(({ name, stats }) => [
    name,
    stats.count,
    fixed(stats.p50, 2),
    fixed(stats.p95, 2),
    fixed(stats.p99, 2),
    fixed(stats.mean, 2),
    fixed(stats.perSecond, 0),
  ]);
}

/**
 * Horizontal bars on one scale. A row may carry a `mark` (a target or a limit), drawn as `|`
 * on its line, and a `note` printed after the figure.
 */
export function barChart(rows, { width = 50, unit = '', digits = 1 } = {}) {
  const largest = Math.max(...rows.flatMap(({ value, mark }) => [value, mark ?? 0]), 1e-9);
  const labelWidth = Math.max(...rows.map(({ label }) => label.length));
  return rows
    .map(({ label, value, mark, note }) => {
      const cells = '#'
        .repeat(Math.max(1, Math.round((value / largest) * width)))
        .padEnd(width + 1);
      const line = cells.split('');
      if (mark !== undefined) line[Math.min(width, Math.round((mark / largest) * width))] = '|';
      const figure = `${fixed(value, digits)}${unit ? ` ${unit}` : ''}`;
      return `${label.padEnd(labelWidth)} ${line.join('')} ${figure}${note ? `  ${note}` : ''}`;
    })
    .join('\n');
}

/** Whether a figure meets its target, in words for the charts and the summary. */
export function verdict(value, target, better) {
  const met = better === 'lower' ? value <= target : value >= target;
  return `${met ? 'met' : 'MISSED'} (target ${better === 'lower' ? '<=' : '>='} ${target})`;
}

const BUCKETS = [0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, Infinity];

/** How many samples fall in each latency bucket (upper bounds in ms). */
function histogram(latencies) {
  const counts = BUCKETS.map(() => 0);
  for (const value of latencies) counts[BUCKETS.findIndex((bound) => value < bound)] += 1;
  return counts;
}

/**
 * Side-by-side latency histograms as horizontal bars, one line per bucket and series, so a
 * reader sees at a glance where each series spends its time.
 */
export function histogramChart(series, width = 40) {
  const counts = series.map(({ latencies }) => histogram(latencies));
  const largest = Math.max(1, ...counts.flat());
  const used = (list) => list.map((count, at) => (count ? at : -1)).filter((at) => at >= 0);
  const indexes = counts.flatMap(used);
  const nameWidth = Math.max(...series.map(({ name }) => name.length));
  const label = (at) => {
    const low = at === 0 ? 0 : BUCKETS[at - 1];
    return BUCKETS[at] === Infinity ? `>= ${low} ms` : `${low}-${BUCKETS[at]} ms`;
  };

  const lines = [];
  for (let at = Math.min(...indexes); at <= Math.max(...indexes); at += 1) {
    series.forEach(({ name }, index) => {
      const count = counts[index][at];
      const bar = '#'.repeat(Math.round((count / largest) * width)) || (count ? '.' : '');
      const bucket = (index === 0 ? label(at) : '').padStart(13);
      lines.push(`${bucket} ${name.padEnd(nameWidth)} |${bar} ${count || ''}`);
    });
  }
  return lines.join('\n');
}
