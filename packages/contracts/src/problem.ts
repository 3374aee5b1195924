import { z } from 'zod';

/** Every error code the API can answer with. The server maps each domain failure to one of these. */
export const ERROR_CODES = [
  'validation_failed', 'malformed_json', 'payload_too_large', 'unsupported_media_type', 'not_found', 'unauthenticated',
  'forbidden', 'csrf_failed', 'invalid_credentials', 'account_locked', 'rate_limited', 'transition_not_allowed',
  'transition_role_forbidden', 'transition_guard_failed', 'reason_required', 'fields_required', 'version_conflict',
  'idempotency_mismatch', 'idempotency_in_flight', 'conflict', 'unknown_state', 'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const FieldIssueSchema = z.object({
  field: z.string().describe('Dotted path of the offending field, e.g. "contactPhone" or "location.lat"'),
  message: z.string(),
  hint: z.string().optional(),
  example: z.string().optional(),
});
export type FieldIssue = z.infer<typeof FieldIssueSchema>;

/** RFC 9457 problem details with our `code` and per-field issues. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(ERROR_CODES),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(FieldIssueSchema).optional(),
    allowed: z.array(z.string()).optional().describe('For transition errors: the states the caller may move to'),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof ProblemSchema>;
