/**
 * Metric size priors for the 80 COCO classes: the range of an instance's **largest extent** (its longest side in any
 * pose: a chair's height, a bed's length, a bottle's height, a laptop's width), in metres.
 *
 * The largest extent is used because it does not depend on pose (a bottle lying down, a closed laptop) and because
 * occlusion shrinks it least. Ranges are deliberately generous: they bound ordinary instances, from the small end
 * of the product range to the large end, so that a real instance passes and only a label that is wrong by a large
 * factor fails (a 9 cm "fire hydrant", a 1.8 m "suitcase", a 4 cm "chair"). Sources, by class:
 * - furniture: office chairs BS EN 1335-1 / ANSI/BIFMA X5.1 (seat 0.40–0.53 m high, overall 0.8–1.3 m); dining
 *   chairs 0.8–1.0 m high; desks and tables ANSI/BIFMA X5.5 (0.72–0.76 m high, tops 0.6 m for two up to 3 m);
 *   mattresses: crib 1.32 m (ASTM F1169 / 16 CFR 1220), twin 1.91 m, California king 2.13 m (US sizes), EU 2.00 m,
 *   frames add up to about 0.25 m; sofas: loveseat 1.3–1.6 m, three-seater 1.8–2.3 m, sectional up to 3.5 m;
 *   toilets: ADA seat height 17–19 in (0.43–0.48 m), 0.6–0.8 m long or tall with the tank.
 * - luggage: IATA carry-on guideline 56 × 45 × 25 cm; checked bags up to 158 cm linear (L + W + H), so the longest
 *   side of a suitcase stays under about 0.85 m; backpacks 0.35–0.85 m tall (20–90 l).
 * - street furniture: fire hydrants (AWWA C502 dry-barrel) stand about 0.6–0.9 m above grade; stop signs are 30,
 *   36 or 48 in octagons (MUTCD R1-1, 0.75–1.2 m; 18 in minis on private roads); traffic signal heads use 200/300 mm
 *   lenses, 0.6–1.1 m for three sections (ITE "Vehicle Traffic Control Signal Heads").
 * - vehicles: cars 2.7 m (Smart Fortwo) to 5.9 m (full-size pickup); buses 6–18 m (articulated), trucks up to 25 m.
 * - sport: balls from a golf ball (42.7 mm, R&A rules) to a basketball (0.24 m, FIBA); tennis rackets ≤ 73.7 cm
 *   (ITF rules); baseball bats ≤ 42 in = 1.07 m (MLB rule 3.02); ultimate discs 27 cm (WFDF).
 * - electronics: TVs 19–98 in diagonal (0.42–2.2 m wide); laptops 11.6–18.4 in (0.28–0.43 m wide); keyboards
 *   0.29 m (60 %) to 0.46 m (full size); phones 0.12–0.17 m; microwaves 0.4–0.6 m wide; refrigerators from 0.5 m
 *   (bar fridge) to 1.85 m (full size).
 * - tableware and food: mugs 8–12 cm tall (a standard 11 oz mug is 9.5 cm), espresso cups 6 cm; drink bottles
 *   0.1–0.35 m (0.25 l to 2 l; a wine bottle 0.30 m); cutlery 0.15–0.25 m; books from A6 (0.148 m) to atlases
 *   (0.45 m, ISO 216 sizes); whole fruit per USDA/UNECE size classes (an apple 6–10 cm).
 * - animals: typical adult body length or shoulder height ranges (a curled-up cat 0.25 m, a giraffe 4.5–5.5 m).
 */

/** Range of an instance's largest extent, metres. */
export interface SizePrior {
  minLargestM: number
  maxLargestM: number
}

const PRIORS: Record<string, [number, number]> = {
  person: [0.45, 2.3],
  bicycle: [0.8, 2.0],
  car: [2.4, 6.2],
  motorcycle: [1.2, 2.7],
  airplane: [3, 85],
  bus: [5, 25],
  train: [5, 400],
  truck: [3.5, 25],
  boat: [1.5, 400],
  'traffic light': [0.3, 1.5],
  'fire hydrant': [0.4, 1.2],
  'stop sign': [0.45, 1.25],
  'parking meter': [0.3, 1.8],
  bench: [0.9, 3.5],
  bird: [0.08, 1.5],
  cat: [0.25, 1.0],
  dog: [0.2, 1.4],
  horse: [1.5, 3.0],
  sheep: [0.8, 1.9],
  cow: [1.5, 3.0],
  elephant: [2.5, 7.5],
  bear: [1.0, 3.0],
  zebra: [1.8, 3.0],
  giraffe: [3.0, 6.0],
  backpack: [0.25, 0.9],
  umbrella: [0.2, 3.2],
  handbag: [0.12, 0.7],
  tie: [0.2, 1.6],
  suitcase: [0.35, 0.9],
  frisbee: [0.15, 0.3],
  skis: [0.9, 2.2],
  snowboard: [0.9, 1.9],
  'sports ball': [0.04, 0.32],
  kite: [0.3, 4.0],
  'baseball bat': [0.6, 1.1],
  'baseball glove': [0.2, 0.4],
  skateboard: [0.55, 1.2],
  surfboard: [1.2, 3.7],
  'tennis racket': [0.45, 0.75],
  bottle: [0.08, 0.5],
  'wine glass': [0.1, 0.3],
  cup: [0.04, 0.2],
  fork: [0.1, 0.3],
  knife: [0.1, 0.4],
  spoon: [0.1, 0.3],
  bowl: [0.08, 0.45],
  banana: [0.1, 0.3],
  apple: [0.05, 0.12],
  sandwich: [0.06, 0.35],
  orange: [0.04, 0.12],
  broccoli: [0.05, 0.35],
  carrot: [0.05, 0.35],
  'hot dog': [0.1, 0.35],
  pizza: [0.1, 0.5],
  donut: [0.05, 0.15],
  cake: [0.05, 0.5],
  chair: [0.5, 1.4],
  // Some annotators call an armchair a couch, so the low end is an armchair's width, not a loveseat's.
  couch: [0.7, 3.8],
  'potted plant': [0.1, 2.5],
  bed: [1.2, 2.5],
  'dining table': [0.6, 3.5],
  toilet: [0.4, 0.85],
  tv: [0.35, 2.2],
  laptop: [0.2, 0.45],
  mouse: [0.05, 0.15],
  remote: [0.08, 0.3],
  keyboard: [0.25, 0.55],
  'cell phone': [0.09, 0.2],
  microwave: [0.35, 0.65],
  oven: [0.5, 1.0],
  toaster: [0.18, 0.45],
  sink: [0.3, 1.2],
  refrigerator: [0.45, 2.1],
  book: [0.09, 0.5],
  clock: [0.05, 2.3],
  vase: [0.08, 1.2],
  scissors: [0.08, 0.3],
  'teddy bear': [0.1, 1.8],
  'hair drier': [0.15, 0.35],
  toothbrush: [0.1, 0.26],
}

/** The size prior of a COCO class (COCO 2017 wording, e.g. "dining table"), or undefined for other labels. */
export function sizePriorFor(label: string): SizePrior | undefined {
  const range = PRIORS[label.trim().toLowerCase()]
  return range ? { minLargestM: range[0], maxLargestM: range[1] } : undefined
}

/** Every class that has a prior (for tests and documentation). */
export function classesWithPriors(): string[] {
  return Object.keys(PRIORS)
}
