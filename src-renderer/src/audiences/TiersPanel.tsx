// The tenant's tiers: subscription plans with a rate limit and an optional monthly quota.
import { ActionIcon, Button, Card, Group, Stack, Table, Text, Title, Tooltip } from
  '@mantine/core';
import { useState } from 'react';
import type { Tier } from '../../../src-shared/model';
import { invoke } from '../lib/invoke';
import { PlusIcon, TrashIcon } from '../lib/icons';
import { notifyError, notifySuccess } from '../lib/notify';
import { confirmAction } from '../stores/confirm-store';
import { useTenancy } from '../stores/tenancy-store';
import { TierModal } from './TierModal';

function describeLimit(tier: Tier): string {
  return tier.rateLimit === null
    ? 'unlimited'
    : `${tier.rateLimit.toLocaleString()} / ${tier.rateUnit}`;
}

export function TiersPanel({ domain }: { domain: string }) {
  const tiers = useTenancy((s) => s.tiers);
  const reload = useTenancy((s) => s.reload);
  const [editing, setEditing] = useState<{ tier: Tier | null } | null>(null);

  async function remove(tier: Tier) {
    const ok = await confirmAction({
      title: `Delete the tier ${tier.name}?`,
      message: `${tier.name} is removed from ${domain}. A tier still offered by an API or ` +
        'used by a subscription stays.',
      confirmLabel: 'Delete tier',
    });
    if (!ok) return;
    try {
      await invoke('tier.delete', { tenant: domain, name: tier.name });
      notifySuccess(`The tier ${tier.name} was deleted.`);
      await reload();
    } catch (err) {
      // The core names the APIs and applications that still use the tier.
      notifyError(err, `${tier.name} was kept`);
    }
  }

  return (
    <Card withBorder padding={0} data-testid="tiers-panel">
      <Group justify="space-between" p="md" pb="xs">
        <Title order={5}>Tiers · {tiers.length}</Title>
        <Button size="compact-sm" variant="light" leftSection={<PlusIcon size={14} />}
          onClick={() => setEditing({ tier: null })} data-testid="tier-add">Add tier</Button>
      </Group>
      <Table highlightOnHover data-testid="tier-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Rate limit</Table.Th>
            <Table.Th>Monthly quota</Table.Th>
            <Table.Th>Description</Table.Th>
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tiers.map((t) => (
            <Table.Tr key={t.name} style={{ cursor: 'pointer' }} data-testid="tier-row"
              onClick={() => setEditing({ tier: t })}>
              <Table.Td><Text size="sm" fw={600}>{t.name}</Text></Table.Td>
              <Table.Td><Text size="sm">{describeLimit(t)}</Text></Table.Td>
              <Table.Td>
                <Text size="sm" c={t.quota === null ? 'dimmed' : undefined}>
                  {t.quota === null ? 'none' : t.quota.toLocaleString()}
                </Text>
              </Table.Td>
              <Table.Td><Text size="sm" c="dimmed" lineClamp={1}>{t.description}</Text></Table.Td>
              <Table.Td>
                <Tooltip label={`Delete ${t.name}`}>
                  <ActionIcon variant="subtle" color="red" aria-label={`Delete tier ${t.name}`}
                    data-testid="tier-delete" onClick={(e) => {
                      e.stopPropagation();
                      void remove(t);
                    }}>
                    <TrashIcon size={16} />
                  </ActionIcon>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {tiers.length === 0 && (
        <Stack p="md"><Text size="sm" c="dimmed">No tiers yet.</Text></Stack>
      )}
      <TierModal domain={domain} tier={editing?.tier ?? null} opened={editing !== null}
        onClose={() => setEditing(null)} onSaved={() => void reload()} />
    </Card>
  );
}
