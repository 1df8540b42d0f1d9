/**
 * The engine worker: a Comlink facade over lib/engine (and the pure CSV importer and
 * sandbox generator). See engine-api.ts for the operations.
 */
import * as Comlink from 'comlink';
import { engineApi } from './engine-api';

export type { EngineApi, TrainInput, TrainOutput, ProgressCallback, TrainStep } from './engine-api';

Comlink.expose(engineApi);
