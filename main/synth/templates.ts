/**
 * Question and answer phrasings of the synthesised dataset, per question type: SpatialVLM's qualitative and
 * quantitative types plus the types the question grammar adds. `{A}`, `{B}`, `{C}` are object phrases ("the mug"),
 * `{V}` the human-style value ("about 40 cm"), `{X}` the chosen object, `{L}` a label plural. Every question form
 * here is one the engine's parser reads as `kind` (the generator checks and drops any that it does not).
 * Pure data.
 */

import type { AnswerKind } from '../engine/answers/types'
import { CHOICE_TEMPLATES, PREDICATE_TEMPLATES } from './comparisonTemplates'

export interface QaTemplate {
  /** Question type in the dataset (also the engine's answer kind). */
  type: AnswerKind
  category: 'qualitative' | 'quantitative'
  /** 0: about the whole scene, 1: one object, 2: a pair, 3: a pair and a third object ({C}). */
  arity: 0 | 1 | 2 | 3
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
  ...PREDICATE_TEMPLATES,
  ...CHOICE_TEMPLATES,
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
  quantity(
    'length',
    ['How long is {A}?', 'What is the length of {A}?'],
    ['{V}.', '{A} is {V} long.'],
    1,
  ),
  {
    type: 'location',
    category: 'quantitative',
    arity: 1,
    questions: ['Where is {A}?'],
    answers: ["At {V} o'clock from the camera.", "{A} is at {V} o'clock from the camera."],
  },
  {
    type: 'closer_than',
    category: 'qualitative',
    arity: 3,
    questions: ['Is {A} closer to {B} than {C}?', 'Is {A} closer to {B} than {C} is?'],
    yes: ['Yes.', 'Yes, {A} is closer to {B} than {C} is.'],
    no: ['No.', 'No, {A} is not closer to {B} than {C} is.'],
    mirror: { type: 'farther_than', derive: 'same' },
  },
  {
    type: 'farther_than',
    category: 'qualitative',
    arity: 3,
    questions: ['Is {A} farther from {B} than {C}?', 'Is {A} further from {B} than {C} is?'],
    yes: ['Yes.', 'Yes, {A} is farther from {B} than {C} is.'],
    no: ['No.', 'No, {A} is not farther from {B} than {C} is.'],
    mirror: { type: 'closer_than', derive: 'same' },
  },
  {
    type: 'list',
    category: 'qualitative',
    arity: 0,
    questions: ['What objects are there?', 'List the objects.'],
    answers: ['{N}.', 'I can see {N}.'],
  },
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
