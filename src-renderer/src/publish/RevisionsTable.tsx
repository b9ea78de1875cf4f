// The revisions published to one gateway, each with a rollback that republishes it.
import { Button, Card, Table, Text } from '@mantine/core';
import type { Revision } from '../../../src-shared/model';

export function RevisionsTable({ revisions, rollingBack, onRollback }: {
  revisions: Revision[];
  // The revision number being rolled back to, while it runs.
  rollingBack: number | null;
  onRollback(revision: Revision): void;
}) {
  const latest = revisions.reduce((n, r) => Math.max(n, r.number), 0);
  return (
    <Card withBorder padding={0}>
      {revisions.length === 0 ? (
        <Text c="dimmed" size="sm" p="md">Nothing published to this gateway yet.</Text>
      ) : (
        <Table data-testid="revision-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>When</Table.Th>
              <Table.Th>Changes</Table.Th>
              <Table.Th>Summary</Table.Th>
              <Table.Th w={130} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {revisions.map((r) => (
              <Table.Tr key={r.id} data-testid="revision-row" data-revision={r.number}>
                <Table.Td>{r.number}</Table.Td>
                <Table.Td>{new Date(r.createdAt).toLocaleString()}</Table.Td>
                <Table.Td>{r.changeCount}</Table.Td>
                <Table.Td>{r.summary}</Table.Td>
                <Table.Td>
                  {/* The latest one too: republishing it undoes a drift. */}
                  <Button size="compact-xs" variant="light"
                    color={r.number === latest ? 'gray' : 'orange'}
                    loading={rollingBack === r.number}
                    disabled={rollingBack !== null && rollingBack !== r.number}
                    onClick={() => onRollback(r)} data-testid="revision-rollback">
                    {r.number === latest ? `Restore #${r.number}` : `Roll back to #${r.number}`}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
