/**
 * JSON-lines front end to the grey-rock analyzer for other tools: `npm run -s tone < drafts.jsonl`.
 * A tool beside the product, not part of it: it uses `@parallel/domain` as any client does.
 *
 * Reads `{"id": "...", "text": "..."}` per line on standard input and writes exactly one line
 * per input on standard output: `{"id", "greyRock", "nudges": [{kind, message, start, end}]}`.
 * A line that cannot be read still gets one output line, `{"id", "error"}`, so that outputs
 * stay aligned with inputs; the reason also goes to standard error. Blank lines are skipped.
 * With `--explain`, each nudge also carries its `span` (the words it covers) and each line a
 * `model` field: per kind, the learned component's probability and the n-grams that weigh most.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { analyzeDraft, explainModel } from '@parallel/domain';

/** The output line for one input line. */
export function analyzeJsonLine(line: string, explain = false): { output: string; error?: string } {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return failure(null, 'input is not valid JSON');
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return failure(null, 'input is not a JSON object');
  }
  const { id = null, text } = input as { id?: unknown; text?: unknown };
  if (typeof text !== 'string') return failure(id, 'field "text" must be a string');
  const analysis = analyzeDraft(text);
  const nudges = analysis.nudges.map(({ kind, message, start, end }) => ({
    kind,
    message,
    start,
    end,
    ...(explain ? { span: text.slice(start, end) } : {}),
  }));
  if (!explain) return { output: JSON.stringify({ id, greyRock: analysis.greyRock, nudges }) };
  // --explain: each nudge's words, and the learned component's probability and heaviest n-grams per kind
  const model = explainModel(text).filter((entry) => entry.kind !== 'nudge');
  return { output: JSON.stringify({ id, greyRock: analysis.greyRock, nudges, model }) };
}

function failure(id: unknown, error: string): { output: string; error: string } {
  return { output: JSON.stringify({ id, error }), error };
}

/**
 * Reads JSON lines from `input` until it ends, answering each on `output`; returns the exit
 * code: 0 when every line was read, 1 when some could not be.
 */
export async function runToneCli(input: Readable, output: Writable, errors: Writable, explain = false): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  let failed = false;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    const { output: answer, error } = analyzeJsonLine(line, explain);
    if (error) {
      failed = true;
      errors.write(`tone: line ${lineNumber}: ${error}\n`);
    }
    if (!output.write(`${answer}\n`)) {
      await new Promise<void>((resolve) => output.once('drain', resolve));
    }
  }
  return failed ? 1 : 0;
}

if (require.main === module) {
  runToneCli(process.stdin, process.stdout, process.stderr, process.argv.includes('--explain')).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`tone: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
