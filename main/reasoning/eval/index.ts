/** The chain-of-thought evaluation: GT scenes, the question set builder, and scoring. */
export { buildEvalSet, EVAL_QUESTIONS } from './buildEvalSet.js'
export {
  loadEvalScenes,
  sunRgbdScene,
  syntheticScene,
  type EvalObject,
  type EvalScene,
  type Footprint,
} from './evalScenes.js'
export {
  EVAL_KINDS,
  type EvalAnswer,
  type EvalItem,
  type EvalKind,
  type EvalUnit,
} from './evalTypes.js'
export {
  answerFromText,
  answerInExpectedUnit,
  runEval,
  scoreAnswer,
  summariseEval,
  type EvalAnswerFn,
  type EvalRates,
  type EvalReport,
  type EvalResult,
  type RunEvalOptions,
} from './scoreEval.js'
export { grammarEvalAnswer } from './grammarAnswer.js'
