/**
 * Input a depth calibration cannot use (too few pixels with both depths, a clicked pixel without
 * depth, a region outside the image). The message is for the user: it says what to do.
 */
export class CalibrationInputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CalibrationInputError'
  }
}
