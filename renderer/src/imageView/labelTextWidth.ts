const widths = new Map<string, number>()
let measuringContext: CanvasRenderingContext2D | null | undefined

/**
 * The width (px) of a name in the image view's label font (11.5 px, the page's font family), from
 * a canvas's text metrics; cached. Without a canvas it estimates 0.6 em a character.
 */
export function labelTextWidthPx(text: string, isBold: boolean): number {
  const key = `${isBold ? 'b' : 'n'}:${text}`
  const cached = widths.get(key)
  if (cached !== undefined) return cached
  if (measuringContext === undefined) {
    measuringContext = document.createElement('canvas').getContext('2d')
  }
  let width = text.length * 11.5 * 0.6
  if (measuringContext) {
    const family = getComputedStyle(document.documentElement).fontFamily || 'sans-serif'
    measuringContext.font = `${isBold ? 700 : 400} 11.5px ${family}`
    width = measuringContext.measureText(text).width
  }
  widths.set(key, width)
  return width
}
