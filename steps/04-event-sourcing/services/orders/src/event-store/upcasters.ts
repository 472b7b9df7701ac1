// Events are stored forever, so their shapes outlive the code that wrote them. An upcaster turns
// an older shape into the current one as it is read: the stored event is never rewritten.

/** The current schema version of each event type; older stored versions are upcast on read. */
export const CURRENT_SCHEMA: Record<string, number> = {
  OrderPlaced: 3,
  OrderConfirmed: 1,
  OrderRejected: 1,
  OrderCancelled: 1,
};

type Upcaster = (data: any) => unknown;

/** `${type}@${from}` -> the data at version from + 1 */
const UPCASTERS: Record<string, Upcaster> = {
  // Version 1 (the first release) said `items` with `quantity` and `priceCents`; no total, no card.
  "OrderPlaced@1": (v1: {
    orderId: string;
    items: { sku: string; quantity: number; priceCents: number }[];
    placedAt: string;
  }) => {
    // #region exercise 04.4: an upcaster for an old event version
    const lines = v1.items.map((item) => ({
      sku: item.sku,
      qty: item.quantity,
      unitPriceCents: item.priceCents,
    }));
    return {
      orderId: v1.orderId,
      lines,
      totalCents: lines.reduce((sum, l) => sum + l.qty * l.unitPriceCents, 0),
      card: null, // the first release kept no card: there is none to show or charge
      placedAt: v1.placedAt,
    };
    // #endregion
  },
  // Version 2 held the whole card number. Read today, it shows the last four digits only; the
  // stored rows still hold the number: they can only go with the whole store.
  "OrderPlaced@2": ({ card, ...v2 }: { card: string | null }) => ({
    ...v2,
    cardLast4: card === null ? null : card.slice(-4),
  }),
};

export function upcast(type: string, schemaVersion: number, data: unknown): unknown {
  let current = data;
  for (let version = schemaVersion; version < (CURRENT_SCHEMA[type] ?? schemaVersion); version++) {
    const step = UPCASTERS[`${type}@${version}`];
    if (!step) throw new Error(`No upcaster for ${type} from version ${version}`);
    current = step(current);
  }
  return current;
}
