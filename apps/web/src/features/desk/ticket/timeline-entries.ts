/**
 * One chronological list from the audit chain (status changes, field edits, files) and the
 * comments. A comment appears once: the audit record of its creation is shown as the comment.
 */
import type { AuditRecord, Comment } from '../../../lib/api-types.ts';

export type TimelineEntry =
  | { kind: 'comment'; at: string; comment: Comment; audit: AuditRecord | null }
  | { kind: 'audit'; at: string; audit: AuditRecord };

const commentIdOf = (r: AuditRecord): string | null => {
  const after = r.after as { commentId?: unknown } | null;
  return r.action === 'comment.added' && after && typeof after.commentId === 'string' ? after.commentId : null;
};

export function mergeTimeline(audit: AuditRecord[] | undefined, comments: Comment[] | undefined): TimelineEntry[] {
  const byComment = new Map<string, AuditRecord>();
  const entries: TimelineEntry[] = [];
  for (const r of audit ?? []) {
    const cid = commentIdOf(r);
    if (cid) byComment.set(cid, r);
    else entries.push({ kind: 'audit', at: r.at, audit: r });
  }
  for (const c of comments ?? []) entries.push({ kind: 'comment', at: c.createdAt, comment: c, audit: byComment.get(c.id) ?? null });
  return entries.sort((a, b) => a.at.localeCompare(b.at) || (a.kind === 'audit' ? a.audit.seq : 0) - (b.kind === 'audit' ? b.audit.seq : 0));
}

/** Field → [before, after] pairs of an audit record, for "before → after". */
export function changedFields(r: AuditRecord): [string, unknown, unknown][] {
  const before = (r.before ?? {}) as Record<string, unknown>;
  const after = (r.after ?? {}) as Record<string, unknown>;
  if (r.action !== 'ticket.updated' && r.action !== 'ticket.transitioned') return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  keys.delete('transition');
  // An empty object or list is "nothing" too: {} after null is not a change worth a line.
  const norm = (v: unknown) => (v === undefined || (typeof v === 'object' && v !== null && Object.keys(v).length === 0) ? null : v);
  return [...keys].filter((k) => JSON.stringify(norm(before[k])) !== JSON.stringify(norm(after[k]))).map((k) => [k, before[k], after[k]]);
}
