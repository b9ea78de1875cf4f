// Subscribe one application to an API at one of the tiers that API offers. The list holds
// only APIs the application may subscribe to; the core decides again and says why not.
import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { ApiSummary } from '../../../src-shared/model';
import type { AccessMatrix, Application } from '../../../src-shared/tenancy';
import { errorMessage, invoke } from '../lib/invoke';

type Candidate = { id: string; label: string; tiers: string[] };

// Own-tenant APIs come from the access matrix: the application acts for its owner, so it may
// subscribe where the owner's roles (or a plain member) may.
function ownCandidates(matrix: AccessMatrix, audiences: string[]): string[] {
  return matrix.apis
    .filter((api) => api.cells.some((c) => audiences.includes(c.audience) && c.canSubscribe))
    .map((api) => api.id);
}

// Another tenant's API is offered here only when published, public and available to this
// tenant; this narrows the list, and the core's answer stays the final word.
function offeredAcross(api: ApiSummary, domain: string): boolean {
  if (api.tenant === domain || api.lifecycle !== 'published') return false;
  if (api.visibility !== 'public' || api.tiers.length === 0) return false;
  return api.subscriptionAvailability === 'all-tenants' ||
    (api.subscriptionAvailability === 'specific-tenants' && api.availableTenants.includes(domain));
}

export function SubscribeModal({ app, ownerRoles, subscribed, opened, onClose, onDone }: {
  app: Application;
  ownerRoles: string[];
  // API ids the application is already subscribed to.
  subscribed: string[];
  opened: boolean;
  onClose(): void;
  onDone(): void;
}) {
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const [apiId, setApiId] = useState<string | null>(null);
  const [tier, setTier] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setApiId(null);
    setTier(null);
    setError(null);
    setCandidates(null);
    let live = true;
    Promise.all([invoke('access.matrix', { tenant: app.tenant }), invoke('api.list', {})])
      .then(([matrix, apis]) => {
        if (!live) return;
        const own = new Set(ownCandidates(matrix,
          ['member', ...ownerRoles.map((r) => `role:${r}`)]));
        setCandidates(apis
          .filter((a) => own.has(a.id) || offeredAcross(a, app.tenant))
          .filter((a) => !subscribed.includes(a.id))
          .map((a) => ({
            id: a.id,
            label: a.tenant === app.tenant
              ? `${a.name} ${a.version}`
              : `${a.name} ${a.version} — ${a.tenant}`,
            tiers: a.tiers,
          })));
      })
      .catch((err) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [opened, app.tenant, ownerRoles, subscribed]);

  const chosen = useMemo(() => candidates?.find((c) => c.id === apiId) ?? null,
    [candidates, apiId]);

  async function submit() {
    if (!apiId || !tier) return;
    setBusy(true);
    try {
      await invoke('subscription.add', { tenant: app.tenant, application: app.name, apiId, tier });
      onDone();
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} centered title={`Subscribe ${app.name}`}>
      <form onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }} data-testid="subscribe-form">
        <Stack gap="sm">
          {error && <Alert color="red" variant="light" data-testid="subscribe-error">
            {error}</Alert>}
          {candidates && candidates.length === 0 && (
            <Text size="sm" c="dimmed">
              No API is open to a subscription from {app.name}: APIs must be published, offer
              a tier and be visible to {app.owner ? `${app.owner}'s roles` : 'a member'}.
            </Text>
          )}
          <Select label="API" searchable data={(candidates ?? []).map((c) => ({
            value: c.id, label: c.label }))} value={apiId} disabled={!candidates?.length}
            placeholder={candidates ? 'Pick an API' : 'Loading…'}
            onChange={(v) => {
              setApiId(v);
              setTier(null);
              setError(null);
            }} data-testid="subscribe-api" />
          <Select label="Tier" data={chosen?.tiers ?? []} value={tier} onChange={setTier}
            disabled={!chosen} placeholder={chosen ? 'Pick a tier' : 'Pick an API first'}
            data-testid="subscribe-tier" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={busy} disabled={!apiId || !tier}
              data-testid="subscribe-submit">Subscribe</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
