// Writes dist/policy.schema.json (shipped as support-rules/policy.schema.json) from the zod schema
// in the freshly built package, so the JSON Schema can never drift from the validator.
import { writeFileSync } from 'node:fs';
import { policyJsonSchema } from '../dist/index.js';

const schema = { ...policyJsonSchema(), $id: 'https://www.npmjs.com/package/support-rules/policy.schema.json', title: 'support-rules SupportPolicy' };
writeFileSync(new URL('../dist/policy.schema.json', import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
console.log(`dist/policy.schema.json: ${Object.keys(schema.properties).length} top-level fields`);
