// The gateways Marquee publishes to: list, add, test the connection, remove.
import {
  ActionIcon, Badge, Button, Card, Center, Group, Stack, Table, Text, Title, Tooltip,
} from '@mantine/core';
import { useState } from 'react';
import type { Gateway } from '../../../src-shared/model';
import { invoke } from '../lib/invoke';
import { PlusIcon, TrashIcon } from '../lib/icons';
import { notifyError } from '../lib/notify';
import { notifications } from '@mantine/notifications';
import { confirmAction } from '../stores/confirm-store';
import { useWorkspace } from '../stores/workspace-store';
import { AddGatewayModal } from './AddGatewayModal';
import { environmentColor, isProduction } from './environment';

function GatewayRow({ gateway }: { gateway: Gateway }) {
  const refreshGateways = useWorkspace((s) => s.refreshGateways);
  const [testing, setTesting] = useState(false);

  async function test() {
    setTesting(true);
    try {
      const result = await invoke('gateway.test', { name: gateway.name });
      notifications.show({ color: result.reachable ? 'teal' : 'orange',
        title: `${gateway.name} is ${result.reachable ? '' : 'not '}reachable`,
        message: result.message });
    } catch (err) {
      notifyError(err, `Could not test ${gateway.name}`);
    } finally {
      setTesting(false);
    }
  }

  async function remove() {
    const ok = await confirmAction({
      title: `Remove ${gateway.name}?`,
      message: `Marquee forgets the gateway ${gateway.name} and its revision history. ` +
        'Nothing on the gateway itself is changed.',
      confirmLabel: 'Remove gateway',
      typeToConfirm: isProduction(gateway.environment) ? gateway.name : undefined,
    });
    if (!ok) return;
    try {
      await invoke('gateway.remove', { name: gateway.name });
      await refreshGateways();
    } catch (err) {
      notifyError(err, `Could not remove ${gateway.name}`);
    }
  }

  return (
    <Table.Tr data-testid="gateway-row">
      <Table.Td><Text fw={600} size="sm">{gateway.name}</Text></Table.Td>
      <Table.Td><Badge variant="light">{gateway.kind}</Badge></Table.Td>
      <Table.Td><Text size="sm" ff="monospace">{gateway.adminUrl}</Text></Table.Td>
      <Table.Td><Text size="sm" ff="monospace">{gateway.listen ?? '—'}</Text></Table.Td>
      <Table.Td>
        <Badge color={environmentColor(gateway.environment)} variant="outline">
          {gateway.environment}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={gateway.tenants.length ? undefined : 'dimmed'} lineClamp={2}>
          {gateway.tenants.join(', ') || 'none'}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={6} justify="flex-end" wrap="nowrap">
          <Button size="compact-sm" variant="default" loading={testing} onClick={test}
            data-testid="gateway-test">Test connection</Button>
          <Tooltip label="Remove gateway">
            <ActionIcon variant="subtle" color="red" onClick={remove}
              aria-label={`Remove ${gateway.name}`} data-testid="gateway-remove">
              <TrashIcon size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

export function GatewaysView() {
  const gateways = useWorkspace((s) => s.gateways);
  const [adding, setAdding] = useState(false);

  return (
    <Stack gap="md" data-testid="gateways-view">
      <Group justify="space-between">
        <div>
          <Title order={2}>Gateways</Title>
          <Text c="dimmed" size="sm">The gateway instances this workspace publishes to.</Text>
        </div>
        <Button leftSection={<PlusIcon size={16} />} onClick={() => setAdding(true)}
          data-testid="add-gateway">Add gateway</Button>
      </Group>
      <Card withBorder padding={0}>
        {gateways.length === 0 ? (
          <Center p={48}>
            <Stack align="center" gap={4}>
              <Text fw={600}>No gateways yet</Text>
              <Text size="sm" c="dimmed">
                Add a Caddy instance by its admin URL to publish to it.
              </Text>
            </Stack>
          </Center>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="gateway-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Admin URL</Table.Th>
                  <Table.Th>Listen</Table.Th>
                  <Table.Th>Environment</Table.Th>
                  <Table.Th>Tenants</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {gateways.map((g) => <GatewayRow key={g.name} gateway={g} />)}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <AddGatewayModal opened={adding} onClose={() => setAdding(false)} />
    </Stack>
  );
}
