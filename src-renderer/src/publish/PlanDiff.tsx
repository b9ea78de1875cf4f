// A plan, readable: what will be created (green), updated (amber, before → after), deleted (red).
import { Alert, Badge, Code, Group, List, Paper, Stack, Text } from '@mantine/core';
import type { Plan, PlanChange } from '../../../src-shared/model';

const ACTION_COLORS: Record<PlanChange['action'], string> = {
  create: 'green',
  update: 'yellow',
  delete: 'red',
};

function show(value: unknown): string {
  if (value === undefined || value === null) return '∅';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function Change({ change }: { change: PlanChange }) {
  const color = ACTION_COLORS[change.action];
  return (
    <Paper withBorder p="sm" radius="md" data-testid={`plan-change-${change.action}`}
      style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }}>
      <Group gap="xs" wrap="nowrap">
        <Badge color={color} variant="light" w={72}>{change.action}</Badge>
        <Text size="sm" fw={600}>{change.entity}</Text>
        <Code>{change.key}</Code>
        {change.tenant && <Text size="xs" c="dimmed">{change.tenant}</Text>}
      </Group>
      {change.action === 'update' && change.fields.length > 0 && (
        <Stack gap={2} mt={6} pl={80}>
          {change.fields.map((f) => (
            <Text key={f.field} size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
              <b>{f.field}</b>: <Text span c="red" size="xs" ff="monospace">{show(f.before)}</Text>
              {' → '}
              <Text span c="green" size="xs" ff="monospace">{show(f.after)}</Text>
            </Text>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

export function PlanDiff({ plan }: { plan: Plan }) {
  const counts = { create: 0, update: 0, delete: 0 };
  for (const c of plan.changes) counts[c.action] += 1;

  return (
    <Stack gap="sm" data-testid="plan-diff">
      {plan.changes.length === 0 ? (
        <Alert color="teal" variant="light" data-testid="plan-in-sync">
          In sync — nothing to change
        </Alert>
      ) : (
        <>
          <Group gap="xs">
            <Badge color="green" variant="light">{counts.create} to create</Badge>
            <Badge color="yellow" variant="light">{counts.update} to update</Badge>
            <Badge color="red" variant="light">{counts.delete} to delete</Badge>
          </Group>
          {plan.changes.slice(0, 500).map((c) => (
            <Change key={`${c.action}:${c.entity}:${c.key}`} change={c} />
          ))}
          {plan.changes.length > 500 && (
            <Text size="sm" c="dimmed">and {plan.changes.length - 500} more changes.</Text>
          )}
        </>
      )}
      {plan.notEnforced.length > 0 && (
        <Alert color="blue" variant="light" title="Not enforced by this gateway"
          data-testid="plan-not-enforced">
          <List size="sm">
            {plan.notEnforced.map((n) => <List.Item key={n}>{n}</List.Item>)}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
