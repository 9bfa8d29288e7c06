// Package outdir guards and replaces the folder a build writes the site to.
//
// A build replaces its output folder whole, so Check refuses a folder whose
// loss would hurt: one of the site's sources or a folder inside one, the
// site's own folder or a folder that holds it, a file, a Git checkout, a
// folder with files that is not a site built before. Resolve gives the
// folder Check judges and a build writes, every symbolic link resolved.
//
// Open locks the folder, so that two builds into it take turns, and repairs
// what a killed build left; Output.Replace then swaps a new tree in, so
// that a failed, stopped or killed build never leaves a half-written site.
// A folder that is a mount point cannot be swapped, and is the exception:
// its entries are moved in one at a time, and a build killed while they
// move leaves a mix of two sites until the next build (see replaceInside).
// With Output.Recycle, the site a swap replaces is kept beside the folder
// for the next build to fill its new tree from (see recycle.go).
package outdir
