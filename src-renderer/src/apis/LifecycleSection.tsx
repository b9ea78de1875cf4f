// An API's lifecycle: the state it is in, a button per move the core allows from there, and
// every move so far. Moves apply at once, apart from the rest of the drawer's form.
import { Button, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ApiDetail } from '../../../src-shared/model';
import type { ApiLifecycle } from '../../../src-shared/tenancy';
import { invoke } from '../lib/invoke';
import { notifyError, notifySuccess } from '../lib/notify';
import { confirmAction } from '../stores/confirm-store';
import { LifecycleBadge } from './badges';

type State = ApiDetail['lifecycle'];

// Moves that take the API off storefronts and gateways, or stop its calls, ask first.
const ASKS: Partial<Record<State, string>> = {
  blocked: 'Calls through gateways are stopped after the next publish.',
  deprecated: 'It takes no new subscriptions.',
  retired: 'It leaves storefronts and gateways for good; retired is final.',
};

export function LifecycleSection({ api, onMoved }: { api: ApiDetail; onMoved(): void }) {
  const [lifecycle, setLifecycle] = useState<ApiLifecycle | null>(null);
  const [moving, setMoving] = useState<State | null>(null);

  useEffect(() => {
    let live = true;
    invoke('api.history', { id: api.id })
      .then((l) => live && setLifecycle(l))
      .catch((err) => notifyError(err, 'Could not load the lifecycle history'));
    return () => {
      live = false;
    };
  }, [api.id, api.lifecycle]);

  async function move(to: State) {
    const why = ASKS[to];
    if (why) {
      const ok = await confirmAction({
        title: `Move ${api.name} ${api.version} to ${to}?`,
        message: why,
        confirmLabel: `Move to ${to}`,
      });
      if (!ok) return;
    }
    setMoving(to);
    try {
      setLifecycle(await invoke('api.lifecycle', { id: api.id, state: to }));
      notifySuccess(`${api.name} ${api.version} is now ${to}.`);
      onMoved();
    } catch (err) {
      notifyError(err, `Could not move ${api.name} to ${to}`);
    } finally {
      setMoving(null);
    }
  }

  const state = lifecycle?.state ?? api.lifecycle;

  return (
    <Stack gap="xs" data-testid="api-lifecycle-section">
      <Group gap="xs">
        <Title order={6}>Lifecycle</Title>
        <span data-testid="api-lifecycle-state"><LifecycleBadge value={state} /></span>
      </Group>
      <Group gap="xs">
        {lifecycle && lifecycle.allowed.length === 0 && (
          <Text size="sm" c="dimmed">Retired is final: no further moves.</Text>
        )}
        {lifecycle?.allowed.map((to) => (
          <Button key={to} size="compact-sm" variant="light"
            color={to === 'blocked' || to === 'retired' ? 'red' : undefined}
            loading={moving === to} disabled={moving !== null && moving !== to}
            onClick={() => void move(to)} data-testid={`lifecycle-move-${to}`}>
            Move to {to}
          </Button>
        ))}
      </Group>
      {lifecycle && lifecycle.history.length > 0 && (
        <Timeline bulletSize={10} lineWidth={2} active={0}
          data-testid="lifecycle-history" mt={4}>
          {lifecycle.history.slice().reverse().map((e, i) => (
            <Timeline.Item key={`${e.at}-${i}`} title={
              <Text size="sm">{e.from ? `${e.from} → ${e.to}` : `created as ${e.to}`}</Text>}>
              <Text size="xs" c="dimmed">{new Date(e.at).toLocaleString()}</Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  );
}
