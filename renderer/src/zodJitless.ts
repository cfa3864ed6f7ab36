import { z } from 'zod'

// zod compiles fast object parsers with new Function() when it may; its probe runs while the
// contract's schemas are constructed and trips the page's CSP (no 'unsafe-eval'), which logs a
// violation. Imported first by main.tsx so it runs before any schema module.
z.config({ jitless: true })
