/**
 * A constant-position Kalman filter on one scalar (a coordinate or an extent, metres). Pure TypeScript.
 * Objects on a table mostly stand still; a constant-position model with process noise lets a moved object be
 * followed within a few frames while depth jitter is averaged out.
 */

/** Filter state: estimate and its variance (metres and square metres). */
export interface Kalman1d {
  value: number
  variance: number
}

/** A new filter from a first measurement with its variance. */
export function kalmanStart(measured: number, measurementVariance: number): Kalman1d {
  return { value: measured, variance: measurementVariance }
}

/** Predict one step: the value stays, the variance grows by the process variance. Returns a new state. */
export function kalmanPredict(state: Kalman1d, processVariance: number): Kalman1d {
  return { value: state.value, variance: state.variance + processVariance }
}

/** Fuse one measurement (value, variance) into a predicted state. Returns a new state. */
export function kalmanUpdate(
  state: Kalman1d,
  measured: number,
  measurementVariance: number,
): Kalman1d {
  const gain = state.variance / (state.variance + measurementVariance)
  return {
    value: state.value + gain * (measured - state.value),
    variance: (1 - gain) * state.variance,
  }
}
