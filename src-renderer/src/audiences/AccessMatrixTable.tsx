// Who sees what: every API of the tenant against every audience, each cell saying whether
// that audience sees it and may subscribe, with the deciding rule on hover.
import {
  Badge, Card, Group, ScrollArea, Stack, Table, Text, TextInput, Title, Tooltip,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import type { AccessDecision } from '../../../src-shared/tenancy';
import { LifecycleBadge, VisibilityBadge } from '../apis/badges';
import { SearchIcon } from '../lib/icons';
import { useTenancy } from '../stores/tenancy-store';

// Past this many rows the table shows the first ones and asks for a search.
const ROW_LIMIT = 200;

function Cell({ cell }: { cell: AccessDecision & { audience: string } }) {
  const label = cell.canSubscribe ? 'subscribe' : cell.canSee ? 'see' : '—';
  const color = cell.canSubscribe ? 'teal' : cell.canSee ? 'blue' : 'gray';
  return (
    <Tooltip label={`${cell.audience}: ${cell.rule}`} multiline maw={320} withArrow>
      <Badge variant={cell.canSee ? 'light' : 'transparent'} color={color} tt="none"
        data-testid="matrix-cell" data-audience={cell.audience}
        data-can-see={cell.canSee} data-can-subscribe={cell.canSubscribe}>
        {label}
      </Badge>
    </Tooltip>
  );
}

export function AccessMatrixTable() {
  const matrix = useTenancy((s) => s.matrix);
  const [query, setQuery] = useState('');

  const rows = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const all = matrix?.apis ?? [];
    return needle ? all.filter((a) => a.name.toLowerCase().includes(needle)) : all;
  }, [matrix, query]);

  if (!matrix) return null;

  return (
    <Card withBorder padding={0} data-testid="access-matrix">
      <Group justify="space-between" p="md" pb="xs">
        <div>
          <Title order={5}>Who sees what</Title>
          <Text size="xs" c="dimmed">
            Each audience: <b>subscribe</b> (sees and may subscribe), <b>see</b> (sees
            only), — (does not see). Hover a cell for the rule that decided.
          </Text>
        </div>
        <TextInput size="xs" w={240} placeholder="Search APIs" value={query}
          leftSection={<SearchIcon size={14} />} aria-label="Search APIs in the matrix"
          onChange={(e) => setQuery(e.currentTarget.value)} data-testid="matrix-search" />
      </Group>
      <ScrollArea type="auto">
        <Table stickyHeader withColumnBorders verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th miw={220}>API</Table.Th>
              {matrix.audiences.map((a) => (
                <Table.Th key={a}><Text size="xs" fw={700} ff="monospace">{a}</Text></Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(0, ROW_LIMIT).map((api) => (
              <Table.Tr key={api.id} data-testid="matrix-row" data-api={api.name}>
                <Table.Td>
                  <Stack gap={2}>
                    <Text size="sm" fw={600}>{api.name} <Text span c="dimmed" size="xs">
                      {api.version}</Text></Text>
                    <Group gap={4}>
                      <LifecycleBadge value={api.lifecycle} />
                      <VisibilityBadge value={api.visibility} />
                    </Group>
                  </Stack>
                </Table.Td>
                {api.cells.map((c) => (
                  <Table.Td key={c.audience}><Cell cell={c} /></Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed" p="md">
          {matrix.apis.length ? 'No API matches the search.' : 'This tenant has no APIs yet.'}
        </Text>
      )}
      {rows.length > ROW_LIMIT && (
        <Text size="xs" c="dimmed" p="md">
          Showing {ROW_LIMIT} of {rows.length} APIs — search to find one.
        </Text>
      )}
    </Card>
  );
}
