// The renderer's one door to the core. In Electron the preload exposes `window.marquee`;
// in the browser shell the same contract travels as POST /rpc/<method> with the access token.
import type { Envelope, ErrorCode, Input, Method, Output } from '../../../src-shared/contract';
import { accessToken } from './token';

type Bridge = { invoke(method: string, input: unknown): Promise<Envelope<unknown>> };

declare global {
  interface Window {
    marquee?: Bridge;
  }
}

// An error the core answered with: a stable code and a message meant for people.
export class CoreError extends Error {
  readonly code: ErrorCode | 'transport';

  constructor(code: ErrorCode | 'transport', message: string) {
    super(message);
    this.name = 'CoreError';
    this.code = code;
  }
}

async function sendOverHttp(method: Method, input: unknown): Promise<Envelope<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/rpc/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-marquee-token': accessToken() ?? '' },
      body: JSON.stringify(input ?? {}),
    });
  } catch (err) {
    throw new CoreError('transport', `the browser shell is not reachable: ${String(err)}`);
  }
  if (response.status === 401) {
    throw new CoreError('transport', 'the access token was refused; open the printed URL again');
  }
  try {
    return (await response.json()) as Envelope<unknown>;
  } catch {
    throw new CoreError('transport', `the browser shell answered ${response.status}`);
  }
}

export async function invoke<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const bridge = window.marquee;
  const envelope = bridge?.invoke
    ? await bridge.invoke(method, input)
    : await sendOverHttp(method, input);
  if (!envelope.ok) throw new CoreError(envelope.error.code, envelope.error.message);
  return envelope.value as Output<M>;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
