// Compiled policies: a frozen public object (plain, JSON-serialisable data) that carries its
// compiled internal form under a brand, so each module's functions can check that they were given
// a value its own define/create function made. The brand is a registered symbol keyed by the
// package version: the ESM and CommonJS copies of one version (which compile the same internal
// form) accept each other's values; another version's values are refused with a typed error.

import { version } from '../../package.json';
import { SupportRulesError, type Issue } from '../errors/index.js';

/** The brand under which a module's compiled values carry their internal form. */
export function brand(module: string): symbol {
  return Symbol.for(`support-rules@${version}/${module}`);
}

/** Attaches the compiled form (non-enumerable) and freezes the public object. */
export function seal<P extends object, C>(key: symbol, publicPart: P, compiled: C): Readonly<P> {
  Object.defineProperty(publicPart, key, { value: compiled, enumerable: false });
  return Object.freeze(publicPart);
}

/** The compiled form of a sealed value, or the error `fail` builds for anything else. */
export function unseal<C>(key: symbol, value: unknown, fail: (issues: Issue[]) => SupportRulesError, issue: Issue): C {
  const compiled = (value as Record<symbol, C | undefined> | null | undefined)?.[key];
  if (compiled === undefined) throw fail([issue]);
  return compiled;
}
