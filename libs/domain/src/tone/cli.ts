/**
 * JSON-lines front end for other tools: `npm run -s tone < drafts.jsonl`.
 *
 * Reads `{"id": "...", "text": "..."}` per line on standard input and writes exactly one line
 * per input on standard output: `{"id", "greyRock", "nudges": [{kind, message, start, end}]}`.
 * A line that cannot be read still gets one output line, `{"id", "error"}`, so that outputs
 * stay aligned with inputs; the reason also goes to standard error. Blank lines are skipped.
 */
import { createInterface } from 'node:readline';
import { analyzeDraft } from './analyze-draft';

/** The output line for one input line. */
export function analyzeJsonLine(line: string): { output: string; error?: string } {
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
  const nudges = analysis.nudges.map(({ kind, message, start, end }) => ({ kind, message, start, end }));
  return { output: JSON.stringify({ id, greyRock: analysis.greyRock, nudges }) };
}

function failure(id: unknown, error: string): { output: string; error: string } {
  return { output: JSON.stringify({ id, error }), error };
}

async function main(): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNumber = 0;
  let failed = false;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    const { output, error } = analyzeJsonLine(line);
    if (error) {
      failed = true;
      process.stderr.write(`tone: line ${lineNumber}: ${error}\n`);
    }
    if (!process.stdout.write(`${output}\n`)) {
      await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
    }
  }
  if (failed) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`tone: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
}
