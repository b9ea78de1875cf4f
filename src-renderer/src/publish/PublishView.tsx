// Plan, then publish to one gateway; production gateways ask for their name first.
import {
  Alert, Button, Card, Group, Select, Stack, Table, Text, Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Plan, Revision } from '../../../src-shared/model';
import { environmentColor, isProduction } from '../gateways/environment';
import { errorMessage, invoke } from '../lib/invoke';
import { notifyError, notifySuccess } from '../lib/notify';
import { confirmAction } from '../stores/confirm-store';
import { useNav } from '../stores/nav-store';
import { useWorkspace } from '../stores/workspace-store';
import { PlanDiff } from './PlanDiff';

export function PublishView() {
  const gateways = useWorkspace((s) => s.gateways);
  const go = useNav((s) => s.go);
  const [name, setName] = useState<string | null>(gateways[0]?.name ?? null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [revisions, setRevisions] = useState<Revision[]>([]);
  const [planning, setPlanning] = useState(false);
  const [applying, setApplying] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const gateway = gateways.find((g) => g.name === name) ?? null;

  async function loadRevisions(gatewayName: string) {
    try {
      setRevisions(await invoke('revision.list', { gateway: gatewayName }));
    } catch (err) {
      setRevisions([]);
      notifyError(err, 'Could not list revisions');
    }
  }

  useEffect(() => {
    setPlan(null);
    setResult(null);
    if (name) void loadRevisions(name);
  }, [name]);

  async function makePlan() {
    if (!name) return;
    setPlanning(true);
    setResult(null);
    try {
      setPlan(await invoke('publish.plan', { gateway: name }));
    } catch (err) {
      setPlan(null);
      notifyError(err, 'Could not plan');
    } finally {
      setPlanning(false);
    }
  }

  async function apply() {
    if (!gateway) return;
    const prod = isProduction(gateway.environment);
    const ok = await confirmAction({
      title: `Publish to ${gateway.name}?`,
      message: prod
        ? `${gateway.name} is a ${gateway.environment} gateway. The planned changes are ` +
          'applied to it now.'
        : `The planned changes are applied to ${gateway.name} (${gateway.environment}) now.`,
      confirmLabel: 'Publish',
      typeToConfirm: prod ? gateway.name : undefined,
    });
    if (!ok) return;
    setApplying(true);
    try {
      const published = await invoke('publish.apply', { gateway: gateway.name });
      setResult({ ok: true, message: published.message });
      notifySuccess(published.message, `Published to ${gateway.name}`);
      setPlan(null);
      await loadRevisions(gateway.name);
    } catch (err) {
      setResult({ ok: false, message: errorMessage(err) });
      notifyError(err, `Could not publish to ${gateway.name}`);
    } finally {
      setApplying(false);
    }
  }

  if (gateways.length === 0) {
    return (
      <Stack data-testid="publish-view">
        <Title order={2}>Publish</Title>
        <Card withBorder p="xl">
          <Stack align="flex-start">
            <Text>Add a gateway first; then plan and publish your tenants to it.</Text>
            <Button onClick={() => go({ kind: 'gateways' })}>Go to gateways</Button>
          </Stack>
        </Card>
      </Stack>
    );
  }

  return (
    <Stack gap="md" data-testid="publish-view" maw={1100}>
      <div>
        <Title order={2}>Publish</Title>
        <Text c="dimmed" size="sm">See the plan before every publish, then apply it.</Text>
      </div>
      <Card withBorder>
        <Group align="flex-end">
          <Select label="Gateway" w={320} value={name} allowDeselect={false}
            onChange={setName} data-testid="publish-gateway"
            data={gateways.map((g) => ({
              value: g.name, label: `${g.name} (${g.environment})`,
            }))} />
          <Button variant="default" onClick={makePlan} loading={planning}
            data-testid="publish-plan">Plan</Button>
          <Button onClick={apply} loading={applying} disabled={!plan || plan.changes.length === 0}
            color={gateway && isProduction(gateway.environment) ? 'red' : undefined}
            data-testid="publish-apply">Publish</Button>
          {gateway && (
            <Text size="sm" c={environmentColor(gateway.environment)}>
              {gateway.tenants.length} tenants · {gateway.adminUrl}
            </Text>
          )}
        </Group>
      </Card>
      {result && (
        <Alert color={result.ok ? 'teal' : 'red'} variant="light" data-testid="publish-result">
          {result.message}
        </Alert>
      )}
      {plan && <PlanDiff plan={plan} />}
      <Title order={4}>Revisions</Title>
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
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {revisions.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.number}</Table.Td>
                  <Table.Td>{new Date(r.createdAt).toLocaleString()}</Table.Td>
                  <Table.Td>{r.changeCount}</Table.Td>
                  <Table.Td>{r.summary}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}
