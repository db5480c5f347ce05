// Writes the JSON Schemas shipped with the package, each from its zod schema, so they can never
// drift from the validators:
// - dist/policy.schema.json (support-rules/policy.schema.json), from the freshly built package;
// - dist/cases.schema.json (support-rules/cases.schema.json), the cases files of the CLI. Its zod
//   schema lives with the CLI, which the package does not export, so it is loaded from source.
import { writeFileSync } from 'node:fs';
import { tsImport } from 'tsx/esm/api';
import { policyJsonSchema } from '../dist/index.js';

const home = 'https://www.npmjs.com/package/support-rules';

const policy = { ...policyJsonSchema(), $id: `${home}/policy.schema.json`, title: 'support-rules SupportPolicy' };
writeFileSync(new URL('../dist/policy.schema.json', import.meta.url), `${JSON.stringify(policy, null, 2)}\n`);
console.log(`dist/policy.schema.json: ${Object.keys(policy.properties).length} top-level fields`);

const { casesJsonSchema } = await tsImport('../src/cli/cases-schema.ts', import.meta.url);
const cases = { ...casesJsonSchema(), $id: `${home}/cases.schema.json`, title: 'support-rules cases file' };
writeFileSync(new URL('../dist/cases.schema.json', import.meta.url), `${JSON.stringify(cases, null, 2)}\n`);
console.log(`dist/cases.schema.json: ${cases.properties.cases.items.oneOf.length} kinds of case`);
