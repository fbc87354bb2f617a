/**
 * The issue schema, compiled once on first use. The schema file is the single statement of
 * the format: editors get it through yaml-language-server, the loader through ajv.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { SCHEMA_DIR } from '../font/vendored.js';

export const ISSUE_SCHEMA_FILE = join(SCHEMA_DIR, 'issue.schema.json');

// ajv is CommonJS: under NodeNext the default import is module.exports, whose `default` is the class.
const Ajv2020 = Ajv2020Module.default;

/** A real calendar date written YYYY-MM-DD (2024-02-30 is refused). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

let validator: ValidateFunction | undefined;

function compile(): ValidateFunction {
  const schema = JSON.parse(readFileSync(ISSUE_SCHEMA_FILE, 'utf8')) as object;
  // strictRequired would refuse the anyOf that asks a section for `articles` or `briefs`.
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false });
  ajv.addFormat('date', { type: 'string', validate: isCalendarDate });
  return ajv.compile(schema);
}

export function issueValidator(): ValidateFunction {
  return (validator ??= compile());
}
