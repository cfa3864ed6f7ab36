/**
 * Human-style values of synthesised answers, rounded the way SpatialVLM's answers are ("about 40 cm",
 * "about 1.2 m"): a person's estimate, not the engine's 2-decimal text (which samples keep as `engine_text`).
 * Pure TypeScript.
 */

/**
 * A length in words. Below 20 cm: whole centimetres; below 1 m: 5 cm steps; from 1 m: 0.1 m steps.
 * @param metres a length in metres (≥ 0; a gap ≤ 0 means touching or overlapping).
 */
export function humanLength(metres: number): string {
  if (!Number.isFinite(metres)) throw new Error(`humanLength: not a number (${metres})`)
  if (metres <= 0.005) return 'touching (0 cm)'
  const cm = metres * 100
  if (cm < 20) return `about ${Math.max(1, Math.round(cm))} cm`
  if (cm < 97.5) return `about ${Math.round(cm / 5) * 5} cm`
  return `about ${(Math.round(metres * 10) / 10).toFixed(1)} m`
}

/** A volume in words, in litres (1 L = 0.001 m³): 0.1 L steps below 10 L, whole litres above. */
export function humanVolume(cubicMetres: number): string {
  if (!Number.isFinite(cubicMetres) || cubicMetres < 0)
    throw new Error(`humanVolume: bad volume (${cubicMetres})`)
  const litres = cubicMetres * 1000
  if (litres < 0.05) return 'less than 0.1 litres'
  if (litres < 10) return `about ${(Math.round(litres * 10) / 10).toFixed(1)} litres`
  return `about ${Math.round(litres)} litres`
}

/** The clock hour `hours` later (1–12): the opposite direction is `addHours(h, 6)`. */
export function addHours(hour: number, hours: number): number {
  return ((((hour - 1 + hours) % 12) + 12) % 12) + 1
}
