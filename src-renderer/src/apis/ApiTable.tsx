// The tenant's APIs: filtered, sorted and paged in memory, so 10,000 rows stay smooth.
import {
  Group, Pagination, Table, Text, UnstyledButton,
} from '@mantine/core';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ApiSummary } from '../../../src-shared/model';
import { SortDownIcon, SortIcon, SortUpIcon } from '../lib/icons';
import { plural } from '../lib/plural';
import { LifecycleBadge, VisibilityBadge } from './badges';

const PAGE_SIZE = 50;

type SortKey = 'name' | 'version' | 'context' | 'lifecycle' | 'visibility' | 'operationCount';
type Sort = { key: SortKey; dir: 1 | -1 };

// One collator for every comparison: localeCompare with options builds a new one per call,
// which made sorting 10,000 rows take a third of a second.
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function compare(a: ApiSummary, b: ApiSummary, key: SortKey): number {
  const x = a[key];
  const y = b[key];
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return collator.compare(String(x), String(y));
}

// What a search looks through, built once per list rather than once per keystroke.
function haystack(api: ApiSummary): string {
  return [api.name, api.version, api.context, api.lifecycle, api.visibility,
    ...api.tags, ...api.tiers].join(' ').toLowerCase();
}

function Header({ label, sortKey, sort, onSort }: {
  label: ReactNode; sortKey: SortKey; sort: Sort; onSort(key: SortKey): void;
}) {
  const active = sort.key === sortKey;
  const Icon = !active ? SortIcon : sort.dir === 1 ? SortUpIcon : SortDownIcon;
  return (
    <Table.Th aria-sort={active ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort(sortKey)} data-testid={`sort-${sortKey}`}>
        <Group gap={4} wrap="nowrap">
          <Text size="sm" fw={600}>{label}</Text>
          <Text c={active ? undefined : 'dimmed'} component="span" lh={0}><Icon size={14} /></Text>
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

export function ApiTable({ apis, query, onOpen }: {
  apis: ApiSummary[]; query: string; onOpen(api: ApiSummary): void;
}) {
  const [sort, setSort] = useState<Sort>({ key: 'name', dir: 1 });
  const [page, setPage] = useState(1);

  const hays = useMemo(() => new Map(apis.map((a) => [a, haystack(a)])), [apis]);

  const rows = useMemo(() => {
    const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const found = words.length === 0 ? [...apis]
      : apis.filter((a) => words.every((w) => hays.get(a)!.includes(w)));
    return found.sort((a, b) => compare(a, b, sort.key) * sort.dir);
  }, [apis, hays, query, sort]);

  useEffect(() => setPage(1), [query, sort]);

  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const shown = rows.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);

  function onSort(key: SortKey) {
    setSort((s) => (s.key === key ? { key, dir: s.dir === 1 ? -1 : 1 } : { key, dir: 1 }));
  }

  return (
    <>
      <Table.ScrollContainer minWidth={860}>
        <Table highlightOnHover verticalSpacing="xs" data-testid="api-table">
          <Table.Thead>
            <Table.Tr>
              <Header label="Name" sortKey="name" sort={sort} onSort={onSort} />
              <Header label="Version" sortKey="version" sort={sort} onSort={onSort} />
              <Header label="Context" sortKey="context" sort={sort} onSort={onSort} />
              <Header label="Lifecycle" sortKey="lifecycle" sort={sort} onSort={onSort} />
              <Header label="Visibility" sortKey="visibility" sort={sort} onSort={onSort} />
              <Header label="Ops" sortKey="operationCount" sort={sort} onSort={onSort} />
              <Table.Th><Text size="sm" fw={600}>Tiers</Text></Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((api) => (
              <Table.Tr key={api.id} onClick={() => onOpen(api)} style={{ cursor: 'pointer' }}
                data-testid="api-row" data-api-id={api.id} tabIndex={0}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') onOpen(api);
                }}>
                <Table.Td>
                  <Text size="sm" fw={550} lineClamp={1}>{api.name}</Text>
                </Table.Td>
                <Table.Td><Text size="sm" ff="monospace">{api.version}</Text></Table.Td>
                <Table.Td><Text size="sm" ff="monospace">{api.context}</Text></Table.Td>
                <Table.Td><LifecycleBadge value={api.lifecycle} /></Table.Td>
                <Table.Td><VisibilityBadge value={api.visibility} /></Table.Td>
                <Table.Td><Text size="sm">{api.operationCount}</Text></Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={1}>{api.tiers.join(', ') || '—'}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" mt="sm">
        <Text size="sm" c="dimmed" data-testid="api-count">
          {rows.length === apis.length
            ? plural(apis.length, 'API')
            : `${rows.length} of ${plural(apis.length, 'API')}`}
        </Text>
        {pages > 1 && <Pagination total={pages} value={current} onChange={setPage} size="sm" />}
      </Group>
    </>
  );
}
