// A fresh workspace file per test, in its own temp folder, removed afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../src-main/core/core.js';

export function tempDir(prefix = 'marquee-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function tempCore(): { core: Core; dir: string; file: string; cleanup: () => void } {
  const dir = tempDir();
  const file = path.join(dir, 'workspace.sqlite');
  const core = createCore(file);
  return {
    core,
    dir,
    file,
    cleanup: () => {
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const FIXTURES = path.resolve(__dirname, '..', 'fixtures');
