// Writes the JSON Schemas shipped with the package, each from its zod schema, so they can never
// drift from the validators:
// - dist/policy.schema.json (support-rules/policy.schema.json), from the freshly built package;
// - dist/cases.schema.json (support-rules/cases.schema.json), the cases files of the CLI. Its zod
//   schema lives with the CLI, which the package does not export, so it is loaded from source.
import { writeFileSync } from 'node:fs';
import { tsImport } from 'tsx/esm/api';
import { policyHistoryJsonSchema, policyJsonSchema } from '../dist/index.js';

// Each schema carries its own $id and title (src/_lib/json-schema.ts).
const policy = policyJsonSchema();
writeFileSync(new URL('../dist/policy.schema.json', import.meta.url), `${JSON.stringify(policy, null, 2)}\n`);
console.log(`dist/policy.schema.json: ${Object.keys(policy.properties).length} top-level fields`);

// dist/policy-history.schema.json (support-rules/policy-history.schema.json): the versions of one policy.
const history = policyHistoryJsonSchema();
writeFileSync(new URL('../dist/policy-history.schema.json', import.meta.url), `${JSON.stringify(history, null, 2)}\n`);
console.log(`dist/policy-history.schema.json: ${Object.keys(history.properties).length} top-level fields`);

const { casesJsonSchema } = await tsImport('../src/cli/cases-schema.ts', import.meta.url);
const cases = casesJsonSchema();
writeFileSync(new URL('../dist/cases.schema.json', import.meta.url), `${JSON.stringify(cases, null, 2)}\n`);
console.log(`dist/cases.schema.json: ${cases.properties.cases.items.oneOf.length} kinds of case`);
