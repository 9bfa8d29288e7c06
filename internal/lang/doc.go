// Package lang is the languages the site is published in: how each writes
// numbers, changes, lists and dates, and each one's table of interface
// strings, read from i18n/<code>.toml.
//
// Danish is the site's first language, published at the root; every other
// language is published under its code (/en/…). The tables must hold the
// same keys: a key missing from one language is an error naming the file
// and the key, so no page is ever published with a string of the wrong
// language or none.
package lang
