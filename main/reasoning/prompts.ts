/**
 * Prompts and the no-LLM path of the orchestrator: the system prompt naming the scene's objects, and the
 * deterministic template answer (or a clear "configure an LLM" message, never a guess) when no model is set.
 */

import { answerQuestion, type Answer } from '../engine/answers'
import type { Scene } from '../engine/types'
import type { StepRecorder } from './trace'

/** How to configure an LLM, quoted in the no-LLM message. */
export const LLM_HELP =
  'Configure an LLM to answer multi-step questions: --llm ollama:<model> (e.g. --llm ollama:qwen2.5:7b) or ' +
  '--llm openai:http://host:port/v1#model (any OpenAI-compatible server), or choose one in the settings.'

/** The system prompt's line when visual questions can be answered (kept short for small contexts). */
export const VISION_LINE =
  'Visual questions (colour, material, text, which object fits a description) go to ask_image, describe_object or find_object_by_description: a small vision model looks at the image; say its answers come from it.'
/** The system prompt's line without a vision model: no guessing about what things look like. */
export const NO_VISION_LINE =
  'No vision model is available: visual attributes (colour, material, text on objects) cannot be answered; say so, never guess.'

/**
 * System prompt naming the scene's objects and the conventions, and saying whether visual questions
 * can be answered (`hasVision`: a vision-language model and the image are there, so the visual
 * tools are).
 */
export function systemPrompt(scene: Scene, options: { hasVision?: boolean } = {}): string {
  const names = scene.objects.map((o) => o.name).join(', ') || '(none)'
  return [
    'You answer spatial questions about one camera frame using the spatial tools; they measure a metric 3D scene.',
    'World frame: z up, x right, y forward (away from the camera), origin on the support surface. Lengths in metres.',
    `Objects in this scene: ${names}. Use these exact names.`,
    'Get every number from a tool (convert_units for other units); never estimate. Quote numbers as the tools return them.',
    'Before you state how two objects relate (left of, on, under, near, …), check the claim with verify_relation.',
    options.hasVision ? VISION_LINE : NO_VISION_LINE,
  ].join('\n')
}

/**
 * Answer without an LLM: template questions through the deterministic engine; anything else gets a message naming
 * how to configure an LLM. Records one step.
 */
export function answerWithoutLlm(
  scene: Scene,
  question: string,
  rec: StepRecorder,
): { answer: string; stopReason: 'template' | 'no_llm'; templateAnswer?: Answer } {
  const a = answerQuestion(scene, question)
  if (a.kind === 'unsupported') {
    const answer = `This question needs multi-step reasoning and no LLM is configured, so I will not guess. ${LLM_HELP} Without an LLM I answer template questions such as "how far is the mug from the laptop?".`
    rec.add({ kind: 'error', text: answer })
    return { answer, stopReason: 'no_llm' }
  }
  rec.add({ kind: 'final', text: a.text, result: { value: a.value, unit: a.unit, kind: a.kind } })
  return { answer: a.text, stopReason: 'template', templateAnswer: a }
}
