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
  return plattFit(scores, labels, eps).calibration;
}

/**
 * Platt scaling and the log loss of the probabilities it gives the same rows (plain 0/1
 * labels, NaN scores skipped): the yardstick Win Potential compares configurations on, read
 * off the logits the fit already holds instead of calibrating every row again.
 */
export function plattLogLoss(scores: ArrayLike<number>, labels: ArrayLike<number>, eps: number): { calibration: PlattCalibration; logLoss: number } {
  const { calibration, x, labels: y } = plattFit(scores, labels, eps);
  const { a, b } = calibration;
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    const z = a * (x[i] as number) + b;
    // −log p(label) = softplus(z) − label·z, computed without overflow.
    sum += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - (y[i] as number) * z;
  }
  return { calibration, logLoss: sum / Math.max(1, x.length) };
}

/** The fit itself, with the logits and labels of the rows it used. */
function plattFit(scores: ArrayLike<number>, labels: ArrayLike<number>, eps: number): { calibration: PlattCalibration; x: Float64Array; labels: Uint8Array } {
  if (scores.length !== labels.length) throw new Error(`fitPlatt: ${scores.length} scores but ${labels.length} labels`);
  let n = 0;
  for (let i = 0; i < scores.length; i++) if (!Number.isNaN(scores[i] as number)) n++;
  const x = new Float64Array(n);
  const y = new Uint8Array(n);
  let positives = 0;
  let negatives = 0;
  for (let i = 0, k = 0; i < scores.length; i++) {
    const s = scores[i] as number;
    if (Number.isNaN(s)) continue;
    x[k] = logit(Math.min(1 - eps, Math.max(eps, s)));
    const label = labels[i] as number;
    y[k++] = label === 1 ? 1 : 0;
    if (label === 1) positives++;
    else negatives++;
  }
  if (positives === 0 || negatives === 0) throw new Error(`fitPlatt: needs both outcomes, got ${positives} wins and ${negatives} losses`);
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (negatives + 2);
  const t = Float64Array.from(y, (label) => (label === 1 ? hi : lo));
  let a = 1;
  let b = 0;
  // A tiny ridge keeps the Hessian invertible when the scores are (nearly) constant.
  const ridge = 1e-6;
  // The loss at (a, b) with its gradient and Hessian, from one pass over the deals; the
  // line search's accepted point carries its pass into the next iteration.
  let derivatives = new Float64Array(5);
  let trial = new Float64Array(5);
  let current = lossPass(x, t, a, b, ridge, derivatives);
  for (let iteration = 0; iteration < 100; iteration++) {
    const [ga, gb, haa, hab, hbb] = derivatives as unknown as [number, number, number, number, number];
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
    let next = lossPass(x, t, a - da, b - db, ridge, trial);
    while (step > 1e-12 && next > current - 1e-4 * step * descent) {
      step /= 2;
      next = lossPass(x, t, a - step * da, b - step * db, ridge, trial);
    }
    if (!(step > 1e-12)) break;
    a -= step * da;
    b -= step * db;
    [derivatives, trial] = [trial, derivatives];
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
    let meanLogit = 0;
    for (const v of x) meanLogit += v;
    meanLogit /= x.length;
    return { calibration: { a: MIN_SLOPE, b: logit(rate) - MIN_SLOPE * meanLogit, eps }, x, labels: y };
  }
  return { calibration: { a, b, eps }, x, labels: y };
}

/**
 * The smoothed log loss of sigmoid(a·x + b) against targets t, plus the ridge on a; its
 * gradient and Hessian in (a, b) go to `out` as [ga, gb, haa, hab, hbb].
 */
function lossPass(x: Float64Array, t: Float64Array, a: number, b: number, ridge: number, out: Float64Array): number {
  let sum = (ridge * a * a) / 2;
  let ga = ridge * a;
  let gb = 0;
  let haa = ridge;
  let hab = 0;
  let hbb = ridge;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const z = a * xi + b;
    // log(1 + e^z) − t·z and sigmoid(z) from one exponential, without overflow.
    const e = Math.exp(-Math.abs(z));
    sum += (z > 0 ? z : 0) + Math.log1p(e) - (t[i] as number) * z;
    const p = z >= 0 ? 1 / (1 + e) : e / (1 + e);
    const d = p - (t[i] as number);
    const w = p * (1 - p);
    ga += d * xi;
    gb += d;
    haa += w * xi * xi;
    hab += w * xi;
    hbb += w;
  }
  out[0] = ga;
  out[1] = gb;
  out[2] = haa;
  out[3] = hab;
  out[4] = hbb;
  return sum;
}
