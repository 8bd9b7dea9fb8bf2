import { CUSTOMER_LIMITS } from '../../schemas/customer.ts';
import type { CustomerField } from '../../schemas/project.ts';

/**
 * The form's field configuration, normalised. Two shapes come in — slotkit's own array and
 * booking.js v3's `customer_fields` object — and one comes out, so the element and its
 * validation only ever read `FieldDefinition[]`. Pure: no DOM, no locale; a missing label is
 * left undefined and the element fills in the catalogue's label for the standard fields.
 */

export const FIELD_TYPES = ['text', 'email', 'tel', 'textarea', 'select', 'checkbox'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldOption {
  value: string;
  label: string;
}

/** One input as slotkit's array shape writes it. */
export interface FieldInput {
  name: string;
  type: FieldType;
  label?: string;
  required?: boolean;
  /** The starting value; `false` (booking.js' default) means none, except for a checkbox. */
  prefilled?: string | boolean;
  readonly?: boolean;
  options?: readonly string[] | readonly FieldOption[];
  placeholder?: string;
  hint?: string;
  autocomplete?: string;
  maxLength?: number;
  /** Only on `name`: ask for first and last name separately (booking.js' `split_name`). */
  split?: boolean;
  /** With `split`: the parts the visitor must fill in (both unless the project says fewer). */
  requiredParts?: readonly NamePart[];
}

/** The inputs a split name becomes. */
export const NAME_PARTS = ['first_name', 'last_name'] as const;
export type NamePart = (typeof NAME_PARTS)[number];

/** booking.js v3's `customer_fields`: keys are field names, `format` is the input type. */
export type CustomerFieldsConfig = Record<string, CustomerField>;

export type FieldsConfig = readonly FieldInput[] | CustomerFieldsConfig;

export interface FieldDefinition {
  name: string;
  type: FieldType;
  /** The owner's label; undefined means the catalogue's label for a standard field. */
  label?: string;
  required: boolean;
  /** The configured starting value, if any. */
  prefilled?: string | boolean;
  readonly: boolean;
  options?: FieldOption[];
  placeholder?: string;
  hint?: string;
  autocomplete?: string;
  /** Always set: the owner's limit, capped by what the API accepts. */
  maxLength: number;
  /** Set on `first_name` / `last_name` when the name is split: their joined value is `name`. */
  joinsInto?: 'name';
}

/** A configuration the form cannot use; the message names the key and what it accepts. */
export class FieldConfigError extends Error {
  override readonly name = 'FieldConfigError';
}

/** Fields whose type is fixed by what the API expects of them; always in the form. */
const FIXED_TYPES: Record<string, FieldType> = { name: 'text', email: 'email' };

/** booking.js' own formats for its standard keys, used when `format` is left out. */
const NATIVE_TYPES: Record<string, FieldType> = {
  name: 'text',
  email: 'email',
  phone: 'tel',
  comment: 'textarea',
};

/** The API's limits, so what the form lets through is not refused later. */
const LIMITS: Record<string, number> = {
  name: CUSTOMER_LIMITS.name,
  first_name: CUSTOMER_LIMITS.name,
  last_name: CUSTOMER_LIMITS.name,
  email: CUSTOMER_LIMITS.email,
  phone: CUSTOMER_LIMITS.phone,
  voip: CUSTOMER_LIMITS.name,
};

const AUTOCOMPLETE: Record<string, string> = {
  name: 'name',
  first_name: 'given-name',
  last_name: 'family-name',
  email: 'email',
  phone: 'tel',
};

/** Field names become form-data keys, element ids and `customer.<name>` URL keys. */
const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Fields the catalogue has a label for; any other field needs the owner's. */
const STANDARD = new Set(['name', 'email', 'phone', 'voip', 'location', 'comment']);

/** booking.js writes `format: 'string'` for plain text (its default for `name`). */
const FORMAT_ALIASES: Record<string, FieldType> = { string: 'text' };

const defaultFields: readonly FieldInput[] = [
  { name: 'name', type: 'text', required: true },
  { name: 'email', type: 'email', required: true },
  { name: 'phone', type: 'tel', required: false },
];

const list = (values: readonly string[]) => values.join(', ');
function show(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value !== 'object' || value === null) return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns either accepted configuration into the form's fields. No configuration (undefined,
 * null, an empty array or object) gives name, email and an optional phone; `name` and `email`
 * are always present and required, because the API needs them, except an email configured
 * `required: false` (a project that does not need one).
 *
 * @throws FieldConfigError naming the bad key and the accepted values.
 */
