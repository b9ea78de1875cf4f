// The roles of a tenant: restricted APIs are shown to the members holding one of them.
import { ActionIcon, Badge, Button, Card, Group, Stack, Text, TextInput, Title, Tooltip } from
  '@mantine/core';
import { useState } from 'react';
import { RoleName } from '../../../src-shared/tenancy';
import { errorMessage, invoke } from '../lib/invoke';
import { PlusIcon, TrashIcon } from '../lib/icons';
import { notifyError, notifySuccess } from '../lib/notify';
import { plural } from '../lib/plural';
import { confirmAction } from '../stores/confirm-store';
import { useTenancy } from '../stores/tenancy-store';

export function RolesPanel({ domain }: { domain: string }) {
  const roles = useTenancy((s) => s.roles);
  const reload = useTenancy((s) => s.reload);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const typed = name.trim();
  const inlineError = typed ? RoleName.safeParse(typed).error?.issues[0]?.message : undefined;

  async function add() {
    if (!typed || inlineError) return;
    setBusy(true);
    try {
      await invoke('role.add', { tenant: domain, name: typed });
      setName('');
      setError(null);
      await reload();
    } catch (err) {
      setError(errorMessage(err).replace(/^name: /, ''));
    } finally {
      setBusy(false);
    }
  }

  async function remove(role: string) {
    const ok = await confirmAction({
      title: `Remove the role ${role}?`,
      message: `Members lose the role ${role}; APIs restricted to it are no longer shown to them.`,
      confirmLabel: 'Remove role',
    });
    if (!ok) return;
    try {
      await invoke('role.remove', { tenant: domain, name: role });
      notifySuccess(`The role ${role} was removed.`);
      await reload();
    } catch (err) {
      notifyError(err, `Could not remove the role ${role}`);
    }
  }

  return (
    <Card withBorder data-testid="roles-panel">
      <Stack gap="sm">
        <Title order={5}>Roles · {roles.length}</Title>
        <form onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}>
          <Group align="flex-start" gap="xs">
            <TextInput size="sm" placeholder="partner" aria-label="New role name" value={name}
              style={{ flex: 1 }} error={inlineError ?? error}
              onChange={(e) => {
                setName(e.currentTarget.value);
                setError(null);
              }} data-testid="role-name" />
            <Button type="submit" variant="light" leftSection={<PlusIcon size={14} />}
              loading={busy} disabled={!typed || Boolean(inlineError)} data-testid="role-add">
              Add role
            </Button>
          </Group>
        </form>
        {roles.length === 0 && (
          <Text size="sm" c="dimmed">No roles yet. Add one to restrict APIs to a group.</Text>
        )}
        {roles.map((r) => (
          <Group key={r.name} justify="space-between" wrap="nowrap" data-testid="role-row">
            <Group gap="xs" wrap="nowrap">
              <Badge variant="light" color="violet" tt="none">{r.name}</Badge>
              <Text size="xs" c="dimmed">
                {plural(r.members, 'member')} · {plural(r.apis, 'restricted API')}
              </Text>
            </Group>
            <Tooltip label={`Remove ${r.name}`}>
              <ActionIcon variant="subtle" color="red" aria-label={`Remove role ${r.name}`}
                onClick={() => void remove(r.name)}>
                <TrashIcon size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
