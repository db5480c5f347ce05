/**
 * The five seed playbooks as ready policies. `presetSpecs` holds them as plain JSON data (copy one
 * to start your own policy); `presets` compiles each on first use.
 *
 * Where a seed gives a range or leaves a value open, docs/presets.md says what the preset picks.
 *
 * @module presets
 */
import { definePolicy, type SupportPolicy, type SupportPolicySpec } from '../policy/index.js';
import amareJson from './data/amare.json' with { type: 'json' };
import homeproJson from './data/homepro.json' with { type: 'json' };
import pelproJson from './data/pelpro.json' with { type: 'json' };
import primosJson from './data/primos.json' with { type: 'json' };
import trufitJson from './data/trufit.json' with { type: 'json' };

/** Names of the presets available. */
export type PresetName = 'primos' | 'pelpro' | 'homepro' | 'amare' | 'trufit';

/**
 * Each preset as JSON data, exactly as shipped (less the `$schema` its file names for editing it
 * in this repository, a path that means nothing to a policy copied from here).
 *
 * @example
 * ```ts
 * presetSpecs.primos.returns?.windows[0]?.days; //=> 30
 * ```
 * @remarks Since 0.1.0
 */
export const presetSpecs: Readonly<Record<PresetName, SupportPolicySpec>> = Object.freeze({
  primos: data(primosJson),
  pelpro: data(pelproJson),
  homepro: data(homeproJson),
  amare: data(amareJson),
  trufit: data(trufitJson),
});

/** A preset file's data without its `$schema`. */
function data(json: object): SupportPolicySpec {
  const spec: Record<string, unknown> = { ...json };
  delete spec.$schema;
  return spec as unknown as SupportPolicySpec;
}

const compiled = new Map<PresetName, SupportPolicy>();
const get = (name: PresetName): SupportPolicy => {
  let policy = compiled.get(name);
  if (!policy) {
    policy = definePolicy(presetSpecs[name]);
    compiled.set(name, policy);
  }
  return policy;
};

/**
 * The presets as compiled policies, each validated and compiled on first use.
 *
 * @example
 * ```ts
 * import { presets, checkReturn } from 'support-rules';
 * checkReturn(presets.primos.returns!, request);
 * ```
 * @remarks Since 0.1.0
 */
export const presets: Readonly<Record<PresetName, SupportPolicy>> = {
  get primos() {
    return get('primos');
  },
  get pelpro() {
    return get('pelpro');
  },
  get homepro() {
    return get('homepro');
  },
  get amare() {
    return get('amare');
  },
  get trufit() {
    return get('trufit');
  },
};
