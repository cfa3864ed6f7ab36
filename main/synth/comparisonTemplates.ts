/**
 * The pair comparisons of the synthesised dataset (see templates.ts): yes/no predicates ("Is {A} left of {B}?"),
 * each with its converse for the other order, and two-way choices ("Which is higher, {A} or {B}?"). Pure data.
 */
import type { AnswerKind } from '../engine/answers/types'
import type { QaTemplate } from './templates'

const predicate = (
  type: AnswerKind,
  converse: AnswerKind,
  rel: string,
  questions: string[],
): QaTemplate => ({
  type,
  category: 'qualitative',
  arity: 2,
  questions,
  yes: ['Yes.', `Yes, {A} is ${rel} {B}.`, `Correct, {A} is ${rel} {B}.`],
  no: ['No.', `No, {A} is not ${rel} {B}.`, `Incorrect, {A} is not ${rel} {B}.`],
  mirror: { type: converse, derive: 'same' },
})

const choice = (type: AnswerKind, word: string, questions: string[]): QaTemplate => ({
  type,
  category: 'qualitative',
  arity: 2,
  questions,
  answers: ['{X}.', `{X} is ${word}.`, `It is {X}.`],
  mirror: { type, derive: 'same' },
})

/** Yes/no relations of a pair, in the dataset's order. */
export const PREDICATE_TEMPLATES: QaTemplate[] = [
  predicate('left', 'right', 'to the left of', [
    'Is {A} to the left of {B}?',
    'Is {A} on the left side of {B}?',
    'Is {A} further left than {B}?',
  ]),
  predicate('right', 'left', 'to the right of', [
    'Is {A} to the right of {B}?',
    'Is {A} on the right side of {B}?',
    'Is {A} further right than {B}?',
  ]),
  predicate('above', 'below', 'above', [
    'Is {A} above {B}?',
    'Is {A} higher than {B}?',
    'Is {A} higher up than {B}?',
  ]),
  predicate('below', 'above', 'below', [
    'Is {A} below {B}?',
    'Is {A} lower than {B}?',
    'Is {A} lower down than {B}?',
  ]),
  predicate('front', 'behind', 'in front of', [
    'Is {A} in front of {B}?',
    'Is {A} in the front of {B}?',
  ]),
  predicate('behind', 'front', 'behind', [
    'Is {A} behind {B}?',
    'Is {A} further back than {B}?',
    'Is {A} at the back of {B}?',
  ]),
  predicate('wider', 'thinner', 'wider than', [
    'Is {A} wider than {B}?',
    'Is {A} broader than {B}?',
  ]),
  predicate('thinner', 'wider', 'thinner than', [
    'Is {A} thinner than {B}?',
    'Is {A} narrower than {B}?',
    'Is {A} slimmer than {B}?',
  ]),
  predicate('bigger', 'smaller', 'bigger than', [
    'Is {A} bigger than {B}?',
    'Is {A} larger than {B}?',
  ]),
  predicate('smaller', 'bigger', 'smaller than', [
    'Is {A} smaller than {B}?',
    'Is {A} tinier than {B}?',
  ]),
  predicate('taller', 'shorter', 'taller than', ['Is {A} taller than {B}?']),
  predicate('shorter', 'taller', 'shorter than', ['Is {A} shorter than {B}?']),
]

/** Which of a pair, in the dataset's order. */
export const CHOICE_TEMPLATES: QaTemplate[] = [
  choice('left_choice', 'more to the left', [
    'Which is more to the left, {A} or {B}?',
    'Which is further left, {A} or {B}?',
  ]),
  choice('right_choice', 'more to the right', [
    'Which is more to the right, {A} or {B}?',
    'Which is further right, {A} or {B}?',
  ]),
  choice('above_choice', 'higher', [
    'Which is higher, {A} or {B}?',
    'Which is higher up, {A} or {B}?',
  ]),
  choice('below_choice', 'lower', [
    'Which is lower, {A} or {B}?',
    'Which is lower down, {A} or {B}?',
  ]),
  choice('tall_choice', 'taller', ['Which is taller, {A} or {B}?']),
  choice('short_choice', 'shorter', ['Which is shorter, {A} or {B}?']),
  choice('big_choice', 'bigger', ['Which is bigger, {A} or {B}?', 'Which is larger, {A} or {B}?']),
  choice('small_choice', 'smaller', ['Which is smaller, {A} or {B}?']),
  choice('wide_choice', 'wider', ['Which is wider, {A} or {B}?', 'Which is broader, {A} or {B}?']),
  choice('thin_choice', 'thinner', [
    'Which is thinner, {A} or {B}?',
    'Which is narrower, {A} or {B}?',
  ]),
  choice('front_choice', 'more in front', [
    'Which is more in front, {A} or {B}?',
    'Which is more to the front, {A} or {B}?',
  ]),
  choice('behind_choice', 'further back', [
    'Which is further back, {A} or {B}?',
    'Which is farther back, {A} or {B}?',
  ]),
  choice('close_choice', 'closer to the camera', [
    'Which is closer to the camera, {A} or {B}?',
    'Which is nearer to the camera, {A} or {B}?',
  ]),
  choice('far_choice', 'farther from the camera', [
    'Which is farther from the camera, {A} or {B}?',
    'Which is further away from the camera, {A} or {B}?',
  ]),
]
