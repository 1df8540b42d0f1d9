/**
 * Expected calibration error over equal-count bins, the definition of issue 15 item 3: the
 * predictions sorted (ties by row), cut into `bins` groups of equal size (the first
 * `n % bins` one larger, as numpy's array_split cuts them), and the mean of |mean predicted −
 * observed rate| over the groups weighted by their rows. sklearn_cv.py computes the same,
 * and the bench checks both agree. lib/engine/metrics.ts's expectedCalibrationError works
 * on its equal-width reliability bins; when metrics.ts gains an equal-count ECE, the bench
 * should use that one and this file can go.
 */
export function equalCountEce(labels: ArrayLike<number>, probabilities: ArrayLike<number>, bins = 10): number {
  const n = labels.length;
  if (n !== probabilities.length) throw new Error(`equalCountEce: ${n} labels but ${probabilities.length} probabilities`);
  if (n === 0) throw new Error('equalCountEce: no rows');
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (probabilities[a] as number) - (probabilities[b] as number) || a - b);
  const base = Math.floor(n / bins);
  const larger = n % bins;
  let start = 0;
  let gap = 0;
  for (let b = 0; b < bins; b++) {
    const size = base + (b < larger ? 1 : 0);
    if (size === 0) continue;
    let predicted = 0;
    let positive = 0;
    for (let j = start; j < start + size; j++) {
      const row = order[j] as number;
      predicted += probabilities[row] as number;
      positive += labels[row] as number;
    }
    gap += Math.abs(predicted - positive);
    start += size;
  }
  return gap / n;
}
