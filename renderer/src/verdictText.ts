/** Words for SpatialEnsemble's verdicts and voters, shared by the verdict card and the measurement log. */

export type VerdictValue = 'true' | 'false' | 'abstain'

/** "True · 82 %", "False · 64 %", or "Cannot tell" for an abstention (its confidence means nothing). */
export function formatVerdict(verdict: VerdictValue, confidence: number): string {
  if (verdict === 'abstain') return 'Cannot tell'
  return `${verdict === 'true' ? 'True' : 'False'} · ${Math.round(confidence * 100)} %`
}

const VOTER_NAMES: Record<string, string> = {
  geometry: 'Geometry',
  'geometry-2d': 'Geometry (2D)',
  'language-prior': 'Language prior',
  vlm: 'Vision-language model',
  llm: 'LLM (scene graph)',
}

/** A voter's id as people read it; unknown ids (user-installed classifiers) as they are. */
export function voterName(voterId: string): string {
  return VOTER_NAMES[voterId] ?? voterId
}
