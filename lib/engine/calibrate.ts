/**
 * Platt scaling on the logit of out-of-bag forest probabilities:
 * P(win) = sigmoid(a · logit(p) + b). Forest votes are squeezed toward the middle and
 * OOB predictions are honest (each row scored only by trees that never saw it), so two
 * parameters fitted on them correct the squeeze without a held-out set. Platt rather
 * than isotonic: it is strictly increasing, so it never creates ties that would lower
 * AUC, and two parameters are stable on the few hundred deals small orgs have.
 */

export interface PlattCalibration {
  a: number;
  b: number;
  /** Forest probabilities are clipped to [eps, 1 − eps] before the logit. */
  eps: number;
}

/** The slope floor: calibration stays strictly increasing, so it never erases the ranking. */
export const MIN_SLOPE = 0.05;

const logit = (p: number): number => Math.log(p / (1 - p));
const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export function applyCalibration(calibration: PlattCalibration, p: number): number {
  const clipped = Math.min(1 - calibration.eps, Math.max(calibration.eps, p));
  return sigmoid(calibration.a * logit(clipped) + calibration.b);
}

/**
 * Fits a and b by Newton's method on the regularized log loss, with Platt's smoothed
 * targets (N₊+1)/(N₊+2) and 1/(N₋+2), which keep the fit finite on separable data.
 * Rows whose score is NaN (never out of bag) are skipped.
 */
export function fitPlatt(scores: ArrayLike<number>, labels: ArrayLike<number>, eps: number): PlattCalibration {
  if (scores.length !== labels.length) throw new Error(`fitPlatt: ${scores.length} scores but ${labels.length} labels`);
  const x: number[] = [];
  const y: number[] = [];
  let positives = 0;
  let negatives = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i] as number;
    if (Number.isNaN(s)) continue;
    x.push(logit(Math.min(1 - eps, Math.max(eps, s))));
    const label = labels[i] as number;
    y.push(label);
    if (label === 1) positives++;
    else negatives++;
  }
  if (positives === 0 || negatives === 0) throw new Error(`fitPlatt: needs both outcomes, got ${positives} wins and ${negatives} losses`);
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (negatives + 2);
  const t = y.map((label) => (label === 1 ? hi : lo));
  let a = 1;
  let b = 0;
  // A tiny ridge keeps the Hessian invertible when the scores are (nearly) constant.
  const ridge = 1e-6;
  // The loss at (a, b): the accepted line-search point's, carried into the next iteration
  // rather than computed again (a third of the passes over the deals).
  let current = objective(x, t, a, b, ridge);
  for (let iteration = 0; iteration < 100; iteration++) {
    let ga = ridge * a;
    let gb = 0;
    let haa = ridge;
    let hab = 0;
    let hbb = ridge;
    for (let i = 0; i < x.length; i++) {
      const xi = x[i] as number;
      const p = sigmoid(a * xi + b);
      const d = p - (t[i] as number);
      const w = p * (1 - p);
      ga += d * xi;
      gb += d;
      haa += w * xi * xi;
      hab += w * xi;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (!(Math.abs(det) > 1e-18)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) break;
    // Backtracking line search (Lin, Lin & Weng 2007, "A note on Platt's probabilistic
    // outputs"): a full Newton step from a = 1 diverges when the scores rank the wrong
    // way (a → +4e8 on reversed scores, so the fallback below never triggered).
    const descent = ga * da + gb * db;
    let step = 1;
    let next = objective(x, t, a - da, b - db, ridge);
    while (step > 1e-12 && next > current - 1e-4 * step * descent) {
      step /= 2;
      next = objective(x, t, a - step * da, b - step * db, ridge);
    }
    if (!(step > 1e-12)) break;
    a -= step * da;
    b -= step * db;
    // Converged when a step no longer lowers the loss measurably: near the optimum, float
    // rounding keeps the Newton step from shrinking below 1e-10 on some data (time-sorted
    // deals made it run all 100 iterations, 0.5 s, for no change in the fit).
    if (current - next <= 1e-12 * Math.max(1, Math.abs(current))) break;
    current = next;
  }
  if (!(a >= MIN_SLOPE)) {
    // Out of bag, the votes rank no better than chance. On small data that is often noise
    // (a 20/20 sample can show OOB AUC 0.40 yet rank new deals at 0.78), so keep the
    // forest's order with a nearly flat slope: every probability sits close to the
    // smoothed base rate, which is the honest statement, and the ranking survives.
    const rate = (positives + 1) / (positives + negatives + 2);
    const meanLogit = x.reduce((sum, v) => sum + v, 0) / x.length;
    return { a: MIN_SLOPE, b: logit(rate) - MIN_SLOPE * meanLogit, eps };
  }
  return { a, b, eps };
}

/** The smoothed log loss of sigmoid(a·x + b) against targets t, plus the ridge on a. */
function objective(x: readonly number[], t: readonly number[], a: number, b: number, ridge: number): number {
  let sum = (ridge * a * a) / 2;
  for (let i = 0; i < x.length; i++) {
    const z = a * (x[i] as number) + b;
    // log(1 + e^z) − t·z, computed without overflow.
    const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    sum += softplus - (t[i] as number) * z;
  }
  return sum;
}
