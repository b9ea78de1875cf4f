// The consumer applications of one tenant: their keys (shown once, rotated on request) and,
// for the one picked, its subscriptions.
import {
  ActionIcon, Button, Card, Group, Menu, Stack, Table, Text, TextInput, Title,
} from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Application, IssuedKey } from '../../../src-shared/tenancy';
import { invoke } from '../lib/invoke';
import { PlusIcon, SearchIcon } from '../lib/icons';
import { notifyError, notifySuccess } from '../lib/notify';
import { confirmAction } from '../stores/confirm-store';
import { useNav } from '../stores/nav-store';
import { useTenancy } from '../stores/tenancy-store';
import { KeyOnceModal, type ShownKey } from './KeyOnceModal';
import { NewApplicationModal } from './NewApplicationModal';
import { SubscriptionsPanel } from './SubscriptionsPanel';

const NO_ROLES: string[] = [];

export function ApplicationsTab({ domain }: { domain: string }) {
  const members = useTenancy((s) => (s.tenant === domain ? s.members : []));
  const loadTenancy = useTenancy((s) => s.load);
  const pendingNew = useNav((s) => s.pendingNewApplication);
  const clearPending = useNav((s) => s.clearPending);
  const [apps, setApps] = useState<Application[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<ShownKey | null>(null);
  const [query, setQuery] = useState('');

  const load = useCallback(async () => {
    try {
      setApps(await invoke('application.list', { tenant: domain }));
    } catch (err) {
      setApps([]);
      notifyError(err, 'Could not list applications');
    }
  }, [domain]);

  useEffect(() => {
    void load();
    void loadTenancy(domain);
  }, [domain, load, loadTenancy]);

  useEffect(() => {
    if (!pendingNew) return;
    setCreating(true);
    clearPending();
  }, [pendingNew, clearPending]);

  const app = apps?.find((a) => a.name === selected) ?? null;
  const ownerRoles = useMemo(
    () => members.find((m) => m.username === app?.owner)?.roles ?? NO_ROLES,
    [members, app?.owner],
  );
  const found = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return (apps ?? []).filter((a) => !needle ||
      `${a.name} ${a.owner ?? ''} ${a.description}`.toLowerCase().includes(needle));
  }, [apps, query]);

  function issued(key: IssuedKey, rotated: boolean) {
    setShown({ application: key.application.name, apiKey: key.apiKey, rotated });
    setSelected(key.application.name);
    void load();
  }

  async function rotate(a: Application) {
    const ok = await confirmAction({
      title: `Rotate the key of ${a.name}?`,
      message: `A new key is issued and shown once; the current key (${a.keyHint}) stops ` +
        'working after the next publish.',
      confirmLabel: 'Rotate key',
    });
    if (!ok) return;
    try {
      issued(await invoke('application.rotateKey', { tenant: domain, name: a.name }), true);
    } catch (err) {
      notifyError(err, `Could not rotate the key of ${a.name}`);
    }
  }

  async function remove(a: Application) {
    const ok = await confirmAction({
      title: `Remove ${a.name}?`,
      message: `${a.name}, its key and its ${a.subscriptions} subscription(s) are removed ` +
        `from ${domain}.`,
      confirmLabel: 'Remove application',
    });
    if (!ok) return;
    try {
      await invoke('application.remove', { tenant: domain, name: a.name });
      if (selected === a.name) setSelected(null);
      notifySuccess(`${a.name} was removed.`);
      await load();
    } catch (err) {
      notifyError(err, `Could not remove ${a.name}`);
    }
  }

  return (
    <Stack gap="md" data-testid="applications-tab">
      <Card withBorder padding={0}>
        <Group justify="space-between" p="md" pb="xs">
          <Title order={5}>Applications · {apps?.length ?? 0}</Title>
          <Group gap="xs">
            <TextInput size="xs" w={220} placeholder="Search applications" value={query}
              leftSection={<SearchIcon size={14} />} aria-label="Search applications"
              onChange={(e) => setQuery(e.currentTarget.value)} />
            <Button size="compact-sm" leftSection={<PlusIcon size={14} />}
              onClick={() => setCreating(true)} data-testid="application-add">
              New application
            </Button>
          </Group>
        </Group>
        <Table highlightOnHover data-testid="application-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Key</Table.Th>
              <Table.Th>Subscriptions</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {found.map((a) => (
              <Table.Tr key={a.id} data-testid="application-row" style={{ cursor: 'pointer' }}
                bg={a.name === selected ? 'var(--mantine-primary-color-light)' : undefined}
                onClick={() => setSelected(a.name)}>
                <Table.Td>
                  <Text size="sm" fw={600}>{a.name}</Text>
                  {a.description && <Text size="xs" c="dimmed" lineClamp={1}>
                    {a.description}</Text>}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={a.owner ? undefined : 'dimmed'}>{a.owner ?? 'none'}</Text>
                </Table.Td>
                <Table.Td><Text size="sm" ff="monospace">{a.keyHint}</Text></Table.Td>
                <Table.Td data-testid="application-subscriptions">
                  <Text size="sm">{a.subscriptions}</Text>
                </Table.Td>
                <Table.Td onClick={(e) => e.stopPropagation()}>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon variant="subtle" aria-label={`Actions for ${a.name}`}
                        data-testid="application-menu">⋯</ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => void rotate(a)}
                        data-testid="application-rotate">Rotate key…</Menu.Item>
                      <Menu.Item color="red" onClick={() => void remove(a)}
                        data-testid="application-remove">Remove…</Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {apps && found.length === 0 && (
          <Text size="sm" c="dimmed" p="md">
            {apps.length ? 'No application matches the search.'
              : 'No applications yet. Create one to get an API key and subscribe it to APIs.'}
          </Text>
        )}
      </Card>
      {app ? (
        <SubscriptionsPanel key={app.id} app={app} ownerRoles={ownerRoles}
          onChanged={() => void load()} />
      ) : (apps?.length ?? 0) > 0 && (
        <Text size="sm" c="dimmed">Pick an application to see its subscriptions.</Text>
      )}
      <NewApplicationModal domain={domain} members={members.map((m) => m.username)}
        opened={creating} onClose={() => setCreating(false)}
        onIssued={(key) => {
          setCreating(false);
          issued(key, false);
        }} />
      <KeyOnceModal shown={shown} onClose={() => setShown(null)} />
    </Stack>
  );
}
