// Reading an OpenAPI definition as a person wrote it: JSON or YAML, Swagger 2.0, OpenAPI 3.0
// and 3.1. The text is kept exactly as imported; everything else is derived from it. Errors
// name the file and, where the text allows, the line.
import { validate } from '@scalar/openapi-parser';
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import { MarqueeError } from '../errors.js';

export type ParsedDefinition = {
  format: 'json' | 'yaml';
  openapiVersion: string;
  document: Record<string, unknown>;
};

export type DefinitionProblem = { message: string; pointer: string | null; line: number | null };

function invalid(file: string, problems: DefinitionProblem[]): MarqueeError {
  const first = problems[0];
  const where = first.line ? `${file}:${first.line}` : file;
  const at = first.pointer ? ` at ${first.pointer}` : '';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : '';
  return new MarqueeError(
    'invalid_definition',
    `${where}: ${first.message}${at}${more}`,
    { file, problems: problems.slice(0, 50) },
  );
}

function parseText(file: string, text: string): { format: 'json' | 'yaml'; value: unknown } {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();

  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return { format: 'json', value: JSON.parse(trimmed) };
    } catch (err) {
      const message = (err as Error).message;
      const pos = /position (\d+)/.exec(message);
      const line = pos ? trimmed.slice(0, Number(pos[1])).split('\n').length : null;
      throw invalid(file, [{ message: `not valid JSON: ${message}`, pointer: null, line }]);
    }
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(trimmed, { lineCounter, uniqueKeys: false });
  if (doc.errors.length > 0) {
    throw invalid(
      file,
      doc.errors.map((e) => ({
        message: `not valid YAML: ${e.message.split('\n')[0]}`,
        pointer: null,
        line: e.linePos?.[0]?.line ?? null,
      })),
    );
  }
  return { format: 'yaml', value: doc.toJS({ maxAliasCount: 1000 }) };
}

// Finds the line of a JSON pointer in the text. Only on the error path, so its cost (a YAML
// parse of the whole file, which also reads JSON) is paid when a person needs the answer.
export function lineOfPointer(text: string, pointer: string): number | null {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  let node: Node | null = doc.contents as Node | null;
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));

  let lastRange = node?.range ?? null;
  for (const part of parts) {
    if (isMap(node)) {
      const pair = node.items.find((it) => String((it.key as { value?: unknown })?.value) === part);
      if (!pair) break;
      lastRange = (pair.key as Node).range ?? lastRange;
      node = pair.value as Node | null;
    } else if (isSeq(node)) {
      node = (node.items[Number(part)] as Node) ?? null;
      if (!node) break;
      lastRange = node.range ?? lastRange;
    } else {
      break;
    }
  }
  return lastRange ? lineCounter.linePos(lastRange[0]).line : null;
}

// Hostile or absurd input (alias bombs, thousands of nesting levels, endless $ref chains)
// makes the parsers give up with errors of their own; say which file and why instead.
function tooComplex(file: string, err: unknown): MarqueeError | null {
  const message = (err as Error)?.message ?? '';
  if (err instanceof RangeError || /call stack/i.test(message)) {
    return invalid(file, [{ message: 'nested too deeply to read (over the parser\'s depth limit)',
      pointer: null, line: null }]);
  }
  if (/alias/i.test(message)) {
    return invalid(file, [{ message: `too many YAML aliases: ${message}`, pointer: null,
      line: null }]);
  }
  return null;
}

export async function parseDefinition(file: string, text: string): Promise<ParsedDefinition> {
  try {
    return await parseChecked(file, text);
  } catch (err) {
    if (err instanceof MarqueeError) throw err;
    throw tooComplex(file, err) ?? err;
  }
}

async function parseChecked(file: string, text: string): Promise<ParsedDefinition> {
  const { format, value } = parseText(file, text);

  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw invalid(file, [{ message: 'expected an OpenAPI object', pointer: null, line: 1 }]);
  }
  const obj = value as Record<string, unknown>;
  const declared = (obj.openapi ?? obj.swagger) as unknown;
  if (typeof declared !== 'string' || !/^(2\.0|3\.[01]\.\d+)$/.test(declared)) {
    throw invalid(file, [
      {
        message:
          'not an OpenAPI 3.0, 3.1 or Swagger 2.0 definition ' +
          `(openapi/swagger field is ${JSON.stringify(declared ?? null)})`,
        pointer: null,
        line: 1,
      },
    ]);
  }

  const result = await validate(obj);
  if (!result.valid) {
    const problems = result.errors.map((e) => {
      const pointer = Array.isArray(e.path) ? '/' + e.path.join('/') : (e.path ?? null);
      return { message: e.message, pointer: pointer || null, line: null as number | null };
    });
    if (problems.length === 0) {
      problems.push({ message: 'the definition is not valid', pointer: null, line: null });
    }
    if (problems[0].pointer) problems[0].line = lineOfPointer(text, problems[0].pointer);
    throw invalid(file, problems);
  }

  return { format, openapiVersion: declared, document: obj };
}
