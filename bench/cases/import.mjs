// Import of a large real definition, against the parser library alone on the same text.
import { validate } from '@scalar/openapi-parser';
import fs from 'node:fs';
import path from 'node:path';
import { extract, GITHUB, STRIPE } from '../corpus.mjs';
import { loadCore, tempDir } from '../core.mjs';
import { measure, row } from '../lib.mjs';

export async function run({ runs }) {
  const { createCore } = await loadCore();
  const rows = [];

  for (const [label, file] of [['GitHub REST', GITHUB], ['Stripe', STRIPE]]) {
    const [abs] = extract([file]);
    const text = fs.readFileSync(abs, 'utf8');
    const dir = tempDir('import');
    const core = createCore(path.join(dir, 'ws.sqlite'));
    await core.invoke('tenant.create', { domain: 'bench.dev', name: 'Bench' });

    const baseline = await measure(async () => {
      const r = await validate(JSON.parse(text));
      if (!r.valid) throw new Error(`${label} does not validate`);
    }, { runs });

    let ops = 0;
    const result = await measure(async () => {
      const api = await core.invoke('api.import', {
        tenant: 'bench.dev',
        fileName: path.basename(file),
        content: text,
      });
      ops = api.operations.length;
    }, { runs });

    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
    rows.push(row(
      `import ${label} definition`,
      `${(text.length / 1e6).toFixed(1)} MB, ${ops} operations`,
      result,
      { ...baseline, label: 'JSON.parse + @scalar/openapi-parser validate' },
      '≤ 1.5× baseline',
    ));
  }
  return rows;
}
