// Sealing application keys at rest. The core only ever sees a SecretBox; where its key lives
// is the shell's choice:
// - the CLI and the browser shell use fileSecretBox: AES-256-GCM under a random key kept in
//   `<workspace>.key` beside the workspace, created with mode 0600;
// - SEAM (Electron): the app is meant to pass createCore a box over Electron's safeStorage
//   (the OS keychain), with kind 'safe': seal = encryptString, open = decryptString. It is
//   not wired yet, so the app uses the key file too; wiring it needs only that object.
// Sealed values name the box kind that made them, so a workspace moved between shells says
// which key it needs instead of failing obscurely.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { MarqueeError } from '../errors.js';
import { logger } from '../log.js';

export interface SecretBox {
  readonly kind: string;
  seal(plaintext: string): string;
  open(sealed: string): string;
}

const log = logger('tenancy');

export const keyFilePath = (workspacePath: string): string => `${workspacePath}.key`;

const KEY_BYTES = 32;
const IV_BYTES = 12;

function readKeyFile(file: string): Buffer | null {
  let text: string;
  try {
    if (process.platform !== 'win32') {
      const mode = fs.statSync(file).mode & 0o777;
      if (mode & 0o077) {
        throw new MarqueeError(
          'workspace_error',
          `key file ${file} is readable by others (mode ${mode.toString(8)}); ` +
            'make it private with chmod 600',
        );
      }
    }
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }

  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== KEY_BYTES) {
    throw new MarqueeError('workspace_error', `key file ${file} is damaged (not a 256-bit key)`);
  }
  return key;
}

function createKeyFile(file: string): Buffer {
  const key = randomBytes(KEY_BYTES);
  // 'wx' never overwrites: if another process made the file first, its key wins.
  try {
    fs.writeFileSync(file, key.toString('base64') + '\n', { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readKeyFile(file)!;
    throw new MarqueeError(
      'workspace_error',
      `cannot create key file ${file}: ${(err as Error).message}`,
    );
  }
  log.info({ file }, 'created the workspace key file');
  return key;
}

export function fileSecretBox(workspacePath: string): SecretBox {
  const file = keyFilePath(workspacePath);
  let key: Buffer | null = null;
  // Read or made on first use: a workspace without applications needs no key file.
  const theKey = (): Buffer => (key ??= readKeyFile(file) ?? createKeyFile(file));

  return {
    kind: 'file',
    seal(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', theKey(), iv);
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url'));
      return `file:v1:${parts.join('.')}`;
    },
    open(sealed) {
      const m = /^file:v1:([\w-]+)\.([\w-]+)\.([\w-]*)$/.exec(sealed);
      if (!m) {
        throw new MarqueeError(
          'workspace_error',
          `a key was sealed by another kind of store (${sealed.split(':')[0]}), not by ${file}`,
        );
      }
      const [iv, tag, data] = m.slice(1).map((p) => Buffer.from(p, 'base64url'));
      try {
        const decipher = createDecipheriv('aes-256-gcm', theKey(), iv);
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
      } catch {
        throw new MarqueeError(
          'workspace_error',
          `a key cannot be opened with ${file}: the key file is not the one it was sealed with`,
        );
      }
    },
  };
}
