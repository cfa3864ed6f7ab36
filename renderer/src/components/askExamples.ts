/** Example questions built from the scene's own names, so a first question always works. */
export function examplesFor(names: string[]): string[] {
  if (names.length === 0) return []
  const [a, b] = names
  const examples = [`how tall is the ${a}`]
  if (b)
    examples.unshift(
      `how far is the ${a} from the ${b}`,
      `which is bigger, the ${a} or the ${b}`,
      `is the ${a} left of the ${b}`,
      `the ${a} is left of the ${b}`,
    )
  return examples
}
