// Every change to the workspace, newest first: what, when, which tenant, before and after.
import {
  Badge, Card, Code, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title,
  UnstyledButton,
} from '@mantine/core';
import { Fragment, useEffect, useMemo, useState } from 'react';
import { ACTIVITY_ENTITIES, type Activity } from '../../../src-shared/tenancy';
import { invoke } from '../lib/invoke';
import { SearchIcon } from '../lib/icons';
import { notifyError } from '../lib/notify';
import { useWorkspace } from '../stores/workspace-store';

// The core keeps every entry; the screen asks for the newest ones and searches within them.
const FETCH_LIMIT = 1000;
const SHOW_LIMIT = 300;

const ACTION_COLORS: Record<Activity['action'], string> = {
  create: 'teal',
  update: 'blue',
  delete: 'red',
};

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <Stack gap={4} style={{ minWidth: 0 }}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">{label}</Text>
      {value === undefined || value === null ? (
        <Text size="sm" c="dimmed">nothing</Text>
      ) : (
        <Code block style={{ maxHeight: 320, overflow: 'auto' }}>
          {JSON.stringify(value, null, 2)}
        </Code>
      )}
    </Stack>
  );
}

export function ActivityView() {
  const tenants = useWorkspace((s) => s.tenants);
  const [entity, setEntity] = useState<string | null>(null);
  const [tenant, setTenant] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [entries, setEntries] = useState<Activity[] | null>(null);
  const [open, setOpen] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    invoke('activity.list', {
      limit: FETCH_LIMIT,
      ...(entity ? { entity: entity as Activity['entity'] } : {}),
      ...(tenant ? { tenant } : {}),
    })
      .then((list) => live && setEntries(list))
      .catch((err) => notifyError(err, 'Could not load the activity'));
    return () => {
      live = false;
    };
  }, [entity, tenant]);

  const found = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return (entries ?? []).filter((e) => !needle ||
      `${e.summary} ${e.key} ${e.entity} ${e.tenant ?? ''}`.toLowerCase().includes(needle));
  }, [entries, query]);

  return (
    <Stack gap="md" data-testid="activity-view" maw={1200}>
      <div>
        <Title order={2}>Activity</Title>
        <Text c="dimmed" size="sm">Every change to this workspace, newest first.</Text>
      </div>
      <Group gap="sm">
        <TextInput w={300} placeholder="Search changes" value={query}
          leftSection={<SearchIcon size={14} />} aria-label="Search activity"
          onChange={(e) => setQuery(e.currentTarget.value)} data-testid="activity-search" />
        <Select w={180} placeholder="Any entity" clearable data={[...ACTIVITY_ENTITIES]}
          value={entity} onChange={setEntity} aria-label="Entity"
          data-testid="activity-entity" />
        <Select w={240} placeholder="Any tenant" clearable searchable value={tenant}
          data={tenants.map((t) => t.domain)} onChange={setTenant} aria-label="Tenant"
          data-testid="activity-tenant" />
      </Group>
      <Card withBorder padding={0}>
        <Table highlightOnHover data-testid="activity-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={190}>When</Table.Th>
              <Table.Th w={110}>Action</Table.Th>
              <Table.Th w={120}>Entity</Table.Th>
              <Table.Th w={160}>Tenant</Table.Th>
              <Table.Th>What</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {found.slice(0, SHOW_LIMIT).map((e) => (
              <Fragment key={e.id}>
                <Table.Tr data-testid="activity-row" style={{ cursor: 'pointer' }}
                  onClick={() => setOpen(open === e.id ? null : e.id)}>
                  <Table.Td>
                    <Text size="sm" c="dimmed">{new Date(e.at).toLocaleString()}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={ACTION_COLORS[e.action]}>{e.action}</Badge>
                  </Table.Td>
                  <Table.Td><Text size="sm">{e.entity}</Text></Table.Td>
                  <Table.Td><Text size="sm" ff="monospace">{e.tenant ?? '—'}</Text></Table.Td>
                  <Table.Td>
                    <UnstyledButton aria-expanded={open === e.id} fz="sm">
                      {open === e.id ? '▾ ' : '▸ '}{e.summary}
                    </UnstyledButton>
                  </Table.Td>
                </Table.Tr>
                {open === e.id && (
                  <Table.Tr data-testid="activity-detail">
                    <Table.Td colSpan={5}>
                      <SimpleGrid cols={2} spacing="md">
                        <Json label="Before" value={e.before} />
                        <Json label="After" value={e.after} />
                      </SimpleGrid>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
        {entries && found.length === 0 && (
          <Text size="sm" c="dimmed" p="md">
            {entries.length ? 'No change matches the search.' : 'No changes recorded yet.'}
          </Text>
        )}
        {found.length > SHOW_LIMIT && (
          <Text size="xs" c="dimmed" p="md">
            Showing the newest {SHOW_LIMIT} of {found.length} — search or filter to narrow.
          </Text>
        )}
      </Card>
    </Stack>
  );
}
