// Exact money with numbers from the playbooks: PelPro's "Restocking fee for non-defective
// returns: 15% if returned after 30 days", Primos' "exchanges within 30 days can incur a flat $7
// handling fee for small items and $15 for larger items", Tru Fit's "restocking fee 10% for
// opened/used equipment". Run: npm run examples (or node examples/money.mjs after npm run build).
import { allocate, formatMoney, money, negate, percentOf, sum } from 'support-rules';

const price = money('129.99', 'USD');
const lines = [
  { item: 'Item price', amount: price },
  { item: 'Restocking fee, 15 % (after day 30)', amount: negate(percentOf(price, 15)) },
];
const refund = sum(lines.map((line) => line.amount));
console.log('Refund quote (PelPro, returned on day 41):');
console.table([...lines, { item: 'Refund', amount: refund }].map(({ item, amount }) => ({ item, amount: formatMoney(amount) })));

// Primos exchanges: the handling fee by size class.
for (const [size, fee] of [['small', '7.00'], ['large', '15.00']]) console.log(`Exchange handling, ${size} item: ${formatMoney(money(fee, 'USD'))}`);

// A refund paid back to two cards 70/30 never loses a cent.
const [first, second] = allocate(refund, [70, 30]);
console.log(`Split 70/30: ${formatMoney(first)} + ${formatMoney(second)} = ${formatMoney(sum([first, second]))}`);

// Tru Fit: 10 % restocking on opened equipment, in three currencies with their own minor units.
for (const [amount, currency, locale] of [['899.00', 'USD', 'en-US'], ['32990', 'JPY', 'ja-JP'], ['279.500', 'KWD', 'en-US']]) {
  const fee = percentOf(money(amount, currency), 10);
  console.log(`10 % of ${formatMoney(money(amount, currency), locale)} = ${formatMoney(fee, locale)}`);
}
