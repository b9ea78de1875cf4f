// Tests that need an API in some lifecycle state get there by allowed moves only, the way a
// person would: new APIs start as created.
import type { Core } from '../../src-main/core/core.js';
import type { ApiSummary } from '../../src-shared/model.js';

type State = ApiSummary['lifecycle'];

const PATHS: Record<State, State[]> = {
  created: [],
  prototyped: ['prototyped'],
  published: ['published'],
  blocked: ['published', 'blocked'],
  deprecated: ['published', 'deprecated'],
  retired: ['published', 'deprecated', 'retired'],
};

export async function moveTo(core: Core, id: string, state: State): Promise<void> {
  for (const step of PATHS[state]) await core.invoke('api.lifecycle', { id, state: step });
}
