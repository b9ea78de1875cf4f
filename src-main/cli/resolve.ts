// Commands take an API by its id (api_…) or, for people, by its name or context; a name that
// more than one API answers to is refused with the ids to choose from.
import { MarqueeError } from '../core/errors.js';
import type { Cli } from './context.js';
import { UsageError } from './context.js';

// `prefer` breaks a tie in favour of one tenant's API (subscribe: the application's own).
export async function resolveApiId(
  cli: Cli,
  ref: string,
  tenant?: string,
  prefer?: string,
): Promise<string> {
  if (/^api_[A-Za-z0-9]+$/.test(ref)) return ref;

  const apis = await cli.call('api.list', { tenant });
  const wanted = ref.trim().toLowerCase();
  const matches = apis.filter(
    (a) => a.name.toLowerCase() === wanted || a.context.toLowerCase() === wanted,
  );
  if (matches.length === 1) return matches[0].id;
  if (matches.length === 0) {
    throw new MarqueeError(
      'not_found',
      `no API with id, name or context ${ref}${tenant ? ` in ${tenant}` : ''}`,
    );
  }
  const preferred = prefer ? matches.filter((a) => a.tenant === prefer) : [];
  if (preferred.length === 1) return preferred[0].id;
  throw new UsageError(
    `${matches.length} APIs answer to ${ref}: ` +
      matches.map((a) => `${a.id} (${a.tenant} ${a.name} ${a.version})`).join(', ') +
      '; use an id or --tenant',
  );
}

export const splitList = (text: string | undefined): string[] | undefined =>
  text === undefined ? undefined : text.split(',').map((s) => s.trim()).filter(Boolean);
