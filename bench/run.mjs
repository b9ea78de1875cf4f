// npm run bench: builds its own data, runs every case several times, prints a table of
// medians and spreads with a baseline measured in the same run, and writes it as JSON.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildBigWorkspace } from './cases/big-workspace.mjs';
import { tempDir } from './core.mjs';
import { formatTable } from './lib.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const only = process.argv.slice(2);
const CASES = ['import', 'big-workspace', 'bundle', 'caddy', 'kong', 'storefront', 'renderer'];

const dir = tempDir('ws');
const file = path.join(dir, 'big.sqlite');
let big = null;
const context = {
  runs,
  get bigWorkspace() {
    return big;
  },
};

const rows = [];
for (const name of CASES) {
  if (only.length > 0 && !only.includes(name)) continue;
  const modPath = path.join(import.meta.dirname, 'cases', `${name}.mjs`);
  if (!fs.existsSync(modPath)) continue;
  const mod = await import(modPath);
  if (mod.needsBigWorkspace !== false && name !== 'import' && !big) {
    process.stderr.write('bench: building the 10,000-API workspace…\n');
    big = { file, ...(await buildBigWorkspace(file)) };
  }
  process.stderr.write(`bench: ${name}\n`);
  try {
    rows.push(...(await mod.run(context)));
  } catch (err) {
    rows.push({ name: `${name} (failed)`, scale: '', result: { text: String(err.message ?? err) } });
  }
}
fs.rmSync(dir, { recursive: true, force: true });

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ` +
  `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()}`;
const table = formatTable(rows);
process.stdout.write(`\nMachine: ${machine}; ${runs} runs per case\n\n${table}\n`);

const out = path.resolve(import.meta.dirname, 'results');
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'latest.json'), JSON.stringify({
  date: new Date().toISOString(), machine, runs, rows,
}, null, 2));
fs.writeFileSync(path.join(out, 'latest.md'), `Machine: ${machine}\n\n${table}\n`);
