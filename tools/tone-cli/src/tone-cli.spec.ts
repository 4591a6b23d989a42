import { PassThrough, Readable } from 'node:stream';
import { analyzeJsonLine, runToneCli } from './tone-cli';

describe('tone command, one line', () => {
  it('answers with id, greyRock and nudges (kind, message, start, end only)', () => {
    const { output, error } = analyzeJsonLine(JSON.stringify({ id: 'm1', text: 'You idiot. Pickup at 5.' }));
    expect(error).toBeUndefined();
    const answer = JSON.parse(output) as { id: string; greyRock: boolean; nudges: Record<string, unknown>[] };
    expect(answer.id).toBe('m1');
    expect(answer.greyRock).toBe(false);
    // The insult is nudged where it stands; every nudge says only its kind, message and span.
    expect(answer.nudges).toContainEqual({ kind: 'hostile', message: expect.any(String), start: 0, end: 9 });
    for (const nudge of answer.nudges) expect(Object.keys(nudge).sort()).toEqual(['end', 'kind', 'message', 'start']);
    expect(output).not.toContain('\n');
  });

  it('passes a grey-rock message through as greyRock with no nudges', () => {
    expect(JSON.parse(analyzeJsonLine('{"id": "m2", "text": "Noted."}').output)).toEqual({
      id: 'm2',
      greyRock: true,
      nudges: [],
    });
  });

  it('keeps one output line per input line when an input cannot be read', () => {
    expect(analyzeJsonLine('not json')).toEqual({
      output: '{"id":null,"error":"input is not valid JSON"}',
      error: 'input is not valid JSON',
    });
    expect(JSON.parse(analyzeJsonLine('{"id": 7}').output)).toEqual({ id: 7, error: 'field "text" must be a string' });
    expect(JSON.parse(analyzeJsonLine('[1, 2]').output)).toEqual({ id: null, error: 'input is not a JSON object' });
  });
});

describe('tone command, a whole input', () => {
  async function run(input: string): Promise<{ code: number; output: string; errors: string }> {
    const output = new PassThrough();
    const errors = new PassThrough();
    const chunks = { output: '', errors: '' };
    output.on('data', (chunk: Buffer) => (chunks.output += chunk.toString('utf8')));
    errors.on('data', (chunk: Buffer) => (chunks.errors += chunk.toString('utf8')));
    const code = await runToneCli(Readable.from([input]), output, errors);
    return { code, ...chunks };
  }

  it('answers every line in order, skips blank lines and exits 0', async () => {
    const { code, output, errors } = await run('{"id":"a","text":"Noted."}\r\n\n{"id":"b","text":"You idiot."}\n');
    expect(code).toBe(0);
    expect(errors).toBe('');
    const answers = output.trimEnd().split('\n').map((line) => JSON.parse(line) as { id: string; greyRock: boolean });
    expect(answers.map(({ id, greyRock }) => [id, greyRock])).toEqual([
      ['a', true],
      ['b', false],
    ]);
  });

  it('names an unreadable line on standard error, keeps the outputs aligned and exits 1', async () => {
    const { code, output, errors } = await run('{"id":"a","text":"Noted."}\nnot json\n{"id":"c","text":"Ok."}');
    expect(code).toBe(1);
    expect(errors).toBe('tone: line 2: input is not valid JSON\n');
    expect(output.trimEnd().split('\n').map((line) => (JSON.parse(line) as { id: unknown }).id)).toEqual(['a', null, 'c']);
  });
});

describe('--explain', () => {
  it('adds each nudge span and the model view per kind', () => {
    const { output } = analyzeJsonLine(JSON.stringify({ id: 'x', text: 'You are useless. Reply asap.' }), true);
    const parsed = JSON.parse(output) as { nudges: { span: string }[]; model: { kind: string; probability: number }[] };
    expect(parsed.nudges.length).toBeGreaterThan(0);
    for (const nudge of parsed.nudges) expect(typeof nudge.span).toBe('string');
    expect(parsed.model.map((m) => m.kind)).toContain('hostile');
  });
});
