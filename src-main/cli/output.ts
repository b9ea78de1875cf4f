// How the CLI speaks: human text on stdout, or exactly one JSON document with --json.
// Diagnostics go to stderr so scripts can pipe stdout.
export type Out = {
  json: boolean;
  result(value: unknown, human: () => string): void;
  note(text: string): void;
};

export function makeOut(json: boolean): Out {
  return {
    json,
    result(value, human) {
      process.stdout.write(json ? JSON.stringify(value, null, 2) + '\n' : human() + '\n');
    },
    note(text) {
      process.stderr.write(text + '\n');
    },
  };
}

// A plain table for human output: columns padded to their widest cell.
export function table(headers: string[], rows: string[][]): string {
  if (rows.length === 0) return '(none)';
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
