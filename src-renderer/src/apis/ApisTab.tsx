// A tenant's APIs: search, the table, import by picker or drop, and the edit drawer.
import { Box, Button, Center, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type DragEvent } from 'react';
import { SearchIcon, UploadIcon } from '../lib/icons';
import { plural } from '../lib/plural';
import { notifySuccess } from '../lib/notify';
import { useApis } from '../stores/apis-store';
import { useNav } from '../stores/nav-store';
import { useWorkspace } from '../stores/workspace-store';
import { ApiDrawer } from './ApiDrawer';
import { ApiTable } from './ApiTable';
import { ImportDialog, type ImportState } from './ImportDialog';

function hasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer.types).includes('Files');
}

export function ApisTab({ domain }: { domain: string }) {
  const { apis, loading, load, upsert, remove } = useApis();
  const refreshTenants = useWorkspace((s) => s.refreshTenants);
  const pendingApiId = useNav((s) => s.pendingApiId);
  const pendingImport = useNav((s) => s.pendingImport);
  const clearPending = useNav((s) => s.clearPending);
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const [importState, setImportState] = useState<ImportState>({ opened: false, file: null });
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    void load(domain);
  }, [domain, load]);

  useEffect(() => {
    if (pendingApiId) setOpenId(pendingApiId);
    if (pendingImport) setImportState({ opened: true, file: null });
    if (pendingApiId || pendingImport) clearPending();
  }, [pendingApiId, pendingImport, clearPending]);

  function onDrop(e: DragEvent) {
    if (!hasFiles(e)) return;
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) setImportState({ opened: true, file });
  }

  return (
    <Box pos="relative" data-testid="apis-tab" className={dragging ? 'marquee-drop-target' : ''}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}>
      <Stack gap="sm" p={dragging ? 'xs' : 0}>
        <Group justify="space-between">
          <TextInput placeholder="Search name, context, tag, tier…" leftSection={<SearchIcon />}
            value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={340}
            aria-label="Search APIs" data-testid="api-search" />
          <Group gap="xs">
            <Text size="xs" c="dimmed">or drop a .json / .yaml file here</Text>
            <Button leftSection={<UploadIcon size={16} />} data-testid="import-button"
              onClick={() => setImportState({ opened: true, file: null })}>
              Import definition
            </Button>
          </Group>
        </Group>
        {loading && apis.length === 0 ? (
          <Center p="xl"><Loader /></Center>
        ) : apis.length === 0 ? (
          <Center p={48}>
            <Stack align="center" gap={4}>
              <Text fw={600}>No APIs yet</Text>
              <Text size="sm" c="dimmed">Import an OpenAPI definition to add the first one.</Text>
            </Stack>
          </Center>
        ) : (
          <ApiTable apis={apis} query={query} onOpen={(a) => setOpenId(a.id)} />
        )}
      </Stack>
      <ImportDialog domain={domain} state={importState}
        onClose={() => setImportState({ opened: false, file: null })}
        onImported={(api) => {
          upsert(api);
          setImportState({ opened: false, file: null });
          const operations = plural(api.operationCount, 'operation');
          notifySuccess(`${api.name} ${api.version} with ${operations}.`, 'Definition imported');
          void refreshTenants();
        }} />
      <ApiDrawer apiId={openId} domain={domain} onClose={() => setOpenId(null)}
        onSaved={upsert}
        onDeleted={(id) => {
          remove(id);
          setOpenId(null);
          void refreshTenants();
        }} />
    </Box>
  );
}
