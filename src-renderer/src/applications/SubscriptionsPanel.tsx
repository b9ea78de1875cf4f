// The subscriptions of one application: which API at which tier; subscribe and unsubscribe.
import { ActionIcon, Button, Card, Group, Table, Text, Title, Tooltip } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Application, Subscription } from '../../../src-shared/tenancy';
import { invoke } from '../lib/invoke';
import { PlusIcon, TrashIcon } from '../lib/icons';
import { notifyError } from '../lib/notify';
import { confirmAction } from '../stores/confirm-store';
import { SubscribeModal } from './SubscribeModal';

export function SubscriptionsPanel({ app, ownerRoles, onChanged }: {
  app: Application;
  ownerRoles: string[];
  onChanged(): void;
}) {
  const [subs, setSubs] = useState<Subscription[]>([]);
  const [subscribing, setSubscribing] = useState(false);

  const load = useCallback(async () => {
    try {
      setSubs(await invoke('subscription.list', { tenant: app.tenant, application: app.name }));
    } catch (err) {
      notifyError(err, 'Could not list subscriptions');
    }
  }, [app.tenant, app.name]);

  useEffect(() => {
    void load();
  }, [load]);

  const subscribed = useMemo(() => subs.map((s) => s.apiId), [subs]);

  async function unsubscribe(sub: Subscription) {
    const ok = await confirmAction({
      title: `Unsubscribe ${app.name}?`,
      message: `${app.name} loses its ${sub.tier} subscription to ${sub.apiName} ` +
        `${sub.apiVersion}; its key stops working there after the next publish.`,
      confirmLabel: 'Unsubscribe',
    });
    if (!ok) return;
    try {
      await invoke('subscription.remove', {
        tenant: app.tenant, application: app.name, apiId: sub.apiId });
      await load();
      onChanged();
    } catch (err) {
      notifyError(err, 'Could not unsubscribe');
    }
  }

  return (
    <Card withBorder padding={0} data-testid="subscriptions-panel">
      <Group justify="space-between" p="md" pb="xs">
        <Title order={5}>Subscriptions of {app.name} · {subs.length}</Title>
        <Button size="compact-sm" variant="light" leftSection={<PlusIcon size={14} />}
          onClick={() => setSubscribing(true)} data-testid="subscribe-button">
          Subscribe
        </Button>
      </Group>
      {subs.length === 0 ? (
        <Text size="sm" c="dimmed" p="md" pt={0}>Not subscribed to any API yet.</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>API</Table.Th>
              <Table.Th>Tenant</Table.Th>
              <Table.Th>Tier</Table.Th>
              <Table.Th>Since</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {subs.map((s) => (
              <Table.Tr key={s.id} data-testid="subscription-row">
                <Table.Td><Text size="sm" fw={600}>{s.apiName} {s.apiVersion}</Text></Table.Td>
                <Table.Td><Text size="sm" ff="monospace">{s.apiTenant}</Text></Table.Td>
                <Table.Td><Text size="sm">{s.tier}</Text></Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">{new Date(s.createdAt).toLocaleString()}</Text>
                </Table.Td>
                <Table.Td>
                  <Tooltip label="Unsubscribe">
                    <ActionIcon variant="subtle" color="red" aria-label={`Unsubscribe from ${
                      s.apiName}`} onClick={() => void unsubscribe(s)}>
                      <TrashIcon size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <SubscribeModal app={app} ownerRoles={ownerRoles} subscribed={subscribed}
        opened={subscribing} onClose={() => setSubscribing(false)}
        onDone={() => {
          void load();
          onChanged();
        }} />
    </Card>
  );
}
