/**
 * Why a decision came out as it did: a stable machine `code`, the policy `rule` id that fired or
 * was considered, the `facts` it used and a one-line `message`.
 *
 * @remarks Since 0.1.0
 */
export interface Reason {
  readonly code: string;
  readonly rule?: string;
  readonly facts: Readonly<Record<string, string | number | boolean | null | readonly (string | number)[]>>;
  readonly message: string;
}
