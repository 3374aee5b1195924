/**
 * Conflict rules for changes the field app replays after being offline. Each change carries
 * the order version (audit position) it was made against; when the ticket moved on meanwhile,
 * the server looks at what changed in between and decides: apply (nothing conflicting) or refuse
 * with a plain-Chinese explanation. Never a silent overwrite. Pure.
 */
import type { StateCategory } from '../ticket/workflow-definition.ts';

export type SyncChangeKind = 'transition' | 'comment' | 'attachment' | 'check_in' | 'reservation' | 'device';

export interface IncomingChange {
  kind: SyncChangeKind;
  /** What the engineer did, as they saw it: 开始处理, 解决, 预留备件 … */
  label: string;
  /** Ticket fields the change writes (transition fields, resolution …). */
  fields: string[];
  actorId: string;
  /** For transitions: whether the workflow still allows it from the current status. */
  stillAllowed?: boolean;
}

/** One audit record written after the version the change was based on. */
export interface InterveningChange {
  action: string;
  actorId: string | null;
  actorName: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface CurrentTicketState {
  status: string;
  statusLabel: string;
  statusCategory: StateCategory;
  assigneeId: string | null;
  assigneeName: string | null;
}

export type ConflictKind = 'reassigned' | 'cancelled' | 'closed' | 'merged' | 'status_changed' | 'same_field';

export interface SyncConflict {
  kind: ConflictKind;
  message: string;
}

const FIELD_LABELS: Record<string, string> = {
  resolution: '处理结果', appointmentStart: '预约时间', appointmentEnd: '预约时间', assigneeId: '处理人', teamId: '班组',
  customFields: '表单字段', title: '标题', description: '描述', deviceId: '设备', location: '地址',
};

/** Additive changes (comments, photos, check-ins) never overwrite anything; they always apply. */
const ADDITIVE: readonly SyncChangeKind[] = ['comment', 'attachment', 'check_in'];

export function detectSyncConflicts(change: IncomingChange, between: InterveningChange[], current: CurrentTicketState): SyncConflict[] {
  if (ADDITIVE.includes(change.kind) || between.length === 0) return [];
  const others = between.filter((c) => c.actorId !== change.actorId);
  const lost = `你的“${change.label}”未提交`;
  const who = (c: InterveningChange | undefined) => (c?.actorName ? `${c.actorName}` : '调度');
  const conflicts: SyncConflict[] = [];

  const reassignment = [...others].reverse()
    .find((c) => c.after && 'assigneeId' in c.after && c.after.assigneeId !== (c.before ?? {}).assigneeId);
  if (reassignment && current.assigneeId !== change.actorId) {
    conflicts.push({
      kind: 'reassigned',
      message: current.assigneeName
        ? `该工单已被${who(reassignment)}改派给 ${current.assigneeName}，${lost}`
        : `该工单已被${who(reassignment)}撤回派单，${lost}`,
    });
  }
  const statusBy = [...others].reverse().find((c) => c.after && typeof c.after.status === 'string');
  if (current.status === 'merged') {
    conflicts.push({ kind: 'merged', message: `该工单已被${who(statusBy)}合并到其他工单，${lost}` });
  } else if (current.statusCategory === 'cancelled') {
    conflicts.push({ kind: 'cancelled', message: `该工单已被${who(statusBy)}取消，${lost}` });
  } else if (current.statusCategory === 'closed') {
    conflicts.push({ kind: 'closed', message: `该工单已关闭，${lost}` });
  } else if (change.kind === 'transition' && change.stillAllowed === false && statusBy && conflicts.length === 0) {
    conflicts.push({ kind: 'status_changed', message: `该工单已被${who(statusBy)}改为「${current.statusLabel}」，${lost}` });
  }

  const touched = new Set<string>();
  for (const c of others) {
    if (c.after) for (const k of Object.keys(c.after)) touched.add(k);
  }
  const same = change.fields.filter((f) => f !== 'assigneeId' && touched.has(f));
  if (same.length > 0) {
    const by = [...others].reverse().find((c) => c.after && same.some((f) => f in (c.after as object)));
    const names = [...new Set(same.map((f) => FIELD_LABELS[f] ?? f))].join('、');
    conflicts.push({ kind: 'same_field', message: `${names}已被${who(by)}修改，${lost}` });
  }
  return conflicts;
}
