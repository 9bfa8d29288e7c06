package build

import "report/internal/outdir"

// CheckOutput refuses, with the reason, an output folder whose replacement
// would destroy more than a site built before; see outdir.Check.
func CheckOutput(root, dir string) error {
	return outdir.Check(root, dir)
}
