import { Button, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { errorMessage, invoke } from '../lib/invoke';
import { notifySuccess } from '../lib/notify';
import { useNav } from '../stores/nav-store';
import { useWorkspace } from '../stores/workspace-store';

export function NewTenantModal() {
  const opened = useNav((s) => s.newTenantOpen);
  const setOpened = useNav((s) => s.setNewTenantOpen);
  const openTenant = useNav((s) => s.openTenant);
  const refreshTenants = useWorkspace((s) => s.refreshTenants);
  const [domain, setDomain] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setDomain('');
    setName('');
    setDescription('');
    setError(null);
  }, [opened]);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      const tenant = await invoke('tenant.create', { domain, name, description });
      await refreshTenants();
      setOpened(false);
      notifySuccess(`${tenant.name} (${tenant.domain}) was created.`, 'Tenant created');
      openTenant(tenant.domain);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const domainError = error && /domain/i.test(error) ? error : null;
  const otherError = error && !domainError ? error : null;

  return (
    <Modal opened={opened} onClose={() => setOpened(false)} title="New tenant" centered>
      <form onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }} data-testid="new-tenant-form">
        <Stack>
          <TextInput label="Domain" placeholder="acme.com" required data-autofocus
            description="The tenant's key; storefront and gateway routes use it."
            value={domain} onChange={(e) => setDomain(e.currentTarget.value)}
            error={domainError} data-testid="new-tenant-domain" />
          <TextInput label="Name" placeholder="Acme Corporation" required value={name}
            onChange={(e) => setName(e.currentTarget.value)} error={otherError}
            data-testid="new-tenant-name" />
          <Textarea label="Description" autosize minRows={2} maxRows={6} value={description}
            onChange={(e) => setDescription(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>Cancel</Button>
            <Button type="submit" loading={busy} data-testid="new-tenant-submit">
              Create tenant
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
