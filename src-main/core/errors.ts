// Errors the core raises on purpose. Each carries a stable code from the contract so every
// shell can show the message as it is and programs can branch on the code.
import type { ErrorCode, WireError } from '../../src-shared/contract.js';

export class MarqueeError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'MarqueeError';
    this.code = code;
    this.details = details;
  }

  toWire(): WireError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export const notFound = (what: string): MarqueeError => new MarqueeError('not_found', what);
export const conflict = (what: string): MarqueeError => new MarqueeError('conflict', what);
export const badInput = (what: string, details?: unknown): MarqueeError =>
  new MarqueeError('bad_input', what, details);
