/** Tracking across frames: association by 3D box overlap and colour, Kalman smoothing, hysteresis. */
export { Tracker, DEFAULT_TRACKER, type Track, type TrackerOptions } from './Tracker'
export {
  associate,
  associationCost,
  DEFAULT_ASSOCIATION,
  type AssociationOptions,
} from './associate'
export { boxIou, footprintCorners, polygonArea } from './boxOverlap'
export { kalmanPredict, kalmanStart, kalmanUpdate, type Kalman1d } from './kalman1d'
export { trackedScene } from './trackedScene'
