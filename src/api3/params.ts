import type { Api3Params } from './client.js';

/**
 * Building api3 query parameters from a spec's `toApi`. api3 spells lists, flags and repeated
 * fields in several ways; these helpers are the vocabulary, and `toApi` says which one a command
 * uses. Every helper returns `undefined` for "leave the parameter out", and `apiParams` drops
 * exactly that: 0 and '' are real values (contact, folder and server id 0 exist; an empty note
 * clears the note).
 */
export type ParamValue = string | number | undefined;
export type ParamFields = Record<string, ParamValue>;

/** The query parameters of one call: `undefined` dropped, numbers written as api3 reads them. */
export function apiParams(...groups: ParamFields[]): Api3Params {
  const params: Api3Params = {};
  for (const group of groups) {
    for (const [name, value] of Object.entries(group)) {
      if (value !== undefined) params[name] = String(value);
    }
  }
  return params;
}

/** `["a.com", "b.com"]` -> `"a.com,b.com"` (the `domain` parameter of bulk setting commands). */
export function commaList(values: readonly string[] | undefined): string | undefined {
  return values === undefined || values.length === 0 ? undefined : values.join(',');
}

/** `("ns", ["h1", "h2"])` -> `{ ns0: "h1", ns1: "h2" }` (domain0.., ns0.., ip0..). */
export function indexed(prefix: string, values: readonly ParamValue[] | undefined): ParamFields {
  const fields: ParamFields = {};
  values?.forEach((value, i) => {
    fields[`${prefix}${i}`] = value;
  });
  return fields;
}

/**
 * Rows of paired indexed parameters: `indexedRows(forwards, { username: (f) => f.mailbox,
 * exist_email: (f) => f.to })` -> `{ username0, exist_email0, username1, exist_email1 }`.
 */
export function indexedRows<Row>(rows: readonly Row[] | undefined, columns: Record<string, (row: Row) => ParamValue>): ParamFields {
  const fields: ParamFields = {};
  rows?.forEach((row, i) => {
    for (const [prefix, read] of Object.entries(columns)) fields[`${prefix}${i}`] = read(row);
  });
  return fields;
}

/**
 * The document's flag spellings. Which one a parameter takes is api3's choice, per parameter;
 * `undefined` in means "not said", and the parameter is left out.
 */
export const flagParam = {
  /** Present as "1" only when on (`show_price=1`, `premium=1`, `add_dns_to_current_setting=1`). */
  oneWhenOn: (on: boolean | undefined): ParamValue => (on ? '1' : undefined),
  /** "yes" / "no" (`with_ads`, `enable`, `sync`, `mobile_view_on`). */
  yesNo: (on: boolean | undefined): ParamValue => (on === undefined ? undefined : on ? 'yes' : 'no'),
  /** "Yes" / "No", capitalised, as some commands want. */
  capitalYesNo: (on: boolean | undefined): ParamValue => (on === undefined ? undefined : on ? 'Yes' : 'No'),
  /** A flag named for the opposite: `is_temp=no` means a permanent forward. */
  invertedYesNo: (on: boolean | undefined): ParamValue => (on === undefined ? undefined : on ? 'no' : 'yes'),
} as const;
