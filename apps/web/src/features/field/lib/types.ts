/** Types the field app shares with the server: taken from the contracts (types only, no zod in the bundle). */
import type {
  CheckInDtoT, ExecutabilityAlternativeT, ExecutabilityResultT, FieldOrderDtoT, FieldPackageT, ReservationDtoT, VersionConflictProblemT,
} from '@gongdan/contracts/field';

export type FieldOrder = FieldOrderDtoT;
export type FieldPackage = FieldPackageT;
export type Executability = ExecutabilityResultT;
export type Alternative = ExecutabilityAlternativeT;
export type CheckIn = CheckInDtoT;
export type Reservation = ReservationDtoT;
export type ConflictProblem = VersionConflictProblemT;

export interface SessionInfo {
  user: { id: string; name: string; email: string; role: string };
  csrfToken: string;
  expiresAt: string;
}

export type OpKind = 'transition' | 'check_in' | 'reserve' | 'comment' | 'upload' | 'device';

/** One queued change. `key` is its Idempotency-Key; `createdAt` the device time it was made. */
export interface OutboxOp {
  seq?: number;
  key: string;
  kind: OpKind;
  userId: string;
  ticketId: string;
  createdAt: string;
  /** FieldOrder.version the change was made against (the engineer's view at that moment). */
  expectedVersion: number;
  body: Record<string, unknown>;
  photoId?: string;
  /** What the app shows until the server answers (e.g. the label of the transition). */
  label: string;
  state: 'pending' | 'blocked';
  problem?: { status: number; code: string; title: string; detail?: string; errors?: { field: string; message: string; hint?: string }[]; conflicts?: { kind: string; message: string }[]; current?: FieldOrder };
  attempts: number;
}

export interface StoredPhoto {
  id: string;
  ticketId: string;
  blob: Blob;
  name: string;
  type: string;
  createdAt: string;
  /** Set once uploaded: the server's attachment id. */
  attachmentId?: string;
}
