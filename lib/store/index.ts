/** Everything lib/store offers: the database, its errors, its functions and its schema. */
export { DealsightDb, openDb, closeDb, upgradeToV2, type DealsightDbOptions } from './db';
export { StoreError, toStoreError, storeMessages, type StoreErrorKind } from './errors';
export { deriveAccounts, deriveUsers, deriveStageHistory } from './derive';
export * from './repo';
export * from './schema';
