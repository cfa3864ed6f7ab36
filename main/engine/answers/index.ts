/**
 * Spatial question answering over a lifted scene: one pure function per question type plus the template parser.
 * Pure TypeScript.
 */

export * from './types'
export * from './boxGeometry'
export {
  formatLength,
  formatVolume,
  GRAVITY_KINDS,
  CAMERA_FRAME_NOTE,
  withFrameNote,
} from './format'
export * from './predicates'
export * from './choices'
export * from './distances'
export * from './direction'
export * from './objectSize'
export * from './fits'
export * from './objectMatch'
export * from './answerQuestion'
export * from './measure'
