/**
 * Example question forms the grammar answers, listed in 'unsupported' answers so a user sees what to ask.
 * Pure TypeScript.
 */

/** Example question forms listed in 'unsupported' answers. */
export const EXAMPLE_QUESTIONS: string[] = [
  'How far is the mug from the laptop?',
  'What is the gap between the mug and the laptop?',
  'What is the horizontal distance between A and B?',
  'What is the vertical distance between A and B?',
  'Is the bottle to the left of the box?',
  'Is A above / below / in front of / behind B?',
  'Is A wider / thinner / bigger / smaller / taller / shorter than B?',
  'Which is bigger, A or B?',
  'Which is more to the left, A or B?',
  'How tall / wide / deep is the bottle?',
  'Where is A relative to B? (clock direction)',
  'Can a 8 cm gripper fit between A and B?',
  'How far away is the laptop? (from the camera)',
  'How high is the laptop above the floor?',
  'How long is the book?',
  'How many chairs are there? / How many objects are on the table?',
  'Which is closest to the camera? / Which is the tallest box?',
  'How much taller is A than B?',
  'Is A closer to B than to C?',
  'Is the laptop on the floor?',
  'What is left of the mug?',
  'How far is the mug from the laptop in inches?',
  'Is the mug within 10 cm of the gripper? (robot TF frames: tool0, the gripper, the end effector)',
  'Will the gripper clear the bottle if it moves 10 cm forward?',
]
