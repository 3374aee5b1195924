import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Content-addressed files under $GONGDAN_DATA_DIR/uploads: the same bytes are stored once. */
export function storagePath(dataDir: string, sha256: string): string {
  return join(dataDir, 'uploads', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

export function storeBlob(dataDir: string, bytes: Buffer): { sha256: string; path: string } {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const path = storagePath(dataDir, sha256);
  if (!existsSync(path)) {
    mkdirSync(join(path, '..'), { recursive: true });
    // Write then rename: a crash never leaves a truncated file under the final name.
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  }
  return { sha256, path };
}
