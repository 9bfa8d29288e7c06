package chart

// ForgetDrawn empties the cache of drawn charts, so that a benchmark of
// the edition's charts measures drawing them, not looking them up.
func ForgetDrawn() {
	cache.Lock()
	cache.svgs = nil
	cache.Unlock()
}