export function normalizeFields(input: unknown): FieldDefinition[] {
  if (input === undefined || input === null) return finish(defaultFields.map(fromInput('fields')));
  if (Array.isArray(input)) {
    if (input.length === 0) return finish(defaultFields.map(fromInput('fields')));
    return finish(input.map((item, index) => fromInput(`fields[${index}]`)(item)));
  }
  if (isRecord(input)) {
    const keys = Object.keys(input);
    if (keys.length === 0) return finish(defaultFields.map(fromInput('fields')));
    return finish(keys.flatMap((key) => fromBookingJs(key, input[key])));
  }
  throw new FieldConfigError(
    `fields: ${show(input)} is not an array of fields ({ name, type, label, ... }) or a booking.js customer_fields object`,
  );
}

/** One entry of slotkit's array shape. */
function fromInput(where: string) {
  return (item: unknown): FieldDefinition | FieldDefinition[] => {
    if (!isRecord(item)) {
      throw new FieldConfigError(
        `${where}: ${show(item)} is not a field object ({ name, type, label, ... })`,
      );
    }
    const name = readName(`${where}.name`, item.name);
    const at = (key: string) => `${where}.${key}`;
    const type = readType(at('type'), item.type, undefined);
    if (type === undefined) {
      throw new FieldConfigError(`${at('type')}: missing; one of ${list(FIELD_TYPES)}`);
    }
    const label = readString(at('label'), item.label);
    if (label === undefined && !STANDARD.has(name)) {
      throw new FieldConfigError(`${at('label')}: missing; a custom field needs a visible label`);
    }
    const split = readBoolean(at('split'), item.split);
    if (split && name !== 'name') {
      throw new FieldConfigError(`${at('split')}: only the "name" field can be split`);
    }
    return build(at, name, type, {
      label,
      required: readBoolean(at('required'), item.required),
      prefilled: item.prefilled,
      readonly: readBoolean(at('readonly'), item.readonly),
      options: item.options,
      placeholder: readString(at('placeholder'), item.placeholder),
      hint: readString(at('hint'), item.hint),
      autocomplete: readString(at('autocomplete'), item.autocomplete),
      maxLength: item.maxLength,
      split,
      requiredParts: readRequiredParts(at('requiredParts'), item.requiredParts, split),
    });
  };
}

/** One key of booking.js' `customer_fields`; `enabled: false` leaves it out. */
function fromBookingJs(key: string, value: unknown): FieldDefinition[] {
  const where = `customer_fields.${key}`;
  const at = (option: string) => `${where}.${option}`;
  if (!isRecord(value)) {
    throw new FieldConfigError(
      `${where}: ${show(value)} is not an object ({ title, required, format, ... })`,
    );
  }
  const name = readName(where, key);
  const enabled = readBoolean(at('enabled'), value.enabled);
  if (enabled === false && !(name in FIXED_TYPES)) return [];
  const type = readType(at('format'), value.format, NATIVE_TYPES[name] ?? 'text');
  const split = readBoolean(at('split_name'), value.split_name);
  const defined = build(at, name, type as FieldType, {
    // booking.js shows the key when a custom field has no title.
    label: readString(at('title'), value.title) ?? (STANDARD.has(name) ? undefined : name),
    required: readBoolean(at('required'), value.required),
    prefilled: value.prefilled,
    readonly: readBoolean(at('readonly'), value.readonly),
    options: value.options ?? value.enum,
    optionsKey: value.options === undefined && value.enum !== undefined ? 'enum' : 'options',
    placeholder: readString(at('placeholder'), value.placeholder),
    hint: readString(at('hint'), value.hint),
    autocomplete: readString(at('autocomplete'), value.autocomplete),
    maxLength: value.maxLength ?? value.max_length,
    split,
    requiredParts: readRequiredParts(at('required_parts'), value.required_parts, split),
  });
  return Array.isArray(defined) ? defined : [defined];
}

