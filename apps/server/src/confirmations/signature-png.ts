import { rasterSignature, type SignatureInput } from '@gongdan/domain/confirmation/signature';
import { encodePng } from '../shared/png.ts';

/** An 8-bit greyscale PNG of the strokes (drawn on the server from the checked stroke data). */
export function signaturePng(sig: SignatureInput): Buffer {
  const { width, height, pixels } = rasterSignature(sig);
  return encodePng(width, height, 1, pixels);
}
