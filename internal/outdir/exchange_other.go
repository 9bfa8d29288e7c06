//go:build !linux && !darwin

package outdir

// exchangeOS: this system has no call that swaps two paths atomically, so
// Replace swaps with two renames.
func exchangeOS(a, b string) error { return errNoExchange }
