import { Button, Group, Modal, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { GATEWAY_KINDS } from '../../../src-shared/model';
import { errorMessage, invoke } from '../lib/invoke';
import { notifySuccess } from '../lib/notify';
import { useWorkspace } from '../stores/workspace-store';

type Fields = 'name' | 'kind' | 'adminUrl' | 'listen' | 'environment' | 'tenants';

// "adminUrl: must be an http(s) URL; listen: …" → one message per field.
function fieldErrors(message: string): { fields: Partial<Record<Fields, string>>; rest: string } {
  const fields: Partial<Record<Fields, string>> = {};
  const rest: string[] = [];
  for (const part of message.split('; ')) {
    const m = /^([A-Za-z]+)(?:\.\d+)?: (.*)$/.exec(part);
    if (m && ['name', 'kind', 'adminUrl', 'listen', 'environment', 'tenants'].includes(m[1])) {
      fields[m[1] as Fields] ??= m[2];
    } else rest.push(part);
  }
  return { fields, rest: rest.join('; ') };
}

export function AddGatewayModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const tenants = useWorkspace((s) => s.tenants);
  const refreshGateways = useWorkspace((s) => s.refreshGateways);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<(typeof GATEWAY_KINDS)[number]>('caddy');
  const [adminUrl, setAdminUrl] = useState('http://127.0.0.1:2019');
  const [listen, setListen] = useState(':8080');
  const [environment, setEnvironment] = useState('dev');
  const [served, setServed] = useState<string[]>([]);
  const [errors, setErrors] = useState<Partial<Record<Fields, string>>>({});
  const [general, setGeneral] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setErrors({});
    setGeneral('');
  }, [opened]);

  async function submit() {
    setBusy(true);
    setErrors({});
    setGeneral('');
    try {
      const gateway = await invoke('gateway.add', {
        name, kind, adminUrl, environment, tenants: served,
        ...(listen.trim() ? { listen: listen.trim() } : {}),
      });
      await refreshGateways();
      notifySuccess(`${gateway.name} (${gateway.environment}) was added.`, 'Gateway added');
      setName('');
      setServed([]);
      onClose();
    } catch (err) {
      const { fields, rest } = fieldErrors(errorMessage(err));
      setErrors(fields);
      setGeneral(rest);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title="Add gateway" centered size="lg">
      <form onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }} data-testid="add-gateway-form">
        <Stack>
          <Group grow align="flex-start">
            <TextInput label="Name" placeholder="edge-dev" required value={name} data-autofocus
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name || general || null}
              data-testid="gateway-name" />
            <Select label="Kind" data={[...GATEWAY_KINDS]} value={kind} allowDeselect={false}
              onChange={(v) => v && setKind(v as typeof kind)} error={errors.kind} />
          </Group>
          <TextInput label="Admin URL" required value={adminUrl} error={errors.adminUrl}
            description="The gateway's admin API, e.g. Caddy's admin endpoint"
            onChange={(e) => setAdminUrl(e.currentTarget.value)} data-testid="gateway-admin" />
          <Group grow align="flex-start">
            <TextInput label="Listen" placeholder="HOST:PORT or :PORT" value={listen}
              error={errors.listen} onChange={(e) => setListen(e.currentTarget.value)}
              data-testid="gateway-listen" />
            <TextInput label="Environment" placeholder="dev, staging, prod" value={environment}
              error={errors.environment} onChange={(e) => setEnvironment(e.currentTarget.value)}
              data-testid="gateway-environment" />
          </Group>
          <MultiSelect label="Tenants it serves" searchable value={served} onChange={setServed}
            data={tenants.map((t) => ({ value: t.domain, label: `${t.name} — ${t.domain}` }))}
            error={errors.tenants} placeholder={served.length ? undefined : 'Pick tenants'}
            data-testid="gateway-tenants" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={busy} data-testid="gateway-submit">Add gateway</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
