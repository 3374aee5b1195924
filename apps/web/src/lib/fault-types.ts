/**
 * Fault type names from the shipped taxonomy (the parser's synonyms come along, so this module
 * stays out of the desk's first chunk: only pages that show fault types load it).
 */
import { defaultFaultTypes } from '@gongdan/text/fault-taxonomy.data';
import type { LocalizedText } from '@gongdan/domain/shared/localized';

export const faultTypeLabels: Record<string, LocalizedText> = Object.fromEntries(defaultFaultTypes.map((f) => [f.code, f.names]));
export const FAULT_TYPES = defaultFaultTypes.map((f) => f.code);
