// Import an OpenAPI definition into a tenant. A refused file shows the core's message (which
// names the file and line) here, and nothing in the workspace changes.
import { Alert, Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { ApiDetail } from '../../../src-shared/model';
import { isDefinitionFile, readAsText } from '../lib/files';
import { errorMessage, invoke } from '../lib/invoke';
import { UploadIcon } from '../lib/icons';

export type ImportState = { opened: boolean; file: File | null };

export function ImportDialog({ domain, state, onClose, onImported }: {
  domain: string;
  state: ImportState;
  onClose(): void;
  onImported(api: ApiDetail): void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);

  async function importFile(file: File) {
    setFileName(file.name);
    setError(null);
    if (!isDefinitionFile(file.name)) {
      setError(`${file.name}: choose a .json, .yaml or .yml OpenAPI definition`);
      return;
    }
    setBusy(true);
    try {
      const content = await readAsText(file);
      const api = await invoke('api.import', { tenant: domain, fileName: file.name, content });
      onImported(api);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    if (!state.opened) return;
    setError(null);
    setFileName(null);
    if (state.file) void importFile(state.file);
    // Only a new request (open or a dropped file) starts an import.
  }, [state]);

  return (
    <Modal opened={state.opened} onClose={onClose} title="Import definition" centered size="lg">
      <Stack data-testid="import-dialog">
        <Text size="sm" c="dimmed">
          Pick an OpenAPI 3 or Swagger 2 file (.json, .yaml, .yml), or drop one onto the APIs
          tab. The API is added to <b>{domain}</b>.
        </Text>
        <input ref={input} type="file" accept=".json,.yaml,.yml" hidden
          data-testid="import-file-input" onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void importFile(file);
          }} />
        <Group>
          <Button leftSection={<UploadIcon size={16} />} loading={busy}
            onClick={() => input.current?.click()} data-testid="import-choose">
            Choose file…
          </Button>
          {fileName && <Code>{fileName}</Code>}
        </Group>
        {error && (
          <Alert color="red" variant="light" title="The definition was not imported"
            data-testid="import-error">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {error}
            </Text>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Close</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
