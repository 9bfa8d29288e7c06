// Package danish holds the conventions of written Danish that the published
// site follows: numbers with a decimal comma and a thousands dot (11.708,
// 257,6), readable URL slugs (æ → ae, ø → oe, å → aa) and dates written out
// ("27. november 2026").
package danish
