// A tenant's name, description and counts, and the way to delete it.
import {
  Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Textarea, Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Tenant } from '../../../src-shared/model';
import { errorMessage, invoke } from '../lib/invoke';
import { TrashIcon } from '../lib/icons';
import { notifyError, notifySuccess } from '../lib/notify';
import { plural } from '../lib/plural';
import { confirmAction } from '../stores/confirm-store';
import { useNav } from '../stores/nav-store';
import { useWorkspace } from '../stores/workspace-store';

function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <Card withBorder padding="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>{label}</Text>
      <Text size="xl" fw={700}>{value}</Text>
    </Card>
  );
}

export function TenantOverview({ tenant }: { tenant: Tenant }) {
  const refreshTenants = useWorkspace((s) => s.refreshTenants);
  const gateways = useWorkspace((s) => s.gateways);
  const go = useNav((s) => s.go);
  const [name, setName] = useState(tenant.name);
  const [description, setDescription] = useState(tenant.description);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setName(tenant.name);
    setDescription(tenant.description);
  }, [tenant.name, tenant.description]);

  const dirty = name !== tenant.name || description !== tenant.description;
  const served = gateways.filter((g) => g.tenants.includes(tenant.domain)).length;

  async function save() {
    setBusy(true);
    setError(null);
    try {
      await invoke('tenant.update', { domain: tenant.domain, name, description });
      await refreshTenants();
      notifySuccess('The tenant was saved.');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    const ok = await confirmAction({
      title: `Delete ${tenant.name}?`,
      message: `This deletes the tenant ${tenant.domain} with its ` +
        `${plural(tenant.apiCount, 'API')}, its ` +
        'branding and its tiers from this workspace. Gateways keep what was published until ' +
        'the next publish.',
      confirmLabel: 'Delete tenant',
      typeToConfirm: tenant.domain,
    });
    if (!ok) return;
    try {
      await invoke('tenant.delete', { domain: tenant.domain });
      notifySuccess(`${tenant.domain} was deleted.`, 'Tenant deleted');
      // Refresh first: the home place opens the first tenant it finds.
      await refreshTenants();
      go({ kind: 'home' });
    } catch (err) {
      notifyError(err, 'Could not delete the tenant');
    }
  }

  return (
    <Stack gap="lg" maw={900}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Stat label="APIs" value={tenant.apiCount} />
        <Stat label="Gateways serving it" value={served} />
        <Stat label="Updated" value={new Date(tenant.updatedAt).toLocaleDateString()} />
      </SimpleGrid>
      <Card withBorder padding="lg">
        <form onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}>
          <Stack>
            <Title order={4}>Details</Title>
            <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)}
              error={error} data-testid="tenant-name-input" />
            <TextInput label="Domain" value={tenant.domain} readOnly
              description="The domain is the tenant's key and cannot change." />
            <Textarea label="Description" autosize minRows={3} maxRows={10} value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              data-testid="tenant-description-input" />
            <Group justify="flex-end">
              <Button type="submit" disabled={!dirty} loading={busy}
                data-testid="tenant-save">Save</Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <Card withBorder padding="lg" style={{ borderColor: 'var(--mantine-color-red-outline)' }}>
        <Group justify="space-between" wrap="nowrap">
          <div>
            <Title order={4}>Delete this tenant</Title>
            <Text size="sm" c="dimmed">Removes the tenant and everything it holds.</Text>
          </div>
          <Button color="red" variant="light" leftSection={<TrashIcon size={16} />}
            onClick={remove} data-testid="tenant-delete">Delete tenant</Button>
        </Group>
      </Card>
    </Stack>
  );
}
