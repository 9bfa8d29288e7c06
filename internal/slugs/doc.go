// Package slugs turns Danish titles into readable URL slugs (æ → ae,
// ø → oe, å → aa) and tells a slug from a name that is not one. How Danish
// writes numbers and dates is package lang's.
package slugs
