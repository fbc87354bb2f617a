/**
 * The issue schema's validator, made once on first use. The schema file is the single statement
 * of the format: editors get it through yaml-language-server, the loader through ajv (compiled
 * ahead of time when the build has done so: standalone.ts).
 */
import type { ValidateFunction } from 'ajv';
import { isCalendarDate, schemaFile, schemaValidator } from './standalone.js';

export { isCalendarDate };

export const ISSUE_SCHEMA_FILE = schemaFile('issue');

let validator: ValidateFunction | undefined;

export function issueValidator(): ValidateFunction {
  return (validator ??= schemaValidator('issue'));
}
