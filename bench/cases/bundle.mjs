// Round trip of a 200-API tenant through a bundle, against zipping and unzipping the same
// files with the same library (fflate) alone.
import { unzipSync, zipSync } from 'fflate';
import fs from 'node:fs';
import path from 'node:path';
import { loadCore, tempDir } from '../core.mjs';
import { measure, row } from '../lib.mjs';
import { PER_TENANT } from './big-workspace.mjs';

export async function run({ runs, bigWorkspace }) {
  const { createCore } = await loadCore();
  const source = createCore(bigWorkspace.file);
  const domain = (await source.invoke('tenant.list', {}))[0].domain;
  const dir = tempDir('bundle');

  let bytes = 0;
  let i = 0;
  const roundTrip = await measure(async () => {
    const exported = await source.invoke('bundle.export', { domains: [domain] });
    bytes = Buffer.byteLength(exported.dataBase64, 'base64');
    const target = createCore(path.join(dir, `target-${i++}.sqlite`));
    await target.invoke('bundle.import', { dataBase64: exported.dataBase64 });
    target.close();
  }, { runs, warmup: 0 });

  const exported = await source.invoke('bundle.export', { domains: [domain] });
  const files = unzipSync(Buffer.from(exported.dataBase64, 'base64'));
  const zipOnly = await measure(() => {
    unzipSync(zipSync(files));
  }, { runs });
  source.close();
  fs.rmSync(dir, { recursive: true, force: true });

  return [row('bundle round trip (export + import into a new workspace)',
    `${PER_TENANT} APIs, ${(bytes / 1e6).toFixed(1)} MB bundle`, roundTrip,
    { ...zipOnly, label: 'fflate zip + unzip of the same files' }, '(reported)')];
}
