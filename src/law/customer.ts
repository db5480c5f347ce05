// Who the customer is, for the law: where they are, whether they buy as a consumer, and whether
// the sale was made at a distance (the withdrawal rules apply to distance and off-premises sales).

/**
 * Whether the customer buys as a consumer or for their business. The baselines protect consumers
 * only. The same two words as a warranty claim's `segment`.
 *
 * @remarks Since 0.2.0
 */
export const CUSTOMER_SEGMENTS = ['consumer', 'commercial'] as const;

/**
 * The customer of a return request (`customer` of `checkReturn` and `checkOrderReturn`). A warranty
 * claim's `customer` has `jurisdiction` only: the claim's own `segment` says consumer or commercial.
 *
 * @remarks Since 0.2.0
 */
export interface Customer {
  /** ISO 3166-1 alpha-2, in capitals (`DE`, `GB`; `UK` is read as `GB`), or `EU`. */
  readonly jurisdiction: string;
  /** @defaultValue 'consumer' */
  readonly segment?: (typeof CUSTOMER_SEGMENTS)[number];
  /**
   * The sale was made at a distance (online, by phone) or off premises, where the right of
   * withdrawal applies. `false` for a sale in a shop: the withdrawal rules then do not apply (the
   * UK short-term right to reject still does).
   *
   * @defaultValue true
   */
  readonly distanceSale?: boolean;
}
