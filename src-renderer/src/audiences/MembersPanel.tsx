// The members of a tenant and the roles each holds; roles are edited in place.
import {
  ActionIcon, Button, Card, Group, MultiSelect, Stack, Table, Text, TextInput, Title, Tooltip,
} from '@mantine/core';
import { useState } from 'react';
import { Username } from '../../../src-shared/tenancy';
import { errorMessage, invoke } from '../lib/invoke';
import { PlusIcon, TrashIcon } from '../lib/icons';
import { notifyError } from '../lib/notify';
import { confirmAction } from '../stores/confirm-store';
import { useTenancy } from '../stores/tenancy-store';

export function MembersPanel({ domain }: { domain: string }) {
  const roles = useTenancy((s) => s.roles);
  const members = useTenancy((s) => s.members);
  const reload = useTenancy((s) => s.reload);
  const [username, setUsername] = useState('');
  const [newRoles, setNewRoles] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const roleNames = roles.map((r) => r.name);

  const typed = username.trim();
  const inlineError = typed ? Username.safeParse(typed).error?.issues[0]?.message : undefined;

  async function add() {
    if (!typed || inlineError) return;
    try {
      await invoke('member.add', { tenant: domain, username: typed, roles: newRoles });
      setUsername('');
      setNewRoles([]);
      setError(null);
      await reload();
    } catch (err) {
      setError(errorMessage(err).replace(/^username: /, ''));
    }
  }

  async function setRoles(member: string, next: string[]) {
    try {
      await invoke('member.set', { tenant: domain, username: member, roles: next });
      await reload();
    } catch (err) {
      notifyError(err, `Could not change the roles of ${member}`);
    }
  }

  async function remove(member: string) {
    const ok = await confirmAction({
      title: `Remove ${member}?`,
      message: `${member} is no longer a member of ${domain}.`,
      confirmLabel: 'Remove member',
    });
    if (!ok) return;
    try {
      await invoke('member.remove', { tenant: domain, username: member });
      await reload();
    } catch (err) {
      notifyError(err, `Could not remove ${member}`);
    }
  }

  return (
    <Card withBorder data-testid="members-panel">
      <Stack gap="sm">
        <Title order={5}>Members · {members.length}</Title>
        <form onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}>
          <Group align="flex-start" gap="xs" wrap="nowrap">
            <TextInput placeholder="ada@acme.com" aria-label="New member username"
              value={username} error={inlineError ?? error} style={{ flex: 1 }}
              onChange={(e) => {
                setUsername(e.currentTarget.value);
                setError(null);
              }} data-testid="member-username" />
            <MultiSelect data={roleNames} value={newRoles} onChange={setNewRoles} w={180}
              placeholder={newRoles.length ? undefined : 'Roles'} aria-label="Roles"
              data-testid="member-roles" />
            <Button type="submit" variant="light" leftSection={<PlusIcon size={14} />}
              disabled={!typed || Boolean(inlineError)} data-testid="member-add">Add</Button>
          </Group>
        </form>
        {members.length === 0 ? (
          <Text size="sm" c="dimmed">No members yet.</Text>
        ) : (
          <Table verticalSpacing={4}>
            <Table.Tbody>
              {members.map((m) => (
                <Table.Tr key={m.username} data-testid="member-row">
                  <Table.Td><Text size="sm" ff="monospace">{m.username}</Text></Table.Td>
                  <Table.Td>
                    <MultiSelect size="xs" data={roleNames} value={m.roles}
                      aria-label={`Roles of ${m.username}`}
                      placeholder={m.roles.length ? undefined : 'no roles'}
                      onChange={(v) => void setRoles(m.username, v)} />
                  </Table.Td>
                  <Table.Td w={40}>
                    <Tooltip label={`Remove ${m.username}`}>
                      <ActionIcon variant="subtle" color="red"
                        aria-label={`Remove member ${m.username}`}
                        onClick={() => void remove(m.username)}>
                        <TrashIcon size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
