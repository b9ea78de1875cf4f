// Reading files people hand the CLI: text in the encoding its byte-order mark names (the app
// reads files through the browser, which does the same), with errors that name the file.
import fs from 'node:fs';
import { UsageError } from './context.js';

export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    // Node has no UTF-16BE decoder: swap the bytes and read it as little-endian.
    const le = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    le.swap16();
    return le.toString('utf16le');
  }
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

export function readDefinitionFile(file: string): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
  }
  const text = decodeText(bytes);
  if (text.trim() === '') throw new UsageError(`${file} is empty`);
  return text;
}
