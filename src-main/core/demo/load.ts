// Reading and parsing everything the demo needs before the workspace is touched: parsing is
// async and a SQLite transaction cannot wait, so the transaction only ever sees ready data.
import fs from 'node:fs';
import path from 'node:path';
import { MarqueeError } from '../errors.js';
import { parseDefinition, type ParsedDefinition } from '../openapi/parse.js';
import type { DemoApi, DemoTenant } from './plan.js';

export type LoadedApi = DemoApi & { text: string; parsed: ParsedDefinition };

export type LoadedTenant = Omit<DemoTenant, 'apis' | 'logo' | 'favicon'> & {
  logo: Buffer;
  favicon: Buffer;
  apis: LoadedApi[];
};

function readResource(dir: string, relative: string): Buffer {
  try {
    return fs.readFileSync(path.join(dir, relative));
  } catch (err) {
    throw new MarqueeError(
      'internal',
      `demo resource ${path.join(dir, relative)} cannot be read: ${(err as Error).message}`,
    );
  }
}

async function loadApi(dir: string, api: DemoApi): Promise<LoadedApi> {
  const relative = path.join('apis', api.file);
  const text = readResource(dir, relative).toString('utf8');
  const parsed = await parseDefinition(relative, text);
  return { ...api, text, parsed };
}

export async function loadDemo(dir: string, plan: readonly DemoTenant[]): Promise<LoadedTenant[]> {
  return Promise.all(
    plan.map(async (t) => ({
      ...t,
      logo: readResource(dir, path.join('branding', t.logo)),
      favicon: readResource(dir, path.join('branding', t.favicon)),
      apis: await Promise.all(t.apis.map((a) => loadApi(dir, a))),
    })),
  );
}
