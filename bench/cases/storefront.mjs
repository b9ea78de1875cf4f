// Rendering storefronts: GitHub's API page (845 operations) and a 200-API tenant's full
// static export, against the peer tool Redocly's build-docs on the same definition.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { extract, GITHUB } from '../corpus.mjs';
import { loadCore, tempDir } from '../core.mjs';
import { measure, row } from '../lib.mjs';
import { PER_TENANT } from './big-workspace.mjs';

const REDOCLY = path.resolve(import.meta.dirname, '..', '..', '.bench-cache', 'redocly',
  'node_modules', '.bin', 'redocly');

// The peer is fetched from the npm registry once into the bench cache, never a dependency.
function ensurePeer() {
  if (fs.existsSync(REDOCLY)) return true;
  const dir = path.dirname(path.dirname(path.dirname(REDOCLY)));
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), '{"private":true}');
    execFileSync('npm', ['i', '-E', '@redocly/cli@2.77.0', '--no-audit', '--no-fund'],
      { cwd: dir, stdio: 'ignore' });
  } catch {
    return false;
  }
  return fs.existsSync(REDOCLY);
}

export async function run({ runs, bigWorkspace }) {
  const { createCore } = await loadCore();
  const dir = tempDir('storefront');
  const rows = [];

  const [githubFile] = extract([GITHUB]);
  const core = createCore(path.join(dir, 'gh.sqlite'));
  await core.invoke('tenant.create', { domain: 'github.example', name: 'GitHub' });
  const api = await core.invoke('api.import', {
    tenant: 'github.example',
    fileName: 'api.github.com.json',
    content: fs.readFileSync(githubFile, 'utf8'),
  });
  await core.invoke('api.update', { id: api.id, patch: { lifecycle: 'published' } });

  const page = await measure(async () => {
    await core.invoke('storefront.render', {
      domain: 'github.example', page: { kind: 'api', apiId: api.id },
    });
  }, { runs });
  let out = 0;
  const site = await measure(async () => {
    await core.invoke('storefront.build', {
      domain: 'github.example', outDir: path.join(dir, `gh-site-${out++}`),
    });
  }, { runs });
  core.close();

  let peer = null;
  if (ensurePeer()) {
    peer = await measure(() => {
      execFileSync(REDOCLY, ['build-docs', githubFile, '-o', path.join(dir, 'redoc.html')], {
        stdio: 'ignore', env: { ...process.env, REDOCLY_TELEMETRY: 'off',
          REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      });
    }, { runs: Math.min(runs, 3), warmup: 0 });
  }
  const peerLabel = peer ? { ...peer, label: 'Redocly build-docs (peer)' }
    : { text: 'Redocly CLI not installed in .bench-cache/redocly (npm i @redocly/cli there)' };
  rows.push(row('render GitHub\'s API page (preview)', `${api.operations.length} operations`,
    page, peerLabel, 'faster than the peer'));
  rows.push(row('static export of the GitHub storefront', '1 API, 845 operations', site,
    peerLabel, 'faster than the peer'));

  const big = createCore(bigWorkspace.file);
  const domain = (await big.invoke('tenant.list', {}))[0].domain;
  let n = 0;
  const tenantSite = await measure(async () => {
    await big.invoke('storefront.build', { domain, outDir: path.join(dir, `t-${n++}`) });
  }, { runs });
  big.close();
  rows.push(row('static export of a whole tenant storefront', `${PER_TENANT} APIs`, tenantSite,
    null, '(reported)'));

  fs.rmSync(dir, { recursive: true, force: true });
  return rows;
}
