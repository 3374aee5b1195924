type Content = Record<string, unknown>;
interface Responses { [status: string]: { content?: Content } | undefined }
type PathItem = Record<string, { responses?: Responses } | unknown>;

/**
 * The generated document lists every response as application/json; errors are actually sent as
 * RFC 9457 application/problem+json, so client generators and validators must be told that.
 * Returns a copy with 4xx/5xx media types corrected.
 */
export function withProblemMediaType<T extends { paths?: Record<string, PathItem> }>(doc: T): T {
  const copy = structuredClone(doc);
  for (const item of Object.values(copy.paths ?? {})) {
    for (const op of Object.values(item)) {
      const responses = (op as { responses?: Responses } | null)?.responses;
      if (!responses) continue;
      for (const [status, response] of Object.entries(responses)) {
        if (!/^[45]\d\d$/.test(status) || !response?.content?.['application/json']) continue;
        const { 'application/json': json, ...rest } = response.content;
        response.content = { 'application/problem+json': json, ...rest };
      }
    }
  }
  return copy;
}