interface RawOptions {
  label: string | undefined;
  required: boolean | undefined;
  prefilled: unknown;
  readonly: boolean | undefined;
  options: unknown;
  optionsKey?: string;
  placeholder: string | undefined;
  hint: string | undefined;
  autocomplete: string | undefined;
  maxLength: unknown;
  split: boolean | undefined;
  requiredParts?: readonly NamePart[] | undefined;
}

function build(
  at: (key: string) => string,
  name: string,
  requested: FieldType,
  raw: RawOptions,
): FieldDefinition | FieldDefinition[] {
  const type = FIXED_TYPES[name] ?? requested;
  const limit = LIMITS[name] ?? CUSTOMER_LIMITS.custom;
  const field: FieldDefinition = {
    name,
    type,
    required: isRequired(name, raw.required),
    readonly: raw.readonly === true,
    maxLength: readMaxLength(at('maxLength'), raw.maxLength, limit),
  };
  if (raw.label !== undefined) field.label = raw.label;
  const prefilled = readPrefilled(at('prefilled'), raw.prefilled, type);
  if (prefilled !== undefined) field.prefilled = prefilled;
  if (raw.placeholder !== undefined) field.placeholder = raw.placeholder;
  if (raw.hint !== undefined) field.hint = raw.hint;
  const autocomplete = raw.autocomplete ?? AUTOCOMPLETE[name];
  if (autocomplete !== undefined) field.autocomplete = autocomplete;

  const optionsKey = at(raw.optionsKey ?? 'options');
  if (type === 'select') {
    field.options = readOptions(optionsKey, raw.options);
    if (typeof field.prefilled === 'string' && field.prefilled !== '') {
      const known = field.options.map((option) => option.value);
      if (!known.includes(field.prefilled)) {
        throw new FieldConfigError(
          `${at('prefilled')}: ${show(field.prefilled)} is not one of the options ${list(known)}`,
        );
      }
    }
  } else if (type === 'checkbox' && raw.options !== undefined) {
    throw new FieldConfigError(
      `${optionsKey}: a checkbox is a single yes/no; use format "select" for a choice between options`,
    );
  }

  if (!raw.split) return field;
  return splitName(field, raw.requiredParts ?? NAME_PARTS);
}

/**
 * The API always needs a name; it needs an email unless the project says otherwise, which its
 * embed config writes as `email.required: false` (`required_customer_fields`, issue 14).
 */
function isRequired(name: string, required: boolean | undefined): boolean {
  if (name === 'email') return required !== false;
  return name === 'name' || required === true;
}

/** booking.js' `split_name`: two inputs, their values joined with a space into `name`. */
function splitName(field: FieldDefinition, required: readonly NamePart[]): FieldDefinition[] {
  const [first, last] = splitFullName(typeof field.prefilled === 'string' ? field.prefilled : '');
  const part = (name: NamePart, prefilled: string): FieldDefinition => {
    const definition: FieldDefinition = {
      name,
      type: 'text',
      required: required.includes(name),
      readonly: field.readonly,
      maxLength: field.maxLength,
      autocomplete: AUTOCOMPLETE[name],
      joinsInto: 'name',
    };
    if (field.prefilled !== undefined) definition.prefilled = prefilled;
    return definition;
  };
  return [part('first_name', first), part('last_name', last)];
}

/**
 * Which parts of a split name are required (`required_customer_fields` naming only one of
 * them): a non-empty list of "first_name" / "last_name", and only beside a split name.
 */
function readRequiredParts(
  where: string,
  value: unknown,
  split: boolean | undefined,
): readonly NamePart[] | undefined {
  if (value === undefined) return undefined;
  if (!split) throw new FieldConfigError(`${where}: only a split name has parts to require`);
  const parts = Array.isArray(value) ? value : [];
  const known = (part: unknown): part is NamePart => NAME_PARTS.includes(part as NamePart);
  if (parts.length === 0 || !parts.every(known)) {
    throw new FieldConfigError(
      `${where}: ${show(value)} is not a list of ${list(NAME_PARTS)} (at least one)`,
    );
  }
  return parts;
}

