import {
  Button, Group, Modal, MultiSelect, PasswordInput, Select, Stack, TextInput,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { GATEWAY_KINDS } from '../../../src-shared/model';
import { errorMessage, invoke } from '../lib/invoke';
import { notifySuccess } from '../lib/notify';
import { useWorkspace } from '../stores/workspace-store';

type Fields = 'name' | 'kind' | 'adminUrl' | 'listen' | 'environment' | 'tenants' | 'token';

// "adminUrl: must be an http(s) URL; listen: …" → one message per field.
function fieldErrors(message: string): { fields: Partial<Record<Fields, string>>; rest: string } {
  const fields: Partial<Record<Fields, string>> = {};
  const rest: string[] = [];
  for (const part of message.split('; ')) {
    const m = /^([A-Za-z]+)(?:\.\d+)?: (.*)$/.exec(part);
    const known = ['name', 'kind', 'adminUrl', 'listen', 'environment', 'tenants', 'token'];
    if (m && known.includes(m[1])) {
      fields[m[1] as Fields] ??= m[2];
    } else rest.push(part);
  }
  return { fields, rest: rest.join('; ') };
}

type Kind = (typeof GATEWAY_KINDS)[number];

const KIND_LABELS: Record<Kind, string> = { caddy: 'Caddy', kong: 'Kong' };
const DEFAULT_ADMIN: Record<Kind, string> = {
  caddy: 'http://127.0.0.1:2019',
  kong: 'http://127.0.0.1:8001',
};

export function AddGatewayModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const tenants = useWorkspace((s) => s.tenants);
  const refreshGateways = useWorkspace((s) => s.refreshGateways);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<(typeof GATEWAY_KINDS)[number]>('caddy');
  const [adminUrl, setAdminUrl] = useState('http://127.0.0.1:2019');
  const [listen, setListen] = useState(':8080');
  const [environment, setEnvironment] = useState('dev');
  const [served, setServed] = useState<string[]>([]);
  const [token, setToken] = useState('');
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
        // Kong routes by its own proxy listener, so only Caddy is told where to listen.
        ...(kind === 'caddy' && listen.trim() ? { listen: listen.trim() } : {}),
        ...(kind === 'kong' && token ? { token } : {}),
      });
      await refreshGateways();
      notifySuccess(`${gateway.name} (${gateway.environment}) was added.`, 'Gateway added');
      setName('');
      setServed([]);
      setToken('');
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
            <Select label="Kind" value={kind} allowDeselect={false} error={errors.kind}
              data={GATEWAY_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
              onChange={(v) => {
                if (!v) return;
                setKind(v as typeof kind);
                setAdminUrl((u) => (u === DEFAULT_ADMIN[kind] ? DEFAULT_ADMIN[v as Kind] : u));
              }} data-testid="gateway-kind" />
          </Group>
          <TextInput label="Admin URL" required value={adminUrl} error={errors.adminUrl}
            description={kind === 'kong'
              ? "Kong's Admin API, e.g. http://127.0.0.1:8001"
              : "Caddy's admin endpoint, e.g. http://127.0.0.1:2019"}
            onChange={(e) => setAdminUrl(e.currentTarget.value)} data-testid="gateway-admin" />
          <Group grow align="flex-start">
            {kind === 'caddy' ? (
              <TextInput label="Listen" placeholder="HOST:PORT or :PORT" value={listen}
                error={errors.listen} onChange={(e) => setListen(e.currentTarget.value)}
                data-testid="gateway-listen" />
            ) : (
              <PasswordInput label="Admin token" value={token} error={errors.token}
                description="Kong-Admin-Token; never shown again"
                autoComplete="off" onChange={(e) => setToken(e.currentTarget.value)}
                data-testid="gateway-token" />
            )}
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
