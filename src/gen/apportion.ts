/**
 * Splits the integer `total` over `weights` in proportion (largest remainder), each share
 * within [min, max]. The generator draws shapes (villages per town…) from the calibrated
 * distributions and uses this to hit a preset's totals exactly without changing the shape.
 */
export function apportion(weights: readonly number[], total: number, min = 0, max = Infinity): number[] {
  const n = weights.length;
  if (n === 0) return [];
  if (total < min * n || total > max * n) throw new RangeError(`cannot split ${total} into ${n} shares in [${min}, ${max}]`);
  const out = new Array<number>(n).fill(min);
  const open = new Set(weights.map((_, i) => i));
  let rest = total - min * n;
  // A share that would pass `max` is fixed at `max` and the rest re-split among the others.
  while (true) {
    const sum = [...open].reduce((s, i) => s + Math.max(0, weights[i]), 0);
    const quota = (i: number) => (sum > 0 ? (rest * Math.max(0, weights[i])) / sum : rest / open.size);
    const over = [...open].filter((i) => min + quota(i) > max);
    if (over.length === 0) break;
    for (const i of over) {
      out[i] = max;
      rest -= max - min;
      open.delete(i);
    }
  }
  const sum = [...open].reduce((s, i) => s + Math.max(0, weights[i]), 0);
  const quotas = [...open].map((i) => ({ i, q: sum > 0 ? (rest * Math.max(0, weights[i])) / sum : rest / open.size }));
  let given = 0;
  for (const { i, q } of quotas) {
    out[i] += Math.floor(q);
    given += Math.floor(q);
  }
  // the units left go to the largest remainders; ties to the earlier index, so the result is stable
  quotas.sort((x, y) => y.q - Math.floor(y.q) - (x.q - Math.floor(x.q)) || x.i - y.i);
  for (let k = 0; k < rest - given; k++) out[quotas[k % quotas.length].i] += 1;
  return out;
}