/** "Marty Seamus McFly" -> ["Marty", "Seamus McFly"]: the given name is the first word. */
export function splitFullName(full: string): [string, string] {
  const trimmed = full.trim();
  const space = trimmed.search(/\s/);
  if (space < 0) return [trimmed, ''];
  return [trimmed.slice(0, space), trimmed.slice(space).trim()];
}

/** Every name once, and the two the API needs always there (first, in that order, if added). */
function finish(parts: (FieldDefinition | FieldDefinition[])[]): FieldDefinition[] {
  const fields = parts.flat();
  const present = new Set<string>();
  for (const field of fields) {
    if (present.has(field.name)) {
      throw new FieldConfigError(`fields: "${field.name}" is configured twice; each name once`);
    }
    present.add(field.name);
    if (field.joinsInto) present.add(field.joinsInto);
  }
  const added = ['name', 'email']
    .filter((name) => !present.has(name))
    .map((name) => build(() => name, name, FIXED_TYPES[name]!, NO_OPTIONS) as FieldDefinition);
  return [...added, ...fields];
}

const NO_OPTIONS: RawOptions = {
  label: undefined,
  required: true,
  prefilled: undefined,
  readonly: undefined,
  options: undefined,
  placeholder: undefined,
  hint: undefined,
  autocomplete: undefined,
  maxLength: undefined,
  split: undefined,
};

function readName(where: string, value: unknown): string {
  if (typeof value !== 'string' || !NAME_PATTERN.test(value)) {
    throw new FieldConfigError(
      `${where}: ${show(value)} is not a field name (a letter, then letters, digits, "_" or "-")`,
    );
  }
  if (value === 'first_name' || value === 'last_name') {
    // They would collide with the split name's inputs; ask for the split instead.
    throw new FieldConfigError(
      `${where}: "${value}" is reserved; split the name with split_name: true (or split: true)`,
    );
  }
  return value;
}

function readType(where: string, value: unknown, fallback: FieldType | undefined) {
  if (value === undefined) return fallback;
  if (typeof value === 'string') {
    const type = FORMAT_ALIASES[value] ?? value;
    if ((FIELD_TYPES as readonly string[]).includes(type)) return type as FieldType;
  }
  throw new FieldConfigError(`${where}: ${show(value)} is not one of ${list(FIELD_TYPES)}`);
}

function readString(where: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  throw new FieldConfigError(`${where}: ${show(value)} is not a string`);
}

function readBoolean(where: string, value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value;
  throw new FieldConfigError(`${where}: ${show(value)} is not one of true, false`);
}

function readPrefilled(where: string, value: unknown, type: FieldType) {
  if (value === undefined || value === null) return undefined;
  if (type === 'checkbox') {
    if (typeof value === 'boolean') return value;
    throw new FieldConfigError(`${where}: ${show(value)} is not one of true, false`);
  }
  // booking.js writes `prefilled: false` for "nothing prefilled".
  if (value === false) return undefined;
  if (typeof value === 'string') return value;
  throw new FieldConfigError(`${where}: ${show(value)} is not a string (or false for none)`);
}

function readMaxLength(where: string, value: unknown, limit: number): number {
  if (value === undefined) return limit;
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) {
    return Math.min(value, limit);
  }
  throw new FieldConfigError(`${where}: ${show(value)} is not a positive whole number`);
}

function readOptions(where: string, value: unknown): FieldOption[] {
  const shape = 'a non-empty array of strings or { value, label } objects';
  if (!Array.isArray(value) || value.length === 0) {
    throw new FieldConfigError(`${where}: ${show(value)} is not ${shape}`);
  }
  const options = value.map((option, index): FieldOption => {
    if (typeof option === 'string') return { value: option, label: option };
    if (isRecord(option) && typeof option.value === 'string' && typeof option.label === 'string') {
      return { value: option.value, label: option.label };
    }
    throw new FieldConfigError(`${where}[${index}]: ${show(option)} is not ${shape}`);
  });
  const values = new Set(options.map((option) => option.value));
  if (values.size !== options.length) {
    throw new FieldConfigError(`${where}: option values must be unique`);
  }
  return options;
}
