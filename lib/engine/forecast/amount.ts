/**
 * Amount of a deal if it is won, as a distribution per deal: a distribution forest on the
 * log amount of won deals (amounts are multiplicative: a bigger company buys more seats
 * at the same discount), read back as P10/P50/P90 in the org's currency. The amount
 * itself is never a feature of its own model.
 */
import type { Opportunity } from '../../crm/opportunity';
import { encode, fitEncoder, type DroppedFeature, type EncoderOptions, type EncoderSpec } from '../encode';
import { applyBinning, fitBinning } from '../forest/binning';
import { DistributionForest, type DistributionForestJSON } from './distribution-forest';
import { readQuantiles } from './grid';

export interface AmountRange {
  p10: number;
  p50: number;
  p90: number;
}

export interface AmountModelJSON {
  format: 'dealsight-amount-model';
  version: 1;
  encoder: EncoderSpec;
  dropped: DroppedFeature[];
  forest: DistributionForestJSON;
  /** Won deals trained on. */
  deals: number;
}

export interface AmountTrainOptions {
  seed: number;
  trees: number;
  encoder?: EncoderOptions;
  onProgress?: (done: number, total: number) => void;
}

const QUANTILES = [0.1, 0.5, 0.9] as const;

export class AmountModel {
  private constructor(
    readonly json: Omit<AmountModelJSON, 'forest'>,
    readonly forest: DistributionForest,
  ) {}

  /** Trains on won deals that all have a positive amount (in one currency: the caller's job). */
  static train(won: Opportunity[], options: AmountTrainOptions): AmountModel {
    const logAmount = Float64Array.from(won, (o) => {
      if (!o.isWon || o.amount === null || !(o.amount > 0) || !Number.isFinite(o.amount)) {
        throw new Error(`AmountModel.train: opportunity ${o.id} is not a won deal with a positive amount`);
      }
      return Math.log(o.amount);
    });
    // The created month is left out as in the days-open model (a cohort on a time split).
    const { spec, dropped, columns } = fitEncoder(won, {
      ...options.encoder,
      excludeFeatures: [...(options.encoder?.excludeFeatures ?? []), 'amount', 'createdMonth'],
    });
    const data = applyBinning(fitBinning(columns), columns);
    const forest = DistributionForest.fit(data, logAmount, { discrete: false, seed: options.seed, trees: options.trees, onProgress: options.onProgress });
    return new AmountModel({ format: 'dealsight-amount-model', version: 1, encoder: spec, dropped, deals: won.length }, forest);
  }

  static load(json: AmountModelJSON): AmountModel {
    if (json?.format !== 'dealsight-amount-model') throw new Error('AmountModel.load: not a saved Dealsight amount model');
    if (json.version !== 1) throw new Error(`AmountModel.load: unsupported version ${String(json.version)}`);
    const { forest, ...rest } = json;
    return new AmountModel(rest, DistributionForest.load(forest));
  }

  toJSON(): AmountModelJSON {
    return { ...this.json, forest: this.forest.toJSON() };
  }

  /** P10/P50/P90 of the amount of each opportunity if won. */
  predict(opportunities: Opportunity[]): AmountRange[] {
    const data = applyBinning(this.forest.forest.binning, encode(this.json.encoder, opportunities));
    const out = new Array<AmountRange>(opportunities.length);
    this.forest.forEachDistribution(data, (r, mass) => {
      const [p10, p50, p90] = (readQuantiles(this.forest.grid, mass, QUANTILES) as number[]).map(Math.exp) as [number, number, number];
      out[r] = { p10, p50, p90 };
    });
    return out;
  }
}
