/**
 * Form definitions: per ticket type, the custom fields the desk's create form and the mobile
 * resolve form render, and that the server validates with the very same code. They are data,
 * edited later by the low-code designer, so every rule here must be expressible as JSON.
 *
 * Built-in ticket fields (title, description, customer, contact phone, resolution …) are not
 * part of a form definition; forms only describe `Ticket.customFields`.
 */
import type { LocalizedText } from '../shared/localized.ts';

export const FIELD_TYPES = [
  'text', 'textarea', 'number', 'select', 'multiselect', 'date', 'datetime', 'phone', 'email', 'photo', 'signature', 'boolean',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** One selectable option of a select / multiselect field. `value` is what is stored. */
export interface FieldOption {
  value: string;
  label: LocalizedText;
}

/**
 * One custom field. Value shapes by type: text/textarea/phone/email/select → string;
 * multiselect → string[]; photo → string[] of attachment ids; signature → attachment id string;
 * number → finite number; boolean → boolean; date → "YYYY-MM-DD"; datetime → ISO 8601 with
 * offset ("2025-03-01T09:30:00+08:00").
 */
export interface FieldDefinition {
  /** Stable storage key in `customFields`, snake_case. Never rename once data exists. */
  key: string;
  type: FieldType;
  label: LocalizedText;
  /** Required when the ticket is created. */
  required?: boolean;
  /** Transition ids (e.g. 'resolve') that cannot be taken without a value. */
  requiredFor?: string[];
  /**
   * Where the field is asked: 'create' and/or transition ids. Defaults to `requiredFor` when
   * that is set, otherwise ['create'] — so a resolve-only optional field (a signature) can live
   * on the resolve form without being required there.
   */
  collectOn?: string[];
  /** Shown in the "更多字段 / 高级选项" drawer unless required in the current phase. */
  advanced?: boolean;
  options?: FieldOption[];
  /** Characters for text-like fields, selected items for multiselect, pictures for photo. */
  minLength?: number;
  maxLength?: number;
  /** Bounds of a number field (inclusive). */
  min?: number;
  max?: number;
  /** Regex source the whole value must match (anchored for you), compiled with the `u` flag. */
  pattern?: string;
  hint?: LocalizedText;
  example?: string;
}

/** All custom fields of one ticket type, versioned so stored tickets know which rules applied. */
export interface FormDefinition {
  ticketType: string;
  version: number;
  fields: FieldDefinition[];
}

export type FieldErrorCode =
  | 'required' | 'invalid_type' | 'too_short' | 'too_long' | 'out_of_range' | 'pattern' | 'invalid_option'
  | 'invalid_phone' | 'invalid_email' | 'invalid_date';

/** A problem with one field value, phrased for the person filling the form in, in both languages. */
export interface FieldError {
  field: string;
  code: FieldErrorCode;
  message: LocalizedText;
  hint?: LocalizedText;
  example?: string;
}

/** Which form is being submitted: the create form or the form of one transition. */
export type FormPhase = { phase: 'create' } | { phase: 'transition'; transition: string };

/** The field a single-value validator reports on. */
export interface FieldRef {
  key: string;
  label: LocalizedText;
}

/** Fields to render for a phase: `primary` on the form itself, `advanced` in the drawer. */
export interface PhaseFields {
  primary: FieldDefinition[];
  advanced: FieldDefinition[];
}

/** The phase id used in `collectOn` / `requiredFor`: 'create' or the transition id. */
export const phaseId = (ctx: FormPhase): string => (ctx.phase === 'create' ? 'create' : ctx.transition);

/** Whether a value is mandatory for this field in this phase. */
export function isRequiredIn(field: FieldDefinition, ctx: FormPhase): boolean {
  return ctx.phase === 'create' ? field.required === true : (field.requiredFor ?? []).includes(ctx.transition);
}

/** Where a field is asked, after applying the `collectOn` default. */
export function collectedOn(field: FieldDefinition): string[] {
  if (field.collectOn !== undefined) return field.collectOn;
  const requiredFor = field.requiredFor ?? [];
  if (requiredFor.length > 0) return field.required === true ? ['create', ...requiredFor] : requiredFor;
  return ['create'];
}

/**
 * Splits the fields asked in a phase into the visible form and the drawer, in definition
 * order. A field required in the phase is always visible: hiding a mandatory field in a drawer
 * is exactly what makes engineers give up on a form.
 */
export function fieldsForPhase(def: FormDefinition, ctx: FormPhase): PhaseFields {
  const id = phaseId(ctx);
  const primary: FieldDefinition[] = [];
  const advanced: FieldDefinition[] = [];
  for (const field of def.fields) {
    const required = isRequiredIn(field, ctx);
    if (!required && !collectedOn(field).includes(id)) continue;
    (field.advanced === true && !required ? advanced : primary).push(field);
  }
  return { primary, advanced };
}
