#!/usr/bin/env node
/**
 * Writes schema/slsa-lint.schema.json from the built rule registry (nx target `linter:schema`,
 * which builds first). Run it after adding a rule or changing a rule's options; the test
 * `src/config-schema.test.ts` fails until the checked-in file is current.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { buildConfigSchema, builtinRules } = await import(pathToFileURL(path.join(root, 'dist', 'index.js')).href);
const target = path.join(root, 'schema', 'slsa-lint.schema.json');
writeFileSync(target, `${JSON.stringify(buildConfigSchema(builtinRules), null, 2)}\n`);
console.log(`wrote ${path.relative(root, target)}`);
