/**
 * Question and answer phrasings of the synthesised dataset, per question type: SpatialVLM's qualitative and
 * quantitative types plus the types the question grammar adds. `{A}`, `{B}` are object phrases ("the mug"),
 * `{V}` the human-style value ("about 40 cm"), `{X}` the chosen object, `{L}` a label plural. Every question form
 * here is one the engine's parser reads as `kind` (the generator checks and drops any that it does not).
 * Pure data.
 */

import type { AnswerKind } from '../engine/answers/types'

export interface QaTemplate {
  /** Question type in the dataset (also the engine's answer kind). */
  type: AnswerKind
  category: 'qualitative' | 'quantitative'
  /** 0: about the whole scene, 1: one object, 2: a pair. */
  arity: 0 | 1 | 2
  questions: string[]
  /** Answer texts; yes/no types use `yes` and `no` instead. */
  answers?: string[]
  yes?: string[]
  no?: string[]
  /**
   * The type asked for the other order (B, A) from the same measurement: the converse relation of a predicate
   * ("left" ↔ "right", same truth value), the same choice or symmetric quantity, the opposite clock hour.
   */
  mirror?: { type: AnswerKind; derive: 'same' | 'clock' }
}

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

const quantity = (
  type: AnswerKind,
  questions: string[],
  answers: string[],
  arity: 1 | 2,
): QaTemplate => ({
  type,
  category: 'quantitative',
  arity,
  questions,
  answers,
  ...(arity === 2 ? { mirror: { type, derive: 'same' as const } } : {}),
})

export const QA_TEMPLATES: QaTemplate[] = [
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
  quantity(
    'distance',
    [
      'How far is {A} from {B}?',
      'What is the distance between {A} and {B}?',
      'How far apart are {A} and {B}?',
      'How close is {A} to {B}?',
    ],
    [
      '{V}.',
      '{A} is {V} from {B}.',
      'They are {V} apart.',
      'The distance between {A} and {B} is {V}.',
    ],
    2,
  ),
  quantity(
    'gap',
    ['What is the gap between {A} and {B}?', 'How much space is there between {A} and {B}?'],
    ['{V}.', 'The gap between {A} and {B} is {V}.', 'There is {V} of space between them.'],
    2,
  ),
  quantity(
    'horizontal_distance',
    [
      'What is the horizontal distance between {A} and {B}?',
      'How far apart horizontally are {A} and {B}?',
    ],
    ['{V}.', 'Horizontally, {A} and {B} are {V} apart.'],
    2,
  ),
  quantity(
    'vertical_distance',
    [
      'What is the vertical distance between {A} and {B}?',
      'How far apart vertically are {A} and {B}?',
    ],
    ['{V}.', 'Vertically, {A} and {B} are {V} apart.'],
    2,
  ),
  {
    type: 'direction',
    category: 'quantitative',
    arity: 2,
    questions: [
      'Where is {B} relative to {A}?',
      'In which direction is {B} from {A}?',
      "At what o'clock is {B} from {A}?",
    ],
    answers: [
      "At {V} o'clock.",
      "Seen from {A}, {B} is at {V} o'clock.",
      "{B} is at about {V} o'clock from {A}.",
    ],
    mirror: { type: 'direction', derive: 'clock' },
  },
  quantity(
    'width',
    ['How wide is {A}?', 'What is the width of {A}?'],
    ['{V}.', '{A} is {V} wide.'],
    1,
  ),
  quantity(
    'height',
    ['How tall is {A}?', 'What is the height of {A}?'],
    ['{V}.', '{A} is {V} tall.'],
    1,
  ),
  quantity(
    'depth',
    ['How deep is {A}?', 'What is the depth of {A}?'],
    ['{V}.', '{A} is {V} deep.'],
    1,
  ),
  quantity(
    'volume',
    ['What is the volume of {A}?', 'How big is {A} in volume?'],
    ['{V}.', 'The volume of {A} is {V}.'],
    1,
  ),
  quantity(
    'camera_distance',
    [
      'How far is {A} from the camera?',
      'What is the distance from the camera to {A}?',
      'How far away from the camera is {A}?',
    ],
    ['{V}.', '{A} is {V} from the camera.'],
    1,
  ),
  quantity(
    'elevation',
    [
      'How high is {A} above the floor?',
      'How high is the top of {A} above the ground?',
      'What is the elevation of {A}?',
    ],
    ['{V}.', '{A} is {V} above the floor.'],
    1,
  ),
  {
    type: 'difference',
    category: 'quantitative',
    arity: 2,
    questions: ['How much taller is {A} than {B}?', 'How much wider is {A} than {B}?'],
    answers: ['{V}.', 'The difference is {V}.'],
  },
  {
    type: 'superlative',
    category: 'qualitative',
    arity: 0,
    questions: [
      'Which object is the tallest?',
      'What is the widest object?',
      'Which object is closest to the camera?',
      'What is the biggest object?',
    ],
    answers: ['{X}.', 'It is {X}.'],
  },
  {
    type: 'count',
    category: 'quantitative',
    arity: 0,
    questions: ['How many objects are there?', 'How many objects can you see?'],
    answers: ['{V}.', 'There are {V}.'],
  },
]
