/**
 * The options page's review of a file before it is imported (lib/crm/csv/review.ts), off
 * the page's thread: a 200 MB file takes tens of seconds to read. Plain data in and out.
 */
import * as Comlink from 'comlink';
import { reviewCsv, type CsvReviewReply } from '../lib/crm/csv/review';

export const csvReviewApi = {
  review(bytes: ArrayBuffer): CsvReviewReply {
    return reviewCsv(bytes);
  },
};

export type CsvReviewApi = typeof csvReviewApi;

Comlink.expose(csvReviewApi);
