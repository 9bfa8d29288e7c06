package chart

import "report/internal/lang"

// ForgetDrawn empties the cache of drawn charts, so that a benchmark of
// the edition's charts measures drawing them, not looking them up.
func ForgetDrawn() {
	cache.Lock()
	cache.svgs = nil
	cache.Unlock()
}

// Danish is the Danish language with its table (danish), for the tests
// outside the package.
func Danish() *lang.Lang { return danish() }
