import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The newest checkpoint this node sealed, kept outside the database (data dir). Whoever can
 * rewrite the database can delete the newest checkpoints too; the anchor catches that. On
 * several nodes each keeps its own anchor; an older anchor is still a valid lower bound.
 */
export interface AuditAnchor {
  seq: number;
  hash: string;
}

const file = (dataDir: string) => join(dataDir, 'audit.anchor');

export function readAuditAnchor(dataDir: string): AuditAnchor | undefined {
  if (!existsSync(file(dataDir))) return undefined;
  try {
    const v = JSON.parse(readFileSync(file(dataDir), 'utf8')) as Partial<AuditAnchor>;
    return typeof v.seq === 'number' && typeof v.hash === 'string' ? { seq: v.seq, hash: v.hash } : undefined;
  } catch {
    return undefined;
  }
}

export function writeAuditAnchor(dataDir: string, anchor: AuditAnchor): void {
  const current = readAuditAnchor(dataDir);
  if (current && current.seq >= anchor.seq) return;
  const tmp = `${file(dataDir)}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(anchor)}\n`, { mode: 0o600 });
  renameSync(tmp, file(dataDir));
}
