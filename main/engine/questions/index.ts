/**
 * The compositional question grammar: a parser producing a typed query (quantity × references × relation × unit),
 * reference resolution with the lexicon of names people say, and one pure operation per query type.
 * Pure TypeScript.
 */

export * from './ast'
export { parseQuery } from './parse'
export { resolveReference, referenceScore, cleanReference, type Resolved } from './references'
export { suggestObjects } from './suggest'
export { labelsForSynonym, labelsForHypernym } from './lexicon'
export { readWidth, parseWidthM as readWidthM, takeAskedUnit, formatIn, MAX_WIDTH_M } from './units'
export * from './places'
export * from './placeOps'
export * from './groupOps'
export * from './filters'
export * from './cameraOps'
export { runQuery } from './answerQuery'
export { normalizeQuestion } from './normalize'
export { itemsNamed, didYouMean, type NameMatch } from './nameMatch'
export { resolveRobotFrame, isRobotFrameObject, GRIPPER_WORDS } from './robotFrameRefs'
