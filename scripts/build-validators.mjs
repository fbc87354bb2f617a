#!/usr/bin/env node
// Part of `npm run build`: after tsc, writes the schema validators as ajv standalone code into
// dist/issue/ (see src/issue/standalone.ts), so a run never compiles a schema.
import { writeStandaloneValidators } from '../dist/issue/standalone.js';

await writeStandaloneValidators();
