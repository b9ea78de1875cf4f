// Move tenants between workspaces: export selected tenants, import a bundle file.
import {
  Alert, Button, Card, Checkbox, Code, Group, Select, SimpleGrid, Stack, Text, Title,
} from '@mantine/core';
import { useRef, useState, type DragEvent } from 'react';
import { downloadBase64, readAsBase64 } from '../lib/files';
import { errorMessage, invoke } from '../lib/invoke';
import { notifyError, notifySuccess } from '../lib/notify';
import { plural } from '../lib/plural';
import { useWorkspace } from '../stores/workspace-store';

type Conflict = 'fail' | 'replace' | 'rename';

function ExportCard() {
  const tenants = useWorkspace((s) => s.tenants);
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function exportBundle() {
    setBusy(true);
    try {
      const bundle = await invoke('bundle.export', { domains: selected });
      downloadBase64(bundle.fileName, bundle.dataBase64, 'application/zip');
      notifySuccess(`${bundle.fileName} was downloaded.`, 'Bundle exported');
    } catch (err) {
      notifyError(err, 'Could not export the bundle');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card withBorder padding="lg" data-testid="bundle-export">
      <Stack>
        <Title order={4}>Export</Title>
        <Text size="sm" c="dimmed">Pack tenants with their APIs, branding and tiers.</Text>
        <Checkbox.Group value={selected} onChange={setSelected}>
          <Stack gap={6}>
            {tenants.map((t) => (
              <Checkbox key={t.domain} value={t.domain}
                label={<>{t.name} <Text span c="dimmed" size="xs">{t.domain}</Text></>} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group>
          <Button variant="subtle" size="compact-sm"
            onClick={() => setSelected(tenants.map((t) => t.domain))}>Select all</Button>
          <Button onClick={exportBundle} loading={busy} disabled={selected.length === 0}
            data-testid="bundle-export-button">Export {selected.length || ''} tenant
            {selected.length === 1 ? '' : 's'}</Button>
        </Group>
      </Stack>
    </Card>
  );
}

function ImportCard() {
  const refresh = useWorkspace((s) => s.refresh);
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [onConflict, setOnConflict] = useState<Conflict>('fail');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  // A bundle dropped on the card is chosen as if picked: importing stays a separate click.
  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    const dropped = e.dataTransfer.files[0];
    if (!dropped) return;
    setFile(dropped);
    setError(dropped.name.endsWith('.zip') ? null : `${dropped.name} is not a .zip bundle`);
  }

  async function importBundle() {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const dataBase64 = await readAsBase64(file);
      const result = await invoke('bundle.import', { dataBase64, onConflict });
      const renamed = Object.entries(result.renamed).map(([from, to]) => `${from} as ${to}`);
      notifySuccess(`${result.tenants.join(', ')} with ${plural(result.apis, 'API')}` +
        (renamed.length ? ` (imported ${renamed.join(', ')})` : '') + '.', 'Bundle imported');
      setFile(null);
      await refresh();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card withBorder padding="lg" data-testid="bundle-import"
      className={dragging ? 'marquee-drop-target' : ''}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}>
      <Stack>
        <Title order={4}>Import</Title>
        <Text size="sm" c="dimmed">
          Add the tenants of a .marquee.zip bundle to this workspace: choose it, or drop it
          here.
        </Text>
        <input ref={input} type="file" accept=".zip" hidden data-testid="bundle-file-input"
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0] ?? null);
            setError(null);
            e.currentTarget.value = '';
          }} />
        <Group>
          <Button variant="default" onClick={() => input.current?.click()}>Choose bundle…</Button>
          {file && <Code>{file.name}</Code>}
        </Group>
        <Select label="When a tenant already exists" value={onConflict} allowDeselect={false}
          w={320} onChange={(v) => v && setOnConflict(v as Conflict)}
          data={[
            { value: 'fail', label: 'Stop and change nothing' },
            { value: 'replace', label: 'Replace the existing tenant' },
            { value: 'rename', label: 'Import under a new domain' },
          ]} data-testid="bundle-conflict" />
        {error && <Alert color="red" variant="light" data-testid="bundle-error">{error}</Alert>}
        <Group>
          <Button onClick={importBundle} loading={busy} disabled={!file || !!error}
            data-testid="bundle-import-button">Import bundle</Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function BundlesView() {
  return (
    <Stack gap="md" data-testid="bundles-view">
      <div>
        <Title order={2}>Bundles</Title>
        <Text c="dimmed" size="sm">
          Portable archives of tenants, with a manifest and checksums.
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, md: 2 }} maw={1100}>
        <ExportCard />
        <ImportCard />
      </SimpleGrid>
    </Stack>
  );
}
