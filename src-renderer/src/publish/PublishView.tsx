// Plan, then publish to one gateway; production gateways ask for their name first.
import { Alert, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Plan, Revision } from '../../../src-shared/model';
import { environmentColor, isProduction } from '../gateways/environment';
import { errorMessage, invoke } from '../lib/invoke';
import { notifyError, notifySuccess } from '../lib/notify';
import { confirmAction } from '../stores/confirm-store';
import { useNav } from '../stores/nav-store';
import { useWorkspace } from '../stores/workspace-store';
import { ApplyProgress } from './ApplyProgress';
import { DriftBadge, type DriftState } from './DriftBadge';
import { PlanDiff } from './PlanDiff';
import { RevisionsTable } from './RevisionsTable';

export function PublishView() {
  const gateways = useWorkspace((s) => s.gateways);
  const go = useNav((s) => s.go);
  const [name, setName] = useState<string | null>(gateways[0]?.name ?? null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [revisions, setRevisions] = useState<Revision[]>([]);
  const [planning, setPlanning] = useState(false);
  const [applying, setApplying] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [drift, setDrift] = useState<DriftState>({ kind: 'checking' });
  const [rollingBack, setRollingBack] = useState<number | null>(null);
  const gateway = gateways.find((g) => g.name === name) ?? null;
  const shownName = useRef(name);
  shownName.current = name;

  // Asks the gateway itself; an unreachable one leaves drift unknown rather than alarming.
  const checkDrift = useCallback(async (gatewayName: string) => {
    setDrift({ kind: 'checking' });
    try {
      const found = await invoke('publish.drift', { gateway: gatewayName });
      // A slow answer for a gateway no longer selected is dropped.
      if (shownName.current === gatewayName) setDrift({ kind: 'known', drift: found });
    } catch (err) {
      if (shownName.current === gatewayName) {
        setDrift({ kind: 'unknown', message: errorMessage(err) });
      }
    }
  }, []);

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
    if (name) {
      void loadRevisions(name);
      void checkDrift(name);
    }
  }, [name, checkDrift]);

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
      void checkDrift(gateway.name);
    } catch (err) {
      setResult({ ok: false, message: errorMessage(err) });
      notifyError(err, `Could not publish to ${gateway.name}`);
    } finally {
      setApplying(false);
    }
  }

  async function rollback(revision: Revision) {
    if (!gateway) return;
    const prod = isProduction(gateway.environment);
    const ok = await confirmAction({
      title: `Roll ${gateway.name} back to revision #${revision.number}?`,
      message: `What revision #${revision.number} published (${revision.summary}) is ` +
        `published to ${gateway.name} (${gateway.environment}) again now; what was added ` +
        'since is removed from the gateway.',
      confirmLabel: `Roll back to #${revision.number}`,
      typeToConfirm: prod ? gateway.name : undefined,
    });
    if (!ok) return;
    setRollingBack(revision.number);
    setResult(null);
    try {
      const done = await invoke('revision.rollback', {
        gateway: gateway.name, number: revision.number });
      setResult({ ok: true, message: done.message });
      notifySuccess(done.message, `Rolled back ${gateway.name}`);
      setPlan(null);
      await loadRevisions(gateway.name);
      void checkDrift(gateway.name);
    } catch (err) {
      setResult({ ok: false, message: errorMessage(err) });
      notifyError(err, `Could not roll back ${gateway.name}`);
    } finally {
      setRollingBack(null);
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
              {gateway.kind} · {gateway.tenants.length} tenants · {gateway.adminUrl}
            </Text>
          )}
          {gateway && <DriftBadge state={drift} />}
        </Group>
      </Card>
      {applying && gateway && (
        <ApplyProgress gateway={gateway.name} />
      )}
      {result && (
        <Alert color={result.ok ? 'teal' : 'red'} variant="light" data-testid="publish-result">
          {result.message}
        </Alert>
      )}
      {plan && <PlanDiff plan={plan} />}
      <Title order={4}>Revisions</Title>
      <RevisionsTable revisions={revisions} rollingBack={rollingBack}
        onRollback={(r) => void rollback(r)} />
    </Stack>
  );
}
