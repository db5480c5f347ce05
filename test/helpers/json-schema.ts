// Walks a generated JSON Schema (draft 2020-12, as zod writes it) for what an editor shows: every
// property of every object, wherever it sits (under $ref/$defs, anyOf/oneOf/allOf, items,
// additionalProperties, patternProperties), with the path an author would see.

/** A JSON Schema node, loosely typed. */
export type SchemaNode = { readonly [key: string]: unknown };

/** One property of one object in a schema: its path (`sla.rules[].targets[].within.hours`) and its schema. */
export interface PropertyAt {
  readonly path: string;
  readonly schema: SchemaNode;
}

const isNode = (value: unknown): value is SchemaNode => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The node a local `$ref` (`#`, `#/$defs/name`) points at. */
function resolveRef(root: SchemaNode, ref: string): SchemaNode {
  if (!ref.startsWith('#')) throw new Error(`only local $refs are expected, not ${ref}`);
  let node: unknown = root;
  for (const token of ref.slice(1).split('/').filter(Boolean)) {
    node = (node as SchemaNode)[token.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  if (!isNode(node)) throw new Error(`$ref ${ref} points at nothing`);
  return node;
}

/**
 * Every property of every object in `root`, each once per path. A `$ref` is followed once per
 * target (so a recursive schema ends), and a property whose own node is a `$ref` counts the
 * target's keywords too.
 */
export function propertiesOf(root: SchemaNode): PropertyAt[] {
  const out: PropertyAt[] = [];
  const followed = new Set<string>();
  const visit = (node: unknown, path: string): void => {
    if (!isNode(node)) return;
    if (typeof node.$ref === 'string') {
      if (!followed.has(node.$ref)) {
        followed.add(node.$ref);
        visit(resolveRef(root, node.$ref), path);
      }
    }
    for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const) {
      const branches = node[key];
      if (Array.isArray(branches)) for (const branch of branches) visit(branch, path);
    }
    if (isNode(node.properties)) {
      for (const [name, child] of Object.entries(node.properties)) {
        const at = path === '' ? name : `${path}.${name}`;
        const own = child as SchemaNode;
        const target = typeof own.$ref === 'string' ? { ...resolveRef(root, own.$ref), ...own } : own;
        out.push({ path: at, schema: target });
        visit(child, at);
      }
    }
    visit(node.items, `${path}[]`);
    visit(node.additionalProperties, `${path}.<name>`);
    if (isNode(node.patternProperties)) for (const child of Object.values(node.patternProperties)) visit(child, `${path}.<name>`);
    visit(node.not, path);
  };
  visit(root, '');
  return out;
}

/** The paths of the properties that carry no `description`. */
export function undescribedProperties(root: SchemaNode): string[] {
  return propertiesOf(root)
    .filter((property) => typeof property.schema.description !== 'string' || property.schema.description.trim() === '')
    .map((property) => property.path);
}
