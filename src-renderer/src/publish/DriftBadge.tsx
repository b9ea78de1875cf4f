// Whether the selected gateway still holds what its last revision published, asked of the
// gateway itself; drifted lists the entities someone changed by hand.
import { Badge, Group, HoverCard, List, Text } from '@mantine/core';
import type { Drift } from '../../../src-shared/model';

export type DriftState =
  | { kind: 'checking' }
  | { kind: 'known'; drift: Drift }
  | { kind: 'unknown'; message: string };

const SHOWN = 12;

export function DriftBadge({ state }: { state: DriftState }) {
  if (state.kind === 'checking') {
    return <Badge variant="light" color="gray" data-testid="drift-badge">checking drift…</Badge>;
  }
  if (state.kind === 'unknown') {
    return (
      <Badge variant="light" color="gray" title={state.message} data-testid="drift-badge"
        data-drift="unknown">drift unknown</Badge>
    );
  }
  const { drift } = state;
  if (drift.revision === null) {
    return (
      <Badge variant="light" color="gray" data-testid="drift-badge" data-drift="none"
        title={drift.message}>never published</Badge>
    );
  }
  if (!drift.drifted) {
    return (
      <Badge variant="light" color="teal" data-testid="drift-badge" data-drift="in-sync"
        title={drift.message}>in sync with #{drift.revision}</Badge>
    );
  }
  return (
    <HoverCard width={420} shadow="md" withArrow openDelay={100}>
      <HoverCard.Target>
        <Badge variant="filled" color="orange" data-testid="drift-badge" data-drift="drifted"
          style={{ cursor: 'help' }}>
          drifted · {drift.changes.length}
        </Badge>
      </HoverCard.Target>
      <HoverCard.Dropdown>
        <Text size="sm" mb="xs">{drift.message}</Text>
        <List size="sm" spacing={2} data-testid="drift-entities">
          {drift.changes.slice(0, SHOWN).map((c) => (
            <List.Item key={`${c.entity}:${c.key}`}>
              <Group gap={6} wrap="nowrap">
                <Text size="xs" c="dimmed" w={54}>{c.action}</Text>
                <Text size="sm" ff="monospace" truncate>{c.entity} {c.key}</Text>
              </Group>
            </List.Item>
          ))}
        </List>
        {drift.changes.length > SHOWN && (
          <Text size="xs" c="dimmed" mt={4}>and {drift.changes.length - SHOWN} more</Text>
        )}
      </HoverCard.Dropdown>
    </HoverCard>
  );
}
