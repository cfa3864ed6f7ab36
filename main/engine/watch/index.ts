/** Watch queries: standing questions evaluated per frame on tracked objects, emitting alert and log events. */
export { parseWatch, type WatchSpec, type WatchParse } from './parseWatch'
export {
  WatchEvaluator,
  DEFAULT_WATCH,
  type WatchEvent,
  type WatchOptions,
  type WatchReading,
} from './WatchEvaluator'
