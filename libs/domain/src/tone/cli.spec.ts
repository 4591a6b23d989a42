import { analyzeJsonLine } from './cli';

describe('tone command, one line', () => {
  it('answers with id, greyRock and nudges (kind, message, start, end only)', () => {
    const { output, error } = analyzeJsonLine(JSON.stringify({ id: 'm1', text: 'You idiot. Pickup at 5.' }));
    expect(error).toBeUndefined();
    const answer = JSON.parse(output) as { id: string; greyRock: boolean; nudges: Record<string, unknown>[] };
    expect(answer.id).toBe('m1');
    expect(answer.greyRock).toBe(false);
    expect(answer.nudges).toEqual([{ kind: 'hostile', message: expect.any(String), start: 0, end: 9 }]);
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
