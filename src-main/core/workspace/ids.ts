import { randomBytes } from 'node:crypto';

// Short, URL-safe, unguessable ids for APIs: they appear in CLI output and storefront links.
export function newApiId(): string {
  return 'api_' + randomBytes(8).toString('base64url').replace(/[-_]/g, 'x').slice(0, 10);
}
