// Add an application; the answer carries its first key, handed straight to the caller.
import { Alert, Button, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ApplicationName, type IssuedKey } from '../../../src-shared/tenancy';
import { fieldErrors } from '../lib/field-errors';
import { errorMessage, invoke } from '../lib/invoke';

type Field = 'name' | 'description' | 'owner';

export function NewApplicationModal({ domain, members, opened, onClose, onIssued }: {
  domain: string;
  members: string[];
  opened: boolean;
  onClose(): void;
  onIssued(issued: IssuedKey): void;
}) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState<string | null>(null);
  const [server, setServer] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setName('');
    setDescription('');
    setOwner(null);
    setServer({});
    setGeneral(null);
  }, [opened]);

  const nameError = name.trim()
    ? ApplicationName.safeParse(name).error?.issues[0]?.message
    : undefined;

  async function submit() {
    if (!name.trim() || nameError) return;
    setBusy(true);
    try {
      const issued = await invoke('application.add', {
        tenant: domain, name, description, ...(owner ? { owner } : {}),
      });
      onIssued(issued);
    } catch (err) {
      const split = fieldErrors(errorMessage(err), '', ['name', 'description', 'owner'] as const);
      setServer(split.fields);
      setGeneral(split.rest);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} centered title="New application">
      <form onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }} data-testid="application-form">
        <Stack gap="sm">
          {general && <Alert color="red" variant="light">{general}</Alert>}
          <TextInput label="Name" required data-autofocus placeholder="Mobile checkout"
            value={name} error={nameError ?? server.name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setServer({});
            }} data-testid="application-name" />
          <Select label="Owner" clearable data={members} value={owner} onChange={setOwner}
            description="A member of the tenant; their roles decide what it may subscribe to"
            placeholder={members.length ? 'No owner (a plain member)' : 'No members yet'}
            error={server.owner} data-testid="application-owner" />
          <Textarea label="Description" autosize minRows={2} value={description}
            error={server.description}
            onChange={(e) => setDescription(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={busy} disabled={!name.trim() || Boolean(nameError)}
              data-testid="application-submit">Create and show key</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
