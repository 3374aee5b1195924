import { createInterface } from 'node:readline';
import { parseNote } from '@gongdan/text/note-parser';

/** `gongdan parse`: one note per stdin line → one JSON object per stdout line, in order. */
export async function runParse(): Promise<number> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    const p = parseNote(line);
    process.stdout.write(`${JSON.stringify({ faultType: p.faultType, cause: p.cause, actions: p.actions, result: p.result, parts: p.parts, errorCodes: p.errorCodes, confidence: p.confidence })}\n`);
  }
  return 0;
}
